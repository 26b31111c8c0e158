import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ensureDemoRound } from '../app/demo-round.ts';
import { loadFormLibrary } from '../files/form-definitions.ts';
import { openDatabase, type Db } from '../store/database.ts';
import { createFormRound } from '../store/form-rounds.ts';
import { buildApp } from './app.ts';
import { registeredRoutes } from './testing/routes.ts';
import { addKari, staffCookie } from './testing/staff.ts';

/*
 * A form round beside the survey rounds: every staff route that names a round answers for it without a
 * server error (the statisticians' pages are the survey's yet; a form round there is a 4xx that says so).
 */
let db: Db;
let app: FastifyInstance;
let cookie: string;
beforeAll(async () => {
  db = await openDatabase();
  await ensureDemoRound(db, new Date());
  await addKari(db);
  const library = await loadFormLibrary();
  await createFormRound(db, {
    id: 'skjema1-2021',
    definition: library.forms.find((f) => f.id === 'kostra-skjema-1')!,
    sharedLists: library.lists,
    year: 2021,
    units: [{ code: '4640', name: 'Sogndal', kind: 'municipality' }],
  });
  app = await buildApp({ db, cookieSecret: 'staff-form-secret-staff-form-secret-xx' });
  cookie = await staffCookie(app);
});
afterAll(async () => {
  await app.close();
  await db.destroy();
});

test('no staff route fails on a form round', async () => {
  const failures: string[] = [];
  for (const { method, path } of registeredRoutes(app)) {
    if (!path.startsWith('/api/staff/') || !path.includes(':id')) continue;
    const url = path
      .replace(':id', 'skjema1-2021')
      .replace(':municipality', '4640')
      .replace(':kind', 'invitation')
      .replace(':language', 'nb')
      .replace(/:[a-z]+/g, 'x');
    const res = await app.inject({
      method: method as 'GET',
      url,
      // No Origin: a request from outside a browser, which the origin check lets through.
      headers: { cookie, 'content-type': 'application/json' },
      ...(method === 'GET' || method === 'DELETE' ? {} : { payload: '{}' }),
    });
    if (res.statusCode >= 500) failures.push(`${method} ${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
  }
  expect(failures).toEqual([]);
});

test('the round list shows the form round beside the survey rounds', async () => {
  const res = await app.inject({ method: 'GET', url: '/api/staff/rounds', headers: { cookie } });
  expect(res.statusCode).toBe(200);
  expect(JSON.stringify(res.json())).toContain('skjema1-2021');
});
