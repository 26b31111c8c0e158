import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { answered, definition, given, invitation, response, round } from '../domain/testing/rounds.ts';
import type { Db } from '../store/database.ts';
import { saveRound } from '../store/rounds.ts';
import { testDatabases } from '../store/testing/databases.ts';
import { roundControls } from './control-round.ts';

const [pglite] = await testDatabases();

describe('the control against last year follows the municipal reforms', () => {
  let db: Db;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ db, drop } = await pglite!.open());
    const prefilled = { AGD10: 10000, AGD4: 9000, AGD16: 8000, AGD2: 9500 };
    // Halden was 3001 in 2023 and is 3101 from 2024; Ålesund (1507) was split into 1508 and Haram (1580).
    await saveRound(db, definition, {
      ...round(
        [invitation('3001', { prefilled }), invitation('1507', { prefilled })],
        [
          response('3001', { target_groups: answered({ ELDERLY: given(2000) }) }),
          response('1507', { target_groups: answered({ ELDERLY: given(2000) }) }),
        ],
      ),
      id: 'f254-2023',
      referenceYear: 2023,
    });
    await saveRound(db, definition, {
      ...round(
        [invitation('3101', { prefilled }), invitation('1508', { prefilled })],
        [
          response('3101', { target_groups: answered({ ELDERLY: given(6000) }) }),
          response('1508', { target_groups: answered({ ELDERLY: given(6000) }) }),
        ],
      ),
      id: 'f254-2024',
      referenceYear: 2024,
    });
  });
  afterAll(async () => drop());

  test("3101 of 2024 is compared with 3001's answer of 2023; the split Ålesund with nothing", async () => {
    const flags = await roundControls(db, 'f254-2024', { relative: 0.1, absolute: 100 });
    const lastYear = flags.filter((f) => f.kind === 'previous_round');
    expect(lastYear.map((f) => f.municipality)).toEqual(['3101']);
    expect(lastYear[0]).toMatchObject({ reference: 2000, reported: 6000 });
  });
});
