import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Db } from '../../store/database.ts';
import { testDatabases } from '../../store/testing/databases.ts';
import { roundStatusList } from '../round-status-list.ts';
import { seedNationalRound, type NationalRound } from './national-round.ts';

const [pglite] = await testDatabases();

describe('a national round of every municipality', () => {
  let db: Db;
  let drop: () => Promise<void>;
  let round: NationalRound;
  beforeAll(async () => {
    ({ db, drop } = await pglite!.open());
    round = await seedNationalRound(db);
  });
  afterAll(async () => drop());

  test('356 municipalities, most submitted, many flagged, one bounced, all with an address', async () => {
    const list = await roundStatusList(db, round.id);
    expect(list).toHaveLength(356);
    const submitted = list.filter((r) => r.status === 'submitted');
    expect(submitted.length).toBe(round.submitted.length);
    expect(submitted.length).toBeGreaterThan(250);
    expect(list.filter((r) => r.pendingFlags > 0).length).toBeGreaterThan(40);
    expect(list.filter((r) => r.mail === 'bounced').map((r) => r.municipality)).toEqual([round.bounced]);
    expect(list.every((r) => r.contactEmail?.endsWith('.kommune.example'))).toBe(true);
    expect(new Set(list.map((r) => r.countyName)).size).toBe(11);
    expect(submitted.every((r) => r.submitter?.name.startsWith('Økonomisjef') && r.minutesSpent! >= 30)).toBe(
      true,
    );
  });
});
