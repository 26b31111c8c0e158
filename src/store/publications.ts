import type { PublishedDataset } from '../domain/publication/dataset.ts';
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
        .onConflict((oc) => oc.column('id').doUpdateSet(row))
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
