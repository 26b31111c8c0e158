import { describe, expect, test } from 'vitest';
import type { PublishedDataset } from '../domain/publication/dataset.ts';
import { publicationCache, savePublications } from './publications.ts';
import { testDatabases } from './testing/databases.ts';

const databases = await testDatabases();

/** A stand-in for a published dataset: the cache reads id and updated only. */
const dataset = (label: string) =>
  ({ id: 'F254TEST', label, updated: '2026-12-02' }) as unknown as PublishedDataset;

describe.each(databases)('the publication cache on $kind', (database) => {
  test('a table published anew the same day is read again, by this cache and by another', async () => {
    const { db, drop } = await database.open();
    try {
      const mine = publicationCache();
      const theirs = publicationCache();
      await savePublications(db, 'round', 'kari', [{ dataset: dataset('first'), audit: {} }]);
      expect((await mine.find(db, 'F254TEST'))?.dataset.label).toBe('first');
      expect((await theirs.list(db)).map((p) => p.dataset.label)).toEqual(['first']);
      await savePublications(db, 'round', 'kari', [{ dataset: dataset('second'), audit: {} }]);
      expect((await mine.find(db, 'F254TEST'))?.dataset.label).toBe('second');
      expect((await theirs.list(db)).map((p) => p.dataset.label)).toEqual(['second']);
      expect(await mine.find(db, 'NOPE')).toBeUndefined();
    } finally {
      await drop();
    }
  });
});
