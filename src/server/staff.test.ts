import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { answered, definition, given, invitation, response, round } from '../domain/testing/rounds.ts';
import type { Db } from '../store/database.ts';
import { issueTokens } from '../store/respondents.ts';
import { saveRound } from '../store/rounds.ts';
import { addStatistician } from '../app/staff-users.ts';
import { testDatabases } from '../store/testing/databases.ts';
import { buildApp } from './app.ts';
import { registeredRoutes } from './testing/routes.ts';

const databases = await testDatabases();

describe.each(databases)('statisticians on $kind', (database) => {
  let db: Db;
  let drop: () => Promise<void>;
  let app: FastifyInstance;
  let respondentCookie: string;

  beforeAll(async () => {
    ({ db, drop } = await database.open());
    await saveRound(db, definition, {
      ...round(
        [invitation('3403'), invitation('5041'), invitation('1001')],
        [response('3403', { business_types: answered({ AMBULANT: given(10) }) })],
      ),
      id: 'round-s',
    });
    await addStatistician(db, {
      username: 'kari',
      displayName: 'Kari Statistiker',
      role: 'statistician',
      password: 'riktig hest batteri',
    });
    await addStatistician(db, {
      username: 'ola',
      displayName: 'Ola Admin',
      role: 'admin',
      password: 'stift korrekt hest',
    });
    app = await buildApp({ db, cookieSecret: 'staff-secret-staff-secret-staff-secret' });
    const [token] = await issueTokens(db, 'round-s');
    const res = await app.inject({ method: 'POST', url: '/api/session', payload: { token: token!.token } });
    respondentCookie = `${res.cookies[0]!.name}=${res.cookies[0]!.value}`;
  });
  afterAll(async () => {
    await app.close();
    await drop();
  });

  const signIn = async (username: string, password: string) => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/staff/session',
      payload: { username, password },
    });
    return { res, cookie: res.cookies[0] ? `${res.cookies[0].name}=${res.cookies[0].value}` : '' };
  };
  const get = (url: string, cookie: string) => app.inject({ method: 'GET', url, headers: { cookie } });
  const expectProblem = (res: LightMyRequestResponse, status: number) => {
    expect(res.statusCode).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  };

  test('users are made with a strong password and a free name', async () => {
    await expect(
      addStatistician(db, { username: 'per', displayName: 'Per', role: 'statistician', password: 'kort' }),
    ).rejects.toThrow('at least 12 characters');
    await expect(
      addStatistician(db, {
        username: 'kari',
        displayName: 'Kari 2',
        role: 'statistician',
        password: 'et annet passord',
      }),
    ).rejects.toThrow('exists already');
    const stored = await db
      .selectFrom('statistician')
      .select('password_hash')
      .where('username', '=', 'kari')
      .executeTakeFirstOrThrow();
    expect(stored.password_hash).toMatch(/^\$argon2id\$/);
  });

  test('sign-in with the right password gives a staff session; a wrong one is refused and logged', async () => {
    const wrong = await signIn('kari', 'feil passord her');
    expectProblem(wrong.res, 401);
    expectProblem((await signIn('ingen', 'riktig hest batteri')).res, 401);
    const right = await signIn('kari', 'riktig hest batteri');
    expect(right.res.statusCode).toBe(204);
    expect(right.res.cookies[0]).toMatchObject({ name: 'kostra_staff', httpOnly: true, sameSite: 'Strict' });
    expect((await get('/api/staff/me', right.cookie)).json()).toEqual({
      username: 'kari',
      display_name: 'Kari Statistiker',
      role: 'statistician',
    });
  });

  test("the rounds with live response counts, and a round's tables", async () => {
    const { cookie } = await signIn('kari', 'riktig hest batteri');
    expect((await get('/api/staff/rounds', cookie)).json()).toEqual([
      {
        id: 'round-s',
        reference_year: 2021,
        kind: 'survey',
        form: 'f254',
        deadline: null,
        extended_deadline: null,
        invited: 3,
        responded: 1,
      },
    ]);
    const report = (await get('/api/staff/rounds/round-s/report', cookie)).json<{
      tables: Record<string, unknown[]>;
    }>();
    expect(report.tables['table-3.3']).toEqual([
      { status: 'RECEIVED', count: 3, percent: 100 },
      { status: 'ATTENDED_MEETING', count: 0, percent: 0 },
      { status: 'RESPONDED', count: 1, percent: 33 },
    ]);
  });

  describe('policies', () => {
    test('a respondent session reaches no statistician route, whatever the method and body', async () => {
      const staff = registeredRoutes(app).filter(
        (r) => r.path.startsWith('/api/staff/') && r.path !== '/api/staff/session',
      );
      expect(staff.length).toBeGreaterThan(25);
      for (const { method, path } of staff) {
        const url = path
          .replace(':id', 'round-s')
          .replace(':municipality', '1001')
          .replace(':kind', 'invitation')
          .replace(':language', 'nb');
        const response = await app.inject({
          method: method as 'GET',
          url,
          headers: { cookie: respondentCookie, 'content-type': 'application/json' },
          ...(method === 'GET' ? {} : { payload: '{}' }),
        });
        expect({ method, url, status: response.statusCode }).toEqual({ method, url, status: 401 });
      }
    });

    test('a staff session cannot be forged from a respondent cookie or by hand', async () => {
      const forged = respondentCookie.replace('kostra_session', 'kostra_staff');
      expectProblem(await get('/api/staff/me', forged), 401);
      expectProblem(await get('/api/staff/me', 'kostra_staff=made-up.signature'), 401);
    });

    test('a staff session stops working at logout', async () => {
      const { cookie } = await signIn('kari', 'riktig hest batteri');
      expect(
        (await app.inject({ method: 'DELETE', url: '/api/staff/session', headers: { cookie } })).statusCode,
      ).toBe(204);
      expectProblem(await get('/api/staff/me', cookie), 401);
    });

    test('the audit log is for admins: a statistician gets 403; every action is there with who and when', async () => {
      const kari = await signIn('kari', 'riktig hest batteri');
      expectProblem(await get('/api/staff/audit', kari.cookie), 403);
      const ola = await signIn('ola', 'stift korrekt hest');
      const log = (await get('/api/staff/audit', ola.cookie)).json<
        { at: string; actor: string; action: string }[]
      >();
      const actions = log.map((l) => `${l.actor} ${l.action}`);
      expect(actions).toContain('kari session.refused');
      expect(actions).toContain('kari session.open');
      expect(actions).toContain('kari session.end');
      expect(actions).toContain('system user.add');
      expect(log.every((l) => !Number.isNaN(Date.parse(l.at)))).toBe(true);
    });
  });
});
