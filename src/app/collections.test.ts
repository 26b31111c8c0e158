import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadMunicipalities, loadOsloDistricts } from '../files/product-data.ts';
import type { Db } from '../store/database.ts';
import { appendVersion } from '../store/responses.ts';
import { testDatabases } from '../store/testing/databases.ts';
import { collectionRateTable, collectionRoundId, createCollection, takeCheckpoint } from './collections.ts';
import { disownUnit } from './disown-unit.ts';
import { importRegister, syntheticRegisterFile } from './register.ts';

const databases = await testDatabases();

/**
 * The working group's table of the 2020 årgang (seed 001, section 6.3), made again from a collection's data:
 * the units and submissions are synthetic, shaped so that the counts are those the report prints; the
 * percentages are then the product's own, rounded half away from zero.
 */
const PRINTED = {
  'kostra-skjema-1': {
    expected: 371,
    jan: 31,
    feb: 278,
    march: 364,
    june: 371,
    lastResubmission: '2021-05-31',
  },
  'kostra-skjema-4': {
    expected: 371,
    jan: 273,
    feb: 360,
    march: 371,
    june: 371,
    lastResubmission: '2021-03-08',
  },
  'kostra-skjema-5': {
    expected: 1303,
    jan: 1042,
    feb: 1269,
    march: 1293,
    june: 1303,
    lastResubmission: '2021-06-07',
  },
  'kostra-skjema-6': {
    expected: 3881,
    jan: 622,
    feb: 2529,
    march: 2529,
    june: 3707,
    lastResubmission: '2021-06-16',
  },
} as const;

describe.each(databases)('a collection of skjema 1, 4, 5 and 6 on $kind', (database) => {
  let db: Db;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    ({ db, drop } = await database.open());
    const text = await syntheticRegisterFile({
      seed: 2021,
      institutions: 1400,
      homeCare: 4000,
      validOn: '2020-12-31',
    });
    await importRegister(db, 'test', { text, name: 'synthetic.csv', validOn: '2020-12-31' });
    const units = [...(await loadMunicipalities(2020))!.keys(), ...(await loadOsloDistricts()).keys()];
    await createCollection(db, 'test', {
      id: 'kostra-2020',
      year: 2020,
      name: 'KOSTRA 2020',
      forms: [
        { form: 'kostra-skjema-1', units: { from: 'codes', codes: units } },
        { form: 'kostra-skjema-4', units: { from: 'codes', codes: units } },
        { form: 'kostra-skjema-5', units: { from: 'register' } },
        { form: 'kostra-skjema-6', units: { from: 'register' } },
      ],
    });
    for (const [form, printed] of Object.entries(PRINTED)) {
      const round = collectionRoundId('kostra-2020', form);
      const invited = await db
        .selectFrom('invitation')
        .select('municipality')
        .where('round_id', '=', round)
        .orderBy('municipality')
        .execute();
      // Units beyond those the report expects are closed ones, marked so: they are not expected.
      for (const { municipality } of invited.slice(printed.expected))
        await disownUnit(
          db,
          'test',
          round,
          municipality,
          { kind: 'closed', reason: 'Nedlagt i 2020' },
          new Date(),
        );
      const expected = invited.slice(0, printed.expected).map((i) => i.municipality);
      // First submissions: by the end of 15 January (the last a second before midnight in Oslo), by 15
      // February, by 15 March, by 15 June; the rest not at all.
      const firstAt = (i: number) =>
        i < printed.jan
          ? i === printed.jan - 1
            ? '2021-01-15T23:59:59+01:00'
            : '2021-01-14T10:00:00+01:00'
          : i < printed.feb
            ? i === printed.jan
              ? '2021-01-16T00:00:01+01:00'
              : '2021-02-10T10:00:00+01:00'
            : i < printed.march
              ? '2021-03-10T10:00:00+01:00'
              : i < printed.june
                ? '2021-05-20T10:00:00+02:00'
                : undefined;
      const saves = expected.flatMap((unit, i) => {
        const at = firstAt(i);
        return at ? [{ unit, at }] : [];
      });
      await Promise.all(
        saves.map(({ unit, at }) =>
          appendVersion(db, round, unit, 0, {
            content: { tables: {}, comments: '' },
            answers: {},
            status: 'submitted',
            savedBy: 'respondent',
            submittedAt: new Date(at),
          }),
        ),
      );
      // One unit submits again, on the day the report gives as the last resubmission.
      await appendVersion(db, round, expected[0]!, 1, {
        content: { tables: {}, comments: '' },
        answers: {},
        status: 'submitted',
        savedBy: 'respondent',
        submittedAt: new Date(`${printed.lastResubmission}T12:00:00+02:00`),
      });
    }
    // The publications are frozen after their day: what came in later is not in them.
    await takeCheckpoint(db, 'test', 'kostra-2020', 'preliminary', new Date('2021-03-20T10:00:00+01:00'));
    await takeCheckpoint(db, 'test', 'kostra-2020', 'final', new Date('2021-07-01T10:00:00+02:00'));
  }, 120_000);
  afterAll(() => drop());

  test('gives the report’s table: expected, by date, in publication, last resubmission', async () => {
    const table = await collectionRateTable(db, 'kostra-2020');
    const row = (form: string) => table.find((t) => t.form === form)!;
    const shape = (form: string) => {
      const r = row(form);
      return [
        r.expected,
        ...r.byDate.map((d) => `${d.date} ${d.count} (${d.percent})`),
        ...r.inPublication.map((p) => `${p.kind} ${p.date} ${p.count} (${p.percent})`),
        r.lastResubmission,
      ];
    };
    expect(shape('kostra-skjema-1')).toEqual([
      371,
      '2021-01-15 31 (8.4)',
      '2021-02-15 278 (74.9)',
      'preliminary 2021-03-15 364 (98.1)',
      'final 2021-06-15 371 (100)',
      '2021-05-31',
    ]);
    expect(shape('kostra-skjema-4')).toEqual([
      371,
      '2021-01-15 273 (73.6)',
      '2021-02-15 360 (97)',
      'preliminary 2021-03-15 371 (100)',
      'final 2021-06-15 371 (100)',
      '2021-03-08',
    ]);
    expect(shape('kostra-skjema-5')).toEqual([
      1303,
      '2021-01-15 1042 (80)',
      '2021-02-15 1269 (97.4)',
      'preliminary 2021-03-15 1293 (99.2)',
      'final 2021-06-15 1303 (100)',
      '2021-06-07',
    ]);
    expect(shape('kostra-skjema-6')).toEqual([
      3881,
      '2021-01-15 622 (16)',
      '2021-02-15 2529 (65.2)',
      'preliminary 2021-03-15 2529 (65.2)',
      'final 2021-06-15 3707 (95.5)',
      '2021-06-16',
    ]);
  });

  test('shows a unit submitted again after a publication as such', async () => {
    const table = await collectionRateTable(db, 'kostra-2020');
    const after = Object.fromEntries(
      table.map((t) => [t.form, t.inPublication.map((p) => p.resubmittedAfter)]),
    );
    // Skjema 1 came again on 31 May (after March, before June); skjema 6 on 16 June, after both.
    expect(after).toEqual({
      'kostra-skjema-1': [1, 0],
      'kostra-skjema-4': [0, 0],
      'kostra-skjema-5': [1, 0],
      'kostra-skjema-6': [1, 1],
    });
  });

  test('freezes a publication once', async () => {
    await expect(
      takeCheckpoint(db, 'test', 'kostra-2020', 'final', new Date('2021-07-02T10:00:00+02:00')),
    ).rejects.toThrow('the final publication of kostra-2020 is taken already');
  });

  test('gives each form its deadline from the calendar', async () => {
    const rounds = await db
      .selectFrom('survey_round')
      .select(['form_id', 'deadline'])
      .where('collection_id', '=', 'kostra-2020')
      .orderBy('form_id')
      .execute();
    expect(rounds.map((r) => [r.form_id, r.deadline?.toISOString()])).toEqual([
      ['kostra-skjema-1', '2021-02-15T22:59:59.999Z'],
      ['kostra-skjema-4', '2021-01-15T22:59:59.999Z'],
      ['kostra-skjema-5', '2021-01-15T22:59:59.999Z'],
      ['kostra-skjema-6', '2021-02-15T22:59:59.999Z'],
    ]);
  });
});
