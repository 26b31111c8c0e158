import type { PGlite } from '@electric-sql/pglite';
import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';

const COMMANDS = ['INSERT', 'UPDATE', 'DELETE', 'MERGE', 'SELECT'] as const;
type Command = (typeof COMMANDS)[number];

function commandOf(sql: string): Command {
  const word = /^\s*(?:with\b[\s\S]*?\)\s*)?(\w+)/i.exec(sql)?.[1]?.toUpperCase();
  return COMMANDS.find((c) => c === word) ?? 'SELECT';
}

/** How long a query waits for the connection before it is refused, as the pool of a real server does. */
export const POOL_WAIT_LIMIT_MS = 10_000;

/**
 * PGlite behind the pool interface Kysely's PostgreSQL dialect speaks, so that one dialect serves the
 * embedded database and a real server. PGlite is a single connection: a client is lent to one holder at a
 * time, so a transaction never interleaves with another query. A caller that waits longer than
 * `waitLimitMs` is refused with the error pg's own pool gives (the HTTP layer answers 503 with Retry-After),
 * so that a saturated server sheds load instead of queueing without bound.
 */
export function pglitePool(pglite: PGlite, waitLimitMs = POOL_WAIT_LIMIT_MS): PostgresPool {
  let queue: Promise<void> = Promise.resolve();
  return {
    async connect(): Promise<PostgresPoolClient> {
      let release!: () => void;
      const turn = new Promise<void>((resolve) => (release = resolve));
      const previous = queue;
      queue = queue.then(() => turn);
      let timer: NodeJS.Timeout | undefined;
      const gaveUp = new Promise<'gave up'>(
        (resolve) => (timer = setTimeout(() => resolve('gave up'), waitLimitMs)),
      );
      const outcome = await Promise.race([previous, gaveUp]);
      clearTimeout(timer);
      if (outcome === 'gave up') {
        // The place in the queue is passed on as soon as it comes.
        void previous.then(release);
        throw new Error('timeout exceeded when trying to connect');
      }
      return {
        async query<R>(sql: string, parameters: readonly unknown[]): Promise<PostgresQueryResult<R>> {
          const result = await pglite.query<R>(sql, parameters as unknown[]);
          return {
            command: commandOf(sql),
            rowCount: result.affectedRows ?? result.rows.length,
            rows: result.rows,
          };
        },
        release,
      } as PostgresPoolClient;
    },
    async end() {
      await queue;
      await pglite.close();
    },
  };
}
