import type { PublishedDataset } from '../domain/publication/dataset.ts';
import { periodOf, type PeriodSlice, type PublicationStage } from '../domain/publication/series.ts';
import { sql } from 'kysely';
import { inTransaction, type Db } from './database.ts';

export interface StoredPublication {
  readonly dataset: PublishedDataset;
  readonly roundId: string;
  readonly publishedAt: Date;
}

/** One period of a table to publish, with its audit; a note says why, when it replaces a publication. */
export interface PeriodPublication {
  readonly dataset: PublishedDataset;
  readonly audit: unknown;
  readonly stage: PublicationStage;
  readonly note?: string;
}

/**
 * Publishes periods of tables: a period and stage not published before is added; one published before is
 * replaced, what it replaced kept in `published_revision` with who replaced it, when and why. Returns each
 * period's revision. All of them or none.
 */
export async function savePeriods(
  db: Db,
  roundId: string,
  publishedBy: string,
  at: Date,
  periods: readonly PeriodPublication[],
): Promise<number[]> {
  return inTransaction(db, async (trx) => {
    const revisions: number[] = [];
    for (const p of periods) {
      const key = { table_id: p.dataset.id, period: periodOf(p.dataset), stage: p.stage };
      const held = await trx
        .selectFrom('published_period')
        .selectAll()
        .where('table_id', '=', key.table_id)
        .where('period', '=', key.period)
        .where('stage', '=', key.stage)
        .forUpdate()
        .executeTakeFirst();
      const row = {
        round_id: roundId,
        dataset: JSON.stringify(p.dataset),
        audit: JSON.stringify(p.audit),
        published_at: at,
        published_by: publishedBy,
        revision_note: held ? (p.note ?? null) : null,
      };
      if (!held) {
        await trx
          .insertInto('published_period')
          .values({ ...key, ...row })
          .execute();
        revisions.push(1);
        continue;
      }
      await trx
        .insertInto('published_revision')
        .values({
          ...key,
          revision: held.revision,
          round_id: held.round_id,
          dataset: JSON.stringify(held.dataset),
          audit: JSON.stringify(held.audit),
          published_at: held.published_at,
          published_by: held.published_by,
          replaced_at: at,
          replaced_by: publishedBy,
          note: p.note ?? null,
        })
        .execute();
      await trx
        .updateTable('published_period')
        .set({ ...row, revision: held.revision + 1 })
        .where('table_id', '=', key.table_id)
        .where('period', '=', key.period)
        .where('stage', '=', key.stage)
        .execute();
      revisions.push(held.revision + 1);
    }
    return revisions;
  });
}

/** Every published period of a table, each stage apart, oldest first. */
export async function loadPeriods(db: Db, tableId: string): Promise<PeriodSlice[]> {
  const rows = await db
    .selectFrom('published_period')
    .selectAll()
    .where('table_id', '=', tableId)
    .orderBy('period')
    .orderBy('stage')
    .execute();
  return rows.map((r) => ({
    period: r.period,
    stage: r.stage,
    dataset: r.dataset as PublishedDataset,
    revision: r.revision,
    ...(r.revision > 1 ? { revisedAt: r.published_at.toISOString() } : {}),
    ...(r.revision_note ? { revisionNote: r.revision_note } : {}),
  }));
}

/** What is published of each table, period by period: stage, revision, when, by whom and from which round. */
export async function listPeriods(db: Db) {
  return db
    .selectFrom('published_period')
    .select([
      'table_id',
      'period',
      'stage',
      'revision',
      'revision_note',
      'round_id',
      'published_at',
      'published_by',
    ])
    .orderBy('table_id')
    .orderBy('period')
    .orderBy('stage')
    .execute();
}

/** The earlier publications of every table's periods, newest first. */
export async function listRevisions(db: Db) {
  return db
    .selectFrom('published_revision')
    .select([
      'table_id',
      'period',
      'stage',
      'revision',
      'round_id',
      'published_at',
      'published_by',
      'replaced_at',
      'replaced_by',
      'note',
    ])
    .orderBy('replaced_at', 'desc')
    .execute();
}

/** Stores tables as served (a series of all their periods), replacing what was served; all or none. */
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

/** What is published of one period of a table: each stage with its revision. */
export async function publishedStages(db: Db, tableId: string, period: string) {
  return db
    .selectFrom('published_period')
    .select(['stage', 'revision', 'published_at', 'published_by'])
    .where('table_id', '=', tableId)
    .where('period', '=', period)
    .execute();
}
