import type { PublishedDataset } from '../domain/publication/dataset.ts';
import { sql } from 'kysely';
import { inTransaction, type Db } from './database.ts';

export interface StoredPublication {
  readonly dataset: PublishedDataset;
  readonly roundId: string;
  readonly publishedAt: Date;
}

/** Publishes tables, replacing earlier versions with the same id; all of them or none. */
export async function savePublications(
  db: Db,
  roundId: string,
  publishedBy: string,
  tables: readonly { dataset: PublishedDataset; audit: unknown }[],
): Promise<void> {
  await inTransaction(db, async (trx) => {
    for (const t of tables) {
      const row = {
        round_id: roundId,
        dataset: JSON.stringify(t.dataset),
        audit: JSON.stringify(t.audit),
        published_by: publishedBy,
        published_at: new Date(t.dataset.updated),
      };
      await trx
        .insertInto('published_table')
        .values({ id: t.dataset.id, ...row })
        .onConflict((oc) =>
          oc.column('id').doUpdateSet({ ...row, revision: sql<number>`published_table.revision + 1` }),
        )
        .execute();
    }
  });
}

export async function listPublications(db: Db): Promise<StoredPublication[]> {
  const rows = await db.selectFrom('published_table').selectAll().orderBy('id').execute();
  return rows.map((r) => ({
    dataset: r.dataset as PublishedDataset,
    roundId: r.round_id,
    publishedAt: r.published_at,
  }));
}

export async function findPublication(db: Db, id: string): Promise<StoredPublication | undefined> {
  const row = await db.selectFrom('published_table').selectAll().where('id', '=', id).executeTakeFirst();
  return (
    row && { dataset: row.dataset as PublishedDataset, roundId: row.round_id, publishedAt: row.published_at }
  );
}

/**
 * The published tables, kept in memory: each request asks the database only which tables exist at which
 * revision (a few short rows), and reads a dataset again only when it was published anew, by this server
 * or another. A dataset is a large JSON document; reading and parsing it was most of an API call's cost.
 */
export function publicationCache() {
  const cached = new Map<string, { revision: number; publication: StoredPublication }>();
  const current = async (db: Db): Promise<StoredPublication[]> => {
    const stamps = await db.selectFrom('published_table').select(['id', 'revision']).orderBy('id').execute();
    const stale = stamps.filter((s) => cached.get(s.id)?.revision !== s.revision).map((s) => s.id);
    if (stale.length > 0) {
      const rows = await db.selectFrom('published_table').selectAll().where('id', 'in', stale).execute();
      for (const r of rows)
        cached.set(r.id, {
          revision: r.revision,
          publication: {
            dataset: r.dataset as PublishedDataset,
            roundId: r.round_id,
            publishedAt: r.published_at,
          },
        });
    }
    const live = new Set(stamps.map((s) => s.id));
    for (const id of cached.keys()) if (!live.has(id)) cached.delete(id);
    return stamps.flatMap((s) => {
      const entry = cached.get(s.id);
      return entry ? [entry.publication] : [];
    });
  };
  return {
    list: current,
    find: async (db: Db, id: string) => (await current(db)).find((p) => p.dataset.id === id),
  };
}
