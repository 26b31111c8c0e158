import { randomUUID } from 'node:crypto';
import type { Db } from './database.ts';

/** A saved query as stored: the table, the selection and the output it asked for, in PxWeb's shape. */
export interface SavedQuery {
  readonly id: string;
  readonly tableId: string;
  readonly query: unknown;
  readonly createdAt: Date;
}

export async function saveQuery(db: Db, tableId: string, query: unknown): Promise<SavedQuery> {
  const row = await db
    .insertInto('saved_query')
    .values({ id: randomUUID(), table_id: tableId, query: JSON.stringify(query) })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { id: row.id, tableId: row.table_id, query: row.query, createdAt: row.created_at };
}

export async function findSavedQuery(db: Db, id: string): Promise<SavedQuery | undefined> {
  const row = await db.selectFrom('saved_query').selectAll().where('id', '=', id).executeTakeFirst();
  return row && { id: row.id, tableId: row.table_id, query: row.query, createdAt: row.created_at };
}
