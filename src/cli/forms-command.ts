import { parseArgs } from 'node:util';
import { DomainError } from '../domain/errors.ts';
import { resolveForm, type ResolvedForm } from '../domain/forms/resolve.ts';
import { whatsNew } from '../domain/forms/whats-new.ts';
import { checkFormDefinitionFile, loadFormLibrary } from '../files/form-definitions.ts';
import { UsageError } from './usage-error.ts';
import { openFormRound, openShippedFormRound } from '../app/create-form-round.ts';
import { exportFormRound } from '../app/export-form-round.ts';
import { configuredDatabase } from '../config.ts';
import { deadlineInstant } from '../domain/collection/timeline.ts';
import { readInputText } from '../files/input-file.ts';
import { parseFormUnitsCsv } from '../files/form-units-csv.ts';
import { openDatabase } from '../store/database.ts';
import { reportFormRound } from '../app/form-report.ts';
import { publishFormRound } from '../app/publish-form-round.ts';
import { toCsv } from '../report/csv.ts';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * `kostra forms list | show ID --year Y [--json] | check FILE`: the forms shipped in data/forms, one of them
 * as it was asked in a year, and a definition file checked against the language (docs/FORMS.md).
 */
export async function formsCommand(args: readonly string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: {
      year: { type: 'string' },
      json: { type: 'boolean' },
      form: { type: 'string' },
      units: { type: 'string' },
      id: { type: 'string' },
      deadline: { type: 'string' },
      round: { type: 'string' },
      out: { type: 'string' },
      'from-register': { type: 'boolean' },
      extract: { type: 'string' },
    },
    allowPositionals: true,
    strict: true,
  });
  const [sub, target] = positionals;
  const library = await loadFormLibrary();
  if (sub === 'list') {
    for (const form of library.forms) {
      const title = Array.isArray(form.title) ? form.title.at(-1)!.nb : form.title.nb;
      console.log(
        `${form.id}\t${form.years.from}–${form.years.to ?? ''}\t${form.unit_kinds.join(', ')}\t${title}`,
      );
    }
    return;
  }
  if (sub === 'show') {
    if (!target || !values.year) throw new UsageError('forms show needs a form id and --year YEAR');
    const definition = library.forms.find((f) => f.id === target);
    if (!definition)
      throw new DomainError(`no form ${target}; there are ${library.forms.map((f) => f.id).join(', ')}`);
    const year = Number(values.year);
    if (!Number.isInteger(year)) throw new UsageError(`--year ${values.year} is not a year`);
    const form = resolveForm(definition, year, library.lists);
    const news = whatsNew(definition, year, library.lists);
    if (values.json) console.log(JSON.stringify({ ...plain(form), new_this_year: news }, null, 2));
    else
      printOutline(
        form,
        news.map((n) => n.text.nb),
      );
    return;
  }
  if (sub === 'check') {
    if (!target) throw new UsageError('forms check needs a definition FILE');
    const problems = await checkFormDefinitionFile(target, library.lists);
    for (const p of problems) console.error(`${target}${p.path ? `, ${p.path}` : ''}: ${p.message}`);
    if (problems.length > 0) {
      process.exitCode = 1;
      return;
    }
    console.log(`${target}: a valid form definition`);
    return;
  }
  if (sub === 'round') {
    const { form: formId, year, units, id } = values;
    if (!formId || !year || (!units && !values['from-register']) || !id)
      throw new UsageError(
        'forms round needs --form ID --year Y (--units FILE.csv | --from-register [--extract ID]) --id ROUND [--deadline DATE]',
      );
    const deadline = values.deadline ? deadlineInstant(values.deadline, ['--deadline']) : null;
    if (!units) {
      if (values.extract !== undefined && !/^\d+$/.test(values.extract))
        throw new UsageError(`--extract ${values.extract} is not an extract id`);
      const db = await openDatabase(configuredDatabase());
      try {
        const chosen = await openShippedFormRound(db, 'cli', {
          id,
          form: formId,
          year: Number(year),
          units: {
            from: 'register',
            extract: values.extract === undefined ? undefined : Number(values.extract),
          },
          deadline,
        });
        const responsible = new Set(chosen.map((u) => u.responsible));
        console.log(
          `${id}: ${formId} for ${year}, ${chosen.length} units from the register, answered for by ${responsible.size}`,
        );
      } finally {
        await db.destroy();
      }
      return;
    }
    const definition = library.forms.find((f) => f.id === formId);
    if (!definition)
      throw new DomainError(`no form ${formId}; there are ${library.forms.map((f) => f.id).join(', ')}`);
    const db = await openDatabase(configuredDatabase());
    try {
      const list = parseFormUnitsCsv(await readInputText(units), units);
      await openFormRound(db, 'cli', {
        id,
        definition,
        sharedLists: library.lists,
        year: Number(year),
        units: list,
        deadline,
      });
      console.log(`${id}: ${formId} for ${year}, ${list.length} units; links: kostra tokens --survey ${id}`);
    } finally {
      await db.destroy();
    }
    return;
  }
  if (sub === 'report') {
    if (!values.round) throw new UsageError('forms report needs --round ROUND [--out DIR]');
    const db = await openDatabase(configuredDatabase());
    try {
      const report = await reportFormRound(db, values.round);
      if (!values.out) {
        console.log(JSON.stringify(report, null, 2));
        return;
      }
      await mkdir(values.out, { recursive: true });
      await writeFile(join(values.out, 'summary.json'), `${JSON.stringify(report, null, 2)}\n`);
      const rows = report.items.map((i) => ({
        ...i,
        counts: i.counts
          ? Object.entries(i.counts)
              .map(([k, n]) => `${k}=${n}`)
              .join(' ')
          : '',
        byGroup: i.byGroup
          ? Object.entries(i.byGroup)
              .map(([g, v]) => `${g}=${v.sum}`)
              .join(' ')
          : '',
      }));
      await writeFile(
        join(values.out, 'summary.csv'),
        toCsv(
          ['path', 'section', 'item', 'label', 'kind', 'answered', 'sum', 'min', 'max', 'counts', 'byGroup'],
          rows,
        ),
      );
      console.log(
        `${values.round}: ${report.submitted} of ${report.invited} submitted; ${values.out}/summary.json, summary.csv`,
      );
    } finally {
      await db.destroy();
    }
    return;
  }
  if (sub === 'export') {
    if (!values.round || !values.out) throw new UsageError('forms export needs --round ROUND --out FILE.csv');
    const db = await openDatabase(configuredDatabase());
    try {
      const { csv, units } = await exportFormRound(db, values.round);
      await writeFile(values.out, csv);
      console.log(`${values.round}: ${units} units' submitted answers in ${values.out}`);
    } finally {
      await db.destroy();
    }
    return;
  }
  if (sub === 'publish') {
    if (!values.round) throw new UsageError('forms publish needs --round ROUND');
    const db = await openDatabase(configuredDatabase());
    try {
      for (const table of await publishFormRound(db, values.round, 'cli', new Date()))
        console.log(`published ${table.id}: ${table.cells} cells, at /api/v2/tables/${table.id}`);
    } finally {
      await db.destroy();
    }
    return;
  }
  throw new UsageError(
    'forms takes list, show ID --year Y [--json], check FILE, round --form ID …, report, export or publish --round ID',
  );
}

/** The resolved form as JSON: sections with their items, code lists with the labels of that year. */
function plain(form: ResolvedForm) {
  return {
    id: form.id,
    year: form.year,
    title: form.title,
    unit_kinds: form.unitKinds,
    notes: form.notes,
    warnings_need_comment: form.warningsNeedComment,
    sections: form.sections,
    rules: form.rules,
    changes: form.changes,
  };
}

function printOutline(form: ResolvedForm, news: readonly string[]): void {
  console.log(`${form.title.nb} (${form.year})`);
  for (const section of form.sections) {
    console.log(`\n${section.number ? `Del ${section.number} ` : ''}${section.labels.nb}`);
    for (const item of section.items) {
      const condition = item.shown_if ? '  [betinget]' : '';
      console.log(`  ${item.number ? `${item.number} ` : ''}${item.labels.nb}  (${item.kind})${condition}`);
      if (item.kind === 'grid') {
        console.log(`      rader: ${item.rows.map((r) => r.labels.nb).join(' | ')}`);
        console.log(`      kolonner: ${item.columns.map((c) => c.labels.nb).join(' | ')}`);
      }
      if (item.kind === 'single_choice' || item.kind === 'multiple_choice')
        console.log(`      svar: ${item.options.map((o) => o.labels.nb).join(' | ')}`);
    }
  }
  if (news.length > 0) console.log(`\nNytt i årets skjema:\n${news.map((n) => `  - ${n}`).join('\n')}`);
}
