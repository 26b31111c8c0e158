import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import { migrateToLatest } from './migrate.ts';
import { POOL_WAIT_LIMIT_MS, pglitePool } from './pglite-pool.ts';
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
    ? new PostgresDialect({ pool: await serverPool(options.url) })
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

async function serverPool(url: string) {
  // Every save waits for its commit to reach the disk; PostgreSQL flushes the commits waiting together with
  // one fsync, so more connections mean more saves per flush (10: 427 saves/s at most; 40: 500, bench/RESULTS.md).
  // A query that waits longer than POOL_WAIT_LIMIT_MS for a connection is refused (503 with Retry-After)
  // rather than queued without bound.
  const pool = new (await import('pg')).default.Pool({
    connectionString: url,
    max: 40,
    connectionTimeoutMillis: POOL_WAIT_LIMIT_MS,
  });
  // A connection the server closes while idle (a restart, a crash) is an 'error' event on the pool; without
  // a listener it ends the process. The pool drops that connection and opens a new one when asked; a query
  // meanwhile fails with a connection error, which the HTTP layer answers with 503.
  const lost = (error: Error) => console.error(`database connection lost: ${error.message}`);
  pool.on('error', lost);
  // A connection lent out between two queries emits the same event on the client itself.
  pool.on('connect', (client) => client.on('error', lost));
  return pool;
}

/**
 * A failure to reach the database (refused, reset, shutting down, starting up, or no connection free in
 * time), as opposed to a query's own.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && /^(57P0[1-3]|08\w{3}|ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT)$/.test(code))
    return true;
  const message = error instanceof Error ? error.message : '';
  return /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(
    message,
  );
}

/**
 * Runs `work` in a transaction: the caller's, when it is already in one (a use case passes its transaction
 * down), or a new one. Store functions that write more than one statement go through this, so that they
 * compose into one use case's transaction.
 */
export function inTransaction<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}
