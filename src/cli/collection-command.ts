import { parseArgs } from 'node:util';
import { collectionRateTable, createCollection, takeCheckpoint } from '../app/collections.ts';
import { issueCollectionLinks } from '../app/unit-list.ts';
import { configuredDatabase, readConfig } from '../config.ts';
import { deadlineInstant } from '../domain/collection/timeline.ts';
import { DomainError } from '../domain/errors.ts';
import { loadFormLibrary } from '../files/form-definitions.ts';
import { openDatabase } from '../store/database.ts';
import { UsageError } from './usage-error.ts';

const USAGE =
  'collection takes create --id ID --year Y --name NAME --form FORM[:DEADLINE] ..., ' +
  'checkpoint --id ID --kind preliminary|final, rates --id ID, or links --id ID [--base URL]';

/**
 * `kostra collection …`: several forms of one årgang run together. `create` opens a round per form (a form
 * of establishments from the register's latest extract of the årgang, one Oslo's districts fill for every
 * municipality and district, the others for every municipality) with its deadline, KOSTRA's calendar
 * unless given; `checkpoint` freezes a publication; `rates` prints the working group's table as JSON;
 * `links` prints each responsible's link to its list of units.
 */
export async function collectionCommand(args: readonly string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: {
      id: { type: 'string' },
      year: { type: 'string' },
      name: { type: 'string' },
      form: { type: 'string', multiple: true },
      kind: { type: 'string' },
      base: { type: 'string' },
    },
    allowPositionals: true,
    strict: true,
  });
  const [sub] = positionals;
  if (!values.id || !['create', 'checkpoint', 'rates', 'links'].includes(sub ?? ''))
    throw new UsageError(USAGE);
  const id = values.id;
  const db = await openDatabase(configuredDatabase());
  try {
    if (sub === 'create') {
      const year = Number(values.year);
      if (!Number.isInteger(year) || !values.name || !values.form?.length)
        throw new UsageError(
          'collection create needs --year Y, --name NAME and at least one --form FORM[:DEADLINE]',
        );
      const library = await loadFormLibrary();
      const forms = values.form.map((f, i) => {
        const [form = '', deadline] = f.split(':');
        const definition = library.forms.find((d) => d.id === form);
        if (!definition) throw new DomainError(`no form ${form}`, [`--form ${i + 1}`]);
        const units = definition.register_population
          ? ({ from: 'register' } as const)
          : definition.unit_kinds.includes('oslo_district')
            ? ({ from: 'municipalities_and_districts' } as const)
            : ({ from: 'municipalities' } as const);
        return { form, units, ...(deadline ? { deadline: deadlineInstant(deadline, [`--form ${f}`]) } : {}) };
      });
      const created = await createCollection(db, 'cli', { id, year, name: values.name, forms });
      for (const r of created.rounds)
        console.log(`${r.id}\t${r.form}\t${r.units} units\tdeadline ${r.deadline?.toISOString() ?? 'none'}`);
      return;
    }
    if (sub === 'checkpoint') {
      if (values.kind !== 'preliminary' && values.kind !== 'final')
        throw new UsageError('collection checkpoint needs --kind preliminary or --kind final');
      const taken = await takeCheckpoint(db, 'cli', id, values.kind, new Date());
      console.log(
        `${id}: the ${taken.kind} publication of ${taken.day} frozen with ${taken.units} units' answers`,
      );
      return;
    }
    if (sub === 'rates') {
      // The names of `kostra rates` and the API: snake_case.
      const forms = (await collectionRateTable(db, id)).map((f) => ({
        form: f.form,
        expected: f.expected,
        by_date: f.byDate,
        in_publication: f.inPublication.map((p) => ({
          kind: p.kind,
          date: p.date,
          count: p.count,
          percent: p.percent,
          resubmitted_after: p.resubmittedAfter,
        })),
        last_resubmission: f.lastResubmission,
      }));
      console.log(JSON.stringify({ forms }, null, 2));
      return;
    }
    const config = readConfig();
    const base = values.base ?? config.PUBLIC_URL ?? `http://localhost:${config.PORT}`;
    for (const l of await issueCollectionLinks(db, 'cli', id))
      console.log(`${l.responsible}\t${l.name}\t${new URL(`/s/${l.token}`, base).toString()}`);
  } finally {
    await db.destroy();
  }
}
