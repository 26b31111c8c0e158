#!/usr/bin/env -S node --liftoff-only
import { parseArgs } from 'node:util';
import { DomainError } from '../domain/errors.ts';
import { reportCommand } from './report-command.ts';
import { exportCommand } from './export-command.ts';
import { importCommand } from './import-command.ts';
import { tokensCommand } from './tokens-command.ts';
import { UsageError } from './usage-error.ts';
import { userCommand } from './user-command.ts';

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
      is <server>/s/<token>), making tokens where none exist.
  kostra user add --username NAME --name "FULL NAME" [--role statistician|admin]
      Add a statistician; the password comes from KOSTRA_PASSWORD or the first line of standard input
      (at least 12 characters), and is stored argon2id-hashed.
  kostra demo [--out OUT]
      The report of the demo round shipped with the product (the 2022 pilot, synthetic amounts).

The survey definition defaults to f254 (data/surveys/f254.json).
Exit codes: 0 done, 1 the input is wrong (the message says what and where), 2 the command is wrong.`;

async function main(argv: readonly string[]): Promise<void> {
  const [command, ...rest] = argv;
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
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: command === 'user',
  });
  if (command === undefined || command === 'help' || values.help) {
    console.log(HELP);
    return;
  }
  switch (command) {
    case 'report':
      return reportCommand(values);
    case 'import':
      return importCommand(values);
    case 'user':
      return userCommand(positionals[0], values);
    case 'export':
      return exportCommand(values);
    case 'tokens':
      return tokensCommand(values);
    case 'demo':
      return reportCommand({ ...values, demo: true, out: values.out ?? 'report' });
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
