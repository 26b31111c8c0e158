import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type * as z from 'zod';
import { importRound } from '../app/import-round.ts';
import { addStatistician } from '../app/staff-users.ts';
import { loadReferenceData, loadSurveyDefinition } from '../files/product-data.ts';
import type { Db } from '../store/database.ts';
import { issueTokens } from '../store/respondents.ts';
import { testDatabases } from '../store/testing/databases.ts';
import { PILOT } from '../testing/shared-data.ts';
import { wireForm, wireSaved, wireSubmitted, wireVersion } from '../wire/respondent.ts';
import {
  wireAuditEntry,
  wireDay,
  wireFlag,
  wireMe,
  wireMunicipalityRecord,
  wireOutboxEntry,
  wireRoundRow,
  wireRoundStatus,
  wireTimeline,
} from '../wire/staff.ts';
import { buildApp } from './app.ts';
import { addKari, staffCookie } from './testing/staff.ts';

const databases = await testDatabases();
const ROUND = 'f254-pilot-2022';

/** Every field of a response is one its wire schema lists, of the type it says: strictly, nothing more. */
const holds = (schema: z.ZodType, body: unknown, what: string) => {
  const parsed = schema.safeParse(body);
  expect(parsed.success ? '' : `${what}: ${parsed.error.message}`).toBe('');
};

describe.each(databases)('what the server sends is what src/wire says, on $kind', (database) => {
  let db: Db;
  let drop: () => Promise<void>;
  let app: FastifyInstance;
  beforeAll(async () => {
    ({ db, drop } = await database.open());
    await importRound(db, PILOT, await loadSurveyDefinition('f254'), await loadReferenceData());
    await addKari(db);
    await addStatistician(db, {
      username: 'ola',
      displayName: 'Ola',
      role: 'admin',
      password: 'et langt passord her',
    });
    app = await buildApp({ db, cookieSecret: 'wire-secret-wire-secret-wire-secret-1' });
  }, 60_000);
  afterAll(async () => {
    await app.close();
    await drop();
  });

  test('the staff API', async () => {
    const cookie = await staffCookie(app);
    const get = async (url: string) => {
      const r = await app.inject({ url, headers: { cookie } });
      expect(r.statusCode, url).toBe(200);
      return r.json<unknown>();
    };
    holds(wireMe, await get('/api/staff/me'), 'me');
    holds(wireRoundRow.array(), await get('/api/staff/rounds'), 'rounds');
    holds(wireRoundStatus.array(), await get(`/api/staff/rounds/${ROUND}/status`), 'status');
    await app.inject({
      method: 'PUT',
      url: `/api/staff/rounds/${ROUND}/timeline`,
      headers: { cookie },
      payload: { deadline: '2022-05-20', extended_deadline: '2022-05-27' },
    });
    holds(wireTimeline, await get(`/api/staff/rounds/${ROUND}/timeline`), 'timeline');
    const days = await get(`/api/staff/rounds/${ROUND}/tracking`);
    holds(wireDay.array(), days, 'tracking');
    expect((days as object[])[0]).toHaveProperty('extended_deadline');
    const flags = await get(`/api/staff/rounds/${ROUND}/controls`);
    expect((flags as unknown[]).length).toBeGreaterThan(0);
    holds(wireFlag.array(), flags, 'controls');
    await app.inject({
      method: 'POST',
      url: `/api/staff/rounds/${ROUND}/municipalities/3403/contacts`,
      headers: { cookie },
      payload: { channel: 'phone', question: 'Er BPA med?' },
    });
    holds(
      wireMunicipalityRecord,
      await get(`/api/staff/rounds/${ROUND}/municipalities/3403`),
      'municipality',
    );
    holds(wireOutboxEntry.array(), await get(`/api/staff/rounds/${ROUND}/outbox`), 'outbox');
    const admin = await staffCookie(app, { username: 'ola', password: 'et langt passord her' });
    const audit = await app.inject({ url: '/api/staff/audit', headers: { cookie: admin } });
    holds(wireAuditEntry.array(), audit.json(), 'audit');
  });

  test('the respondent API', async () => {
    // Before the pilot's deadline, so that the form is open.
    const app = await buildApp({
      db,
      cookieSecret: 'wire-secret-wire-secret-wire-secret-1',
      now: () => new Date('2022-05-02T10:00:00Z'),
    });
    const token = (await issueTokens(db, ROUND)).find((t) => t.municipality === '3024')!.token;
    const signedIn = await app.inject({ method: 'POST', url: '/api/session', payload: { token } });
    const cookie = `${signedIn.cookies[0]!.name}=${signedIn.cookies[0]!.value}`;
    const form = await app.inject({ url: '/api/respondent/form', headers: { cookie } });
    holds(wireForm, form.json(), 'form');
    const content = {
      comments: '',
      tables: {
        business_types: { methods: [], rows: { AMBULANT: { fewer_than_5: false, amounts: { AGD10: -5 } } } },
      },
    };
    const saved = await app.inject({
      method: 'PUT',
      url: '/api/respondent/form',
      headers: { cookie, 'if-match': '"0"' },
      payload: content,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    holds(wireSaved, saved.json(), 'saved');
    expect(saved.json<{ errors: { rule_id: string }[] }>().errors.length).toBeGreaterThan(0);
    const fixed = await app.inject({
      method: 'PUT',
      url: '/api/respondent/form',
      headers: { cookie, 'if-match': '"1"' },
      payload: {
        ...content,
        tables: {
          business_types: { methods: [], rows: { AMBULANT: { fewer_than_5: false, amounts: { AGD10: 5 } } } },
        },
      },
    });
    holds(wireSaved, fixed.json(), 'saved');
    const submitted = await app.inject({
      method: 'POST',
      url: '/api/respondent/form/submit',
      headers: { cookie },
      payload: { contact: { name: 'Kari', email: 'kari@example.no' } },
    });
    if (submitted.statusCode === 200) holds(wireSubmitted, submitted.json(), 'submitted');
    else expect(submitted.json<{ errors: { rule_id: string }[] }>().errors[0]).toHaveProperty('rule_id');
    const versions = await app.inject({ url: '/api/respondent/form/versions', headers: { cookie } });
    holds(wireVersion.array(), versions.json(), 'versions');
    expect(versions.json<unknown[]>().length).toBeGreaterThan(1);
    await app.close();
  });
});
