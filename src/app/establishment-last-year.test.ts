import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadFormLibrary } from '../files/form-definitions.ts';
import type { Db } from '../store/database.ts';
import { createFormRound } from '../store/form-rounds.ts';
import { appendVersion } from '../store/responses.ts';
import { testDatabases } from '../store/testing/databases.ts';
import { controlFormRoundAgainstLastYear } from './form-controls.ts';

const databases = await testDatabases();
const library = await loadFormLibrary();
const skjema5 = library.forms.find((f) => f.id === 'kostra-skjema-5')!;

describe.each(databases)('an institution against its previous year on $kind', (database) => {
  let db: Db;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ db, drop } = await database.open());
    for (const [year, places] of [
      [2020, 40],
      [2021, 60],
    ] as const) {
      const round = `s5-${year}`;
      await createFormRound(db, {
        id: round,
        definition: skjema5,
        sharedLists: library.lists,
        year,
        // The same institution both years, by its organisation number; another only in 2021.
        units: [
          { code: '974760673', name: 'Sykehjemmet', kind: 'establishment', responsible: '4601' },
          ...(year === 2021
            ? [
                {
                  code: '971526920',
                  name: 'Nytt sykehjem',
                  kind: 'establishment' as const,
                  responsible: '4601',
                },
              ]
            : []),
        ],
      });
      for (const unit of year === 2021 ? ['974760673', '971526920'] : ['974760673'])
        await appendVersion(db, round, unit, 0, {
          content: { tables: {}, comments: '' },
          answers: { p3_1_tilbud: ['SYKEHJEM'], p3_2_plasser: places },
          status: 'submitted',
          savedBy: 'respondent',
          submittedAt: new Date(`${year + 1}-01-10T12:00:00Z`),
        });
    }
  });
  afterAll(() => drop());

  test('is matched by organisation number; a new one has no previous year', async () => {
    const control = await controlFormRoundAgainstLastYear(db, 's5-2021', { percent: 30, absolute: 0 });
    expect(control.withoutLastYear).toEqual(['971526920']);
    expect(control.deviations).toEqual([
      expect.objectContaining({
        unit: '974760673',
        path: 'p3_2_plasser',
        now: 60,
        before: 40,
        change: 20,
        percent: 50,
      }),
    ]);
  });
});
