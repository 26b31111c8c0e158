import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Db } from '../database.ts';

/** The real server tests run against; CI=true makes its absence a failure, never a skip. */
export const TEST_SERVER_URL =
  process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  readonly kind: 'pglite' | 'postgresql';
  readonly open: () => Promise<{ db: Db; drop: () => Promise<void> }>;
}

async function serverReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: TEST_SERVER_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

/**
 * An empty database on the test server, for a test that connects to it more than once (two server
 * instances, a child process); `drop` removes it, closing what is still connected.
 */
export async function createServerDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `kostra_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_SERVER_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(TEST_SERVER_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const cleanup = new pg.Client({ connectionString: TEST_SERVER_URL });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

/** A database made for one test and dropped after it, so that tests never share state. */
async function freshServerDatabase(): Promise<{ db: Db; drop(): Promise<void> }> {
  const created = await createServerDatabase();
  const db = await openDatabase({ url: created.url });
  return {
    db,
    async drop() {
      await db.destroy();
      await created.drop();
    },
  };
}

/**
 * The databases an integration test runs against: PGlite always, the real PostgreSQL when it answers.
 * With CI=true a server that does not answer fails the run instead of being skipped.
 */
export async function testDatabases(): Promise<TestDatabase[]> {
  const list: TestDatabase[] = [
    {
      kind: 'pglite',
      async open() {
        const db = await openDatabase();
        return { db, drop: () => db.destroy() };
      },
    },
  ];
  if (await serverReachable()) list.push({ kind: 'postgresql', open: freshServerDatabase });
  else if (process.env.CI === 'true')
    throw new Error(`CI=true but no PostgreSQL answers at ${TEST_SERVER_URL}`);
  return list;
}
