import { PGlite } from '@electric-sql/pglite';
import { afterAll, expect, test } from 'vitest';
import { isDatabaseUnavailable } from './database.ts';
import { pglitePool } from './pglite-pool.ts';

const pglite = await PGlite.create();
const pool = pglitePool(pglite, 50);
afterAll(() => pool.end());

test('a caller that waits too long for the connection is refused, and the queue goes on after it', async () => {
  const holder = await pool.connect();
  const refused = await pool.connect().catch((error: unknown) => error);
  // The refusal is one the HTTP layer answers with 503 and Retry-After.
  expect(isDatabaseUnavailable(refused)).toBe(true);
  const next = pool.connect();
  holder.release();
  const client = await next;
  const result = await client.query<{ one: number }>('select 1 as one', []);
  expect(result.rows).toEqual([{ one: 1 }]);
  client.release();
});

test('callers within the limit are served in turn', async () => {
  const first = await pool.connect();
  const second = pool.connect();
  setTimeout(() => first.release(), 10);
  const client = await second;
  client.release();
});
