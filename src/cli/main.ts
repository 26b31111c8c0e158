#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import * as z from 'zod';
import { DomainError } from '../domain/errors.ts';
import { UsageError } from './usage-error.ts';

// A command parses each schema once or a few times: zod's compiled parsers cost more to build (about 25 ms
// for the chart and the controls) than they save. The server, which parses requests all day, keeps them.
z.config({ jitless: true });

const HELP = `kostra: KOSTRA health and care statistics

Usage:
  kostra report --data DIR --out OUT [--definition ID]
      Import a survey round (invited.csv + responses.json) into a fresh in-memory database and write
      every table and figure of the pilot note: OUT/report.json, OUT/tables/*.csv, OUT/figures/*.svg,
      OUT/index.html.
  kostra report --round ID --out OUT
      The same for a round stored in the database.
  kostra import --data DIR [--definition ID]
      Import a survey round into the database: DATABASE_URL if set, else PGlite in KOSTRA_DATA_DIR
      (default ./.kostra). All of it is stored, or nothing.
  kostra export --round ID --out DIR
      Write a stored round in the import format (invited.csv + responses.json), each municipality's
      latest submitted version, corrections included.
  kostra tokens --survey ROUND
      Print "<municipality> <token>" for every invited municipality of a stored round (the respondent link
      is <server>/s/<token>): new tokens, kept only as hashes; links made earlier stay valid until revoked.
  kostra user add --username NAME --name "FULL NAME" [--role statistician|admin]
      Add a statistician; the password comes from KOSTRA_PASSWORD or the first line of standard input
      (at least 12 characters), and is stored argon2id-hashed.
  kostra control FILE --year Y --skjema 0A|0B|0M|0N --region RRRRRR [--quarter Q] [--orgnr N]
                 [--json OUT.json] [--html OUT.html] [--function F ...]
      SSB's controls of a municipal accounting file (data/accounts/controls.json), streamed: every finding
      with its rule, severity and lines; the key figures of the functions (default 254, 257, 258) with
      their arithmetic in the HTML. The quarter defaults to the file name's _K<n>_, else annual (a
      quarter's file gets SSB's quarterly program). --orgnr: the organisation number the records carry
      (blank when not given).
      Exit code 0 (no finding or INFO), 1 (WARNING), 2 (ERROR or FATAL).
  kostra figures FILE... [--function F ...] [--json OUT.json]
      Key figures AGD10, AGD4, AGD16 and AGD2 per function, with the arts they are summed from.
  kostra ingest FILE... [--force]
      Control accounting files and store their key figures per municipality, function and measure for the
      year (skjema, year and region from the first record). A file with an ERROR or FATAL finding is refused
      unless --force (logged).
  kostra prefill --round ID
      A round's prefilled totals from the ingested accounts of its reference year: the survey's function,
      or from 2024 the functions it was split into (254 into 257 + 258).
  kostra context --year Y --population FILE.csv --out DIR
      The note's tables 2.1-2.3 (function 254, or 257 + 258, in 1000 NOK, share of all gross operating
      expenses, NOK per inhabitant; country, counties, size groups) from the ingested accounts and a
      population file shaped like StatBank table 07459.
  kostra publish --round ID [--stage preliminary|final] [--note TEXT] [--statbank DIR]
      Publish a stored round's split (data/publication/<survey>.json says how) as the period of its reference
      year in each table, preliminary or final (default): every table suppressed and audited (exact
      disclosure, singletons, attacker intervals), then served by the PxWeb API at /api/v2/tables with the
      periods published before. Publishing a period again replaces it and records a revision, --note saying
      why (shown with the period). A table that fails its audit stops the publication, naming the cell. --statbank
      writes each table's StatBank load files to DIR, laid out by its file description
      (data/publication/statbank/<table>.json) and checked as StatBank's client checks a transfer.
  kostra key-figures accounts --year Y --seed N --out DIR
      A synthetic national year of accounting files (skjema 0A, one per municipality, sized by its
      population; nothing in them is real) that pass SSB's controls, to ingest with kostra ingest.
  kostra key-figures publish --year Y [--stage preliminary|final] [--note TEXT]
      Publish the year's home-care key figures from the ingested accounts as a period of table KF254:
      function 254 (257 + 258 from 2024) in 1000 NOK and NOK per inhabitant, per inhabitant 67+ and 80+,
      for each municipality, county (EKA), KOSTRA group (EKG), the country (EAK) and the country without
      Oslo (EAKUO), compared on /sammenlign.
  kostra suppress --data FILE.csv --dims COLS [--dims COLS ...] [--freq COL] [--value COL] --max-n N
                 [--keep-zeros] [--dominance n,k] [--method gauss|optimal] [--singletons]
                 [--intervals ABS[,PCT]] --out OUT.csv
      Suppress a table given by its inner cells: a dimension is one or more columns of the same thing at
      different levels ("region|fylke|kostragr"); --freq counts (else each row counts 1); --max-n makes
      cells with that frequency or less primary (zeros too unless --keep-zeros); --dominance the n largest
      above k per cent. Secondary suppression by Gaussian elimination (default) or the optimal method (small
      tables). The audit must pass before OUT.csv is written: one line per published cell with its codes
      ("*" = total of that column), freq, primary, suppressed. --intervals also requires each primary cell's
      attacker interval to be at least ABS wide (and PCT per cent of its value).
  kostra forms list
      The forms shipped in data/forms: id, årganger, who fills them, title.
  kostra forms show ID --year Y [--json]
      The form as it was asked in årgang Y: sections, items, the codes and labels of that year, the rules,
      and "Nytt i årets skjema" against the year before. --json prints it as JSON.
  kostra forms check FILE
      Check a form definition file against the definition language (docs/FORMS.md): every mistake with
      its path in the file. Exit code 1 when there is one.
  kostra forms round --form ID --year Y (--units FILE.csv | --from-register [--extract ID]) --id ROUND [--deadline DATE]
      Open a round of a form for årgang Y in the database, for the units in FILE.csv (code,name: a 4-digit
      municipality or a 6-digit Oslo district), or for a form filled per establishment (skjema 5, 6) the
      active units of its industries in the register extract (the latest of the årgang, or --extract ID).
      A date-only deadline lasts to the end of that day in Oslo. The links: kostra tokens --survey ROUND.
  kostra forms report --round ROUND [--out DIR]
      The round's summary per item: units answering; for numbers the sum, range and sums by KOSTRA group;
      for yes/no and choices the count of each answer. JSON on standard output, or DIR/summary.json and
      DIR/summary.csv.
  kostra forms export --round ROUND --out FILE.csv
      Each unit's latest submitted answers, a line per answer: unit,name,path,value.
  kostra forms publish --round ROUND
      Publish the round's tables as its form's publication plan says (data/publication/<form>.json; skjema
      1: punkt 2-1 by unit, KOSTRA group and country), served by the PxWeb API at /api/v2/tables.
  kostra register generate --valid-on DATE --seed N --out FILE [--institutions N] [--home-care N] [--fixed CODE:N:N]
      A synthetic register extract (Enhetsregisteret's shape, every line marked syntetisk) for tests and the demo:
      institutions (skjema 5) and home-care establishments (skjema 6) spread over the year's municipalities.
  kostra register import FILE --valid-on DATE
      Stores an extract of the register for the day it describes, or names every problem (organisation
      numbers checked by modulus 11) and stores nothing.
  kostra register list
      The stored extracts.
  kostra register corrections --round ROUND [--out FILE.csv]
      The register details the round's units corrected: the change list for the register.
  kostra collection create --id ID --year Y --name NAME --form FORM[:DEADLINE] ...
      Several forms of one årgang run together: a round per form (skjema 5 and 6 from the register's latest
      extract of the årgang; skjema 1 and 4 for every municipality and Oslo's districts), each with its
      deadline (KOSTRA's calendar unless given: 15 January for skjema 4 and 5, 15 February for the others).
  kostra collection checkpoint --id ID --kind preliminary|final
      Freezes the preliminary (15 March) or final (15 June) publication: each unit's latest version
      submitted by the end of that day; later submissions show as resubmissions.
  kostra collection rates --id ID
      The working group's response-rate table (seed 001, 6.3) of the collection, per form, as JSON.
  kostra collection links --id ID [--base URL]
      A link for each municipality or enterprise to its list of units.
  kostra rates --data DIR [--checkpoint YYYY-MM-DD ...]
      Response rates per form: DIR/units.csv (form,unit,expected) and DIR/submissions.csv
      (form,unit,submitted_at) give, per form, the expected units, those with a first submission by the end
      of each checkpoint day in Oslo (every day of a first submission when none is given) with the share to
      one decimal, and the day of the last resubmission, as JSON.
  kostra demo [--out OUT]
      The report of the demo round shipped with the product (the 2022 pilot, synthetic amounts).

The survey definition defaults to f254 (data/surveys/f254.json).
Exit codes: 0 done, 1 the input is wrong (the message says what and where), 2 the command is wrong.`;

async function main(argv: readonly string[]): Promise<void> {
  const [command, ...rest] = argv;
  // The forms commands take their own options (`--json` there is a switch, not a file).
  if (command === 'forms') {
    setFlagsFromString('--liftoff-only');
    return (await import('./forms-command.ts')).formsCommand(rest);
  }
  if (command === 'collection') {
    setFlagsFromString('--liftoff-only');
    return (await import('./collection-command.ts')).collectionCommand(rest);
  }
  if (command === 'key-figures') {
    setFlagsFromString('--liftoff-only');
    return (await import('./key-figures-command.ts')).keyFiguresCommand(rest);
  }
  if (command === 'register') {
    setFlagsFromString('--liftoff-only');
    return (await import('./register-command.ts')).registerCommand(rest);
  }
  const { values, positionals } = parseArgs({
    args: rest,
    options: {
      data: { type: 'string' },
      out: { type: 'string' },
      round: { type: 'string' },
      survey: { type: 'string' },
      username: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      definition: { type: 'string', default: 'f254' },
      dims: { type: 'string', multiple: true },
      freq: { type: 'string' },
      value: { type: 'string' },
      'max-n': { type: 'string' },
      'keep-zeros': { type: 'boolean' },
      dominance: { type: 'string' },
      method: { type: 'string' },
      singletons: { type: 'boolean' },
      intervals: { type: 'string' },
      year: { type: 'string' },
      skjema: { type: 'string' },
      region: { type: 'string' },
      quarter: { type: 'string' },
      orgnr: { type: 'string' },
      json: { type: 'string' },
      html: { type: 'string' },
      function: { type: 'string', multiple: true },
      force: { type: 'boolean' },
      population: { type: 'string' },
      statbank: { type: 'string' },
      checkpoint: { type: 'string', multiple: true },
      stage: { type: 'string' },
      note: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: ['user', 'control', 'figures', 'ingest'].includes(command ?? ''),
  });
  if (command === undefined || command === 'help' || values.help) {
    console.log(HELP);
    return;
  }
  // A command that opens a database compiles PGlite's WebAssembly for one short run: V8's baseline compiler
  // alone halves its start (docs/ARCHITECTURE.md). The accounts control's kernel is small and hot, and keeps
  // V8's optimising compiler (a third faster on a large file).
  if (command !== 'control' && command !== 'figures') setFlagsFromString('--liftoff-only');
  // Each command is loaded when it is run: a command starts without compiling the others' libraries.
  switch (command) {
    case 'report':
      return (await import('./report-command.ts')).reportCommand(values);
    case 'import':
      return (await import('./import-command.ts')).importCommand(values);
    case 'user':
      return (await import('./user-command.ts')).userCommand(positionals[0], values);
    case 'export':
      return (await import('./export-command.ts')).exportCommand(values);
    case 'tokens':
      return (await import('./tokens-command.ts')).tokensCommand(values);
    case 'publish':
      return (await import('./publish-command.ts')).publishCommand(values);
    case 'control':
      return (await import('./control-command.ts')).controlCommand(positionals[0], values);
    case 'figures':
      return (await import('./figures-command.ts')).figuresCommand(positionals, values);
    case 'ingest':
      return (await import('./ingest-command.ts')).ingestCommand(positionals, values);
    case 'prefill':
      return (await import('./ingest-command.ts')).prefillCommand(values);
    case 'context':
      return (await import('./context-command.ts')).contextCommand(values);
    case 'suppress':
      return (await import('./suppress-command.ts')).suppressCommand(values);
    case 'rates':
      return (await import('./rates-command.ts')).ratesCommand(values);
    case 'demo':
      return (await import('./report-command.ts')).reportCommand({
        ...values,
        demo: true,
        out: values.out ?? 'report',
      });
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof DomainError) {
    console.error(`kostra: ${error.message}`);
    process.exitCode = 1;
  } else if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    console.error(`kostra: ${(error as Error).message}\n\n${HELP}`);
    process.exitCode = 2;
  } else {
    console.error(error);
    process.exitCode = 1;
  }
});
