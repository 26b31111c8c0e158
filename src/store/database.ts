import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import { migrateToLatest } from './migrate.ts';
import { pglitePool } from './pglite-pool.ts';
import { createMemoryPGlite } from './pglite-template.ts';
import type { Database } from './schema.ts';

export type Db = Kysely<Database>;

export interface DatabaseOptions {
  /** A PostgreSQL connection string; without it the embedded PGlite is used. */
  readonly url?: string | undefined;
  /** Where PGlite keeps its files; in memory when absent. */
  readonly dataDir?: string | undefined;
}

/**
 * Opens the product's database and migrates it: a real PostgreSQL server when a URL is given, otherwise
 * PGlite in-process. Both speak the same SQL through the same dialect.
 */
export async function openDatabase(options: DatabaseOptions = {}): Promise<Db> {
  // pg is loaded only when a server is used: the embedded default starts faster without it.
  const dialect = options.url
    ? new PostgresDialect({
        pool: new (await import('pg')).default.Pool({ connectionString: options.url, max: 10 }),
      })
    : new PostgresDialect({
        pool: pglitePool(options.dataDir ? await PGlite.create(options.dataDir) : await createMemoryPGlite()),
      });
  const db = new Kysely<Database>({ dialect });
  try {
    await migrateToLatest(db as Kysely<unknown>);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return db;
}

/**
 * Runs `work` in a transaction: the caller's, when it is already in one (a use case passes its transaction
 * down), or a new one. Store functions that write more than one statement go through this, so that they
 * compose into one use case's transaction.
 */
export function inTransaction<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}
