import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ensureDemoRound } from '../app/demo-round.ts';
import { openDatabase, type Db } from '../store/database.ts';
import { FUZZ_TIMEOUT, fuzzParameters, mutated } from '../testing/fuzz.ts';
import { buildApp } from './app.ts';
import { draftBody } from './testing/autosave-load.ts';
import { addKari, staffCookie } from './testing/staff.ts';

/*
 * The HTTP API fed seeded mutations of valid requests: whatever arrives, the answer is a 2xx or a 4xx
 * problem that says what is wrong, never a 5xx, and the server keeps answering.
 */

let db: Db;
let app: FastifyInstance;
let respondent: string;
let staff: string;
let version = 0;

beforeAll(async () => {
  db = await openDatabase();
  const tokens = await ensureDemoRound(db, new Date());
  await addKari(db);
  app = await buildApp({
    db,
    cookieSecret: 'fuzz-secret-fuzz-secret-fuzz-secret-1',
    pxwebRateLimit: { calls: 1e9, windowSeconds: 1 },
  });
  staff = await staffCookie(app);
  const signIn = await app.inject({
    method: 'POST',
    url: '/api/session',
    payload: { token: tokens[0]!.token },
  });
  respondent = `${signIn.cookies[0]!.name}=${signIn.cookies[0]!.value}`;
});
afterAll(async () => {
  await app.close();
  await db.destroy();
});

/**
 * A query string as a client may send it: characters outside the URL's own percent-encoded as UTF-8 bytes,
 * `%` left as it is (so malformed escapes such as `%E2%8` or `%` at the end arrive).
 */
const asQueryString = (query: string) =>
  query.replace(/[^\w\-.~!*'();:@&=+$,/?%[\]]/g, (ch) =>
    [...Buffer.from(ch)].map((b) => `%${b.toString(16).padStart(2, '0')}`).join(''),
  );

/** A 4xx answer is a problem with a title and, for a malformed request, a detail naming what. */
function refusedOrDone(res: { statusCode: number; body: string; headers: Record<string, unknown> }): boolean {
  if (res.statusCode >= 500) throw new Error(`${res.statusCode}: ${res.body.slice(0, 300)}`);
  if (res.statusCode >= 400) {
    expect(String(res.headers['content-type'])).toContain('application/problem+json');
    const problem = JSON.parse(res.body) as { title?: unknown; status?: unknown };
    expect(typeof problem.title).toBe('string');
    expect(problem.status).toBe(res.statusCode);
  }
  return true;
}

describe('no request makes the server fail', () => {
  test('the respondent body and If-Match', { timeout: FUZZ_TIMEOUT }, async () => {
    await fc.assert(
      fc.asyncProperty(
        mutated(draftBody('Fordelt etter ansvar')),
        fc.oneof(fc.constant(undefined), mutated(String(version)), fc.constant('99999999999999999999')),
        async (body, ifMatch) => {
          const res = await app.inject({
            method: 'PUT',
            url: '/api/respondent/form',
            headers: {
              cookie: respondent,
              'content-type': 'application/json',
              ...(ifMatch === undefined ? {} : { 'if-match': ifMatch }),
            },
            payload: body,
          });
          if (res.statusCode === 200) version = res.json<{ version: number }>().version;
          return refusedOrDone(res);
        },
      ),
      fuzzParameters(),
    );
  });

  test('PxWeb query strings', { timeout: FUZZ_TIMEOUT }, async () => {
    const valid =
      'valuecodes[Region]=3414,03*&valuecodes[Kategori]=BPA&valuecodes[ContentsCode]=*&valuecodes[Tid]=top(1)&outputformat=csv&lang=nb&heading=Tid&codelist[Region]=agg_Fylker2022';
    await fc.assert(
      fc.asyncProperty(mutated(valid), async (query) =>
        refusedOrDone(
          await app.inject({
            method: 'GET',
            url: `/api/v2/tables/F254VIRKSOMHET/data?${asQueryString(query)}`,
          }),
        ),
      ),
      fuzzParameters(),
    );
  });

  test.each([
    ['prefilled', 'municipality,measure,amount\n0301,AGD10,8023718\n4601,AGD4,3229347\n'],
    ['attendance', 'municipality,participants\n0301,3\n4601,0\n'],
    ['contacts', 'municipality,email\n0301,post@oslo.kommune.no\n4601,post@bergen.kommune.no\n'],
  ])('the staff CSV upload %s', { timeout: FUZZ_TIMEOUT }, async (kind, valid) => {
    await fc.assert(
      fc.asyncProperty(mutated(valid), async (csv) =>
        refusedOrDone(
          await app.inject({
            method: 'PUT',
            url: `/api/staff/rounds/f254-pilot-2022/${kind}`,
            headers: { cookie: staff, 'content-type': 'text/csv' },
            payload: csv,
          }),
        ),
      ),
      fuzzParameters(100),
    );
  });

  test('the accounting-file check, and ids that are not ids', { timeout: FUZZ_TIMEOUT }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 200 }), fc.string({ maxLength: 30 }), async (bytes, id) => {
        refusedOrDone(
          await app.inject({
            method: 'POST',
            url: '/api/accounts/check?year=2019&skjema=0A&region=040200',
            headers: { 'content-type': 'application/octet-stream' },
            payload: Buffer.from(bytes),
          }),
        );
        for (const url of [
          `/api/staff/rounds/${encodeURIComponent(id)}`,
          `/api/v2/tables/${encodeURIComponent(id)}`,
        ])
          refusedOrDone(await app.inject({ method: 'GET', url, headers: { cookie: staff } }));
        return true;
      }),
      fuzzParameters(100),
    );
  });
});
