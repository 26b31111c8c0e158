import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openDatabase, type Db } from '../store/database.ts';
import { buildApp } from './app.ts';
import { MAX_EVENT_LOOP_DELAY_MS, RETRY_AFTER_SECONDS } from './backpressure.ts';

let db: Db;
let app: FastifyInstance;
beforeAll(async () => {
  db = await openDatabase();
  app = await buildApp({ db, cookieSecret: 'pressure-secret-pressure-secret-pressure' });
});
afterAll(async () => {
  await app.close();
  await db.destroy();
});

const busyFor = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until);
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Waits until the server has just taken its load sample (once a second), so the next interval is ours. */
async function sampleTaken(): Promise<void> {
  const before = app.memoryUsage().eventLoopUtilized;
  while (app.memoryUsage().eventLoopUtilized === before) await sleep(2);
}

test('a saturated server refuses at once with 503 and Retry-After, and serves again when it recovers', async () => {
  expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  // The event loop held for well over the limit within one sampling interval: saturated.
  await sampleTaken();
  busyFor(2.5 * MAX_EVENT_LOOP_DELAY_MS);
  // The overdue sample runs before this timer does.
  await sleep(1);
  const refused = await app.inject({ method: 'GET', url: '/api/v2/tables' });
  expect(refused.statusCode).toBe(503);
  expect(refused.headers['retry-after']).toBe(String(RETRY_AFTER_SECONDS));
  expect(refused.headers['content-type']).toContain('application/problem+json');
  expect(refused.json()).toMatchObject({ type: 'https://kostra.ssb.no/problems/overloaded', status: 503 });
  // The next sample finds an idle loop.
  await new Promise((resolve) => setTimeout(resolve, 1100));
  expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
});
