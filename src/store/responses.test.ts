import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { definition, invitation, round } from '../domain/testing/rounds.ts';
import type { Db } from './database.ts';
import { appendVersion, latestVersion, responseVersions, type NewVersion } from './responses.ts';
import { saveRound } from './rounds.ts';
import { testDatabases } from './testing/databases.ts';

const databases = await testDatabases();

const draft = (comments: string): NewVersion => ({
  content: { tables: {}, comments },
  status: 'draft',
  savedBy: 'respondent',
});

const municipalities = Array.from({ length: 40 }, (_, i) => String(1101 + i));

describe.each(databases)('versions saved at once on $kind', (database) => {
  let db: Db;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ db, drop } = await database.open());
    await saveRound(db, definition, { ...round(municipalities.map((m) => invitation(m))), id: 'r' });
  });
  afterAll(async () => drop());

  test('forty municipalities saving five versions each, all at once, each get their own chain', async () => {
    const chains = municipalities.map(async (municipality) => {
      const numbers: (number | undefined)[] = [];
      for (let n = 0; n < 5; n += 1)
        numbers.push(await appendVersion(db, 'r', municipality, n, draft(`${municipality} ${n + 1}`)));
      return numbers;
    });
    for (const numbers of await Promise.all(chains)) expect(numbers).toEqual([1, 2, 3, 4, 5]);
    for (const municipality of municipalities) {
      const versions = await responseVersions(db, 'r', municipality);
      expect(versions.map((v) => [v.version, v.content.comments])).toEqual(
        [5, 4, 3, 2, 1].map((n) => [n, `${municipality} ${n}`]),
      );
    }
  });

  test('two saves after the same version at once: one is written, the other is told it is behind', async () => {
    const [a, b] = await Promise.all([
      appendVersion(db, 'r', '1101', 5, draft('tab A')),
      appendVersion(db, 'r', '1101', 5, draft('tab B')),
    ]);
    expect([a, b].sort()).toEqual([6, undefined]);
    const latest = await latestVersion(db, 'r', '1101');
    expect(latest?.version).toBe(6);
    expect(latest?.content.comments).toBe(a === 6 ? 'tab A' : 'tab B');
  });

  test('a version the database refuses fails alone; the others saved beside it are written', async () => {
    const results = await Promise.allSettled([
      appendVersion(db, 'r', '1102', 5, draft('kept')),
      // Not invited to the round: the foreign key refuses the row.
      appendVersion(db, 'r', '9999', 0, draft('refused')),
      appendVersion(db, 'r', '1103', 5, draft('kept too')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(results[0]).toMatchObject({ value: 6 });
    expect(results[2]).toMatchObject({ value: 6 });
    expect(await responseVersions(db, 'r', '9999')).toEqual([]);
    expect((await latestVersion(db, 'r', '1103'))?.content.comments).toBe('kept too');
  });
});
