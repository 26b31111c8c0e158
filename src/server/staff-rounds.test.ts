import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Db } from '../store/database.ts';
import { testDatabases } from '../store/testing/databases.ts';
import { buildApp } from './app.ts';
import { addKari, staffCookie } from './testing/staff.ts';

const databases = await testDatabases();

/** Real municipality codes of 2022 with made-up sizes: the draw and the invitations need real codes. */
const candidates = [
  { municipality: '0301', size_group: 'ASSS', criteria: ['ASSS'] },
  { municipality: '4601', size_group: 'ASSS', criteria: ['ASSS'] },
  { municipality: '3403', size_group: '20000+', criteria: ['KOSTRA_AG'] },
  ...['1145', '3039', '3041', '5045', '3044', '4637', '3040', '5428'].map((m) => ({
    municipality: m,
    size_group: '<5000',
    criteria: [],
  })),
  ...['3414', '1531', '3053', '3816'].map((m) => ({
    municipality: m,
    size_group: '5000-9999',
    criteria: [],
  })),
];

describe.each(databases)('setting a round up on $kind', (database) => {
  let db: Db;
  let drop: () => Promise<void>;
  let app: FastifyInstance;
  let cookie: string;

  beforeAll(async () => {
    ({ db, drop } = await database.open());
    await addKari(db);
    app = await buildApp({ db, cookieSecret: 'rounds-secret-rounds-secret-rounds-1' });
    cookie = await staffCookie(app);
  });
  afterAll(async () => {
    await app.close();
    await drop();
  });

  const create = (id: string, seed?: number) =>
    app.inject({
      method: 'POST',
      url: '/api/staff/rounds',
      headers: { cookie },
      payload: {
        id,
        reference_year: 2023,
        timeline: { sent_out: '2024-05-13', deadline: '2024-05-20T22:00:00+02:00' },
        candidates,
        sample: {
          take_all_with: ['ASSS', 'KOSTRA_AG'],
          draw_per_size_group: { '<5000': 3, '5000-9999': 2 },
          ...(seed === undefined ? {} : { seed }),
        },
      },
    });
  const selectedOf = (res: Awaited<ReturnType<typeof create>>) =>
    res.json<{ selected: { municipality: string; reasons: string[] }[] }>().selected;

  test('the sample: everyone by criteria and a seeded draw per size group; the same seed draws the same', async () => {
    const first = await create('f254-2023-a', 42);
    expect(first.statusCode).toBe(201);
    const a = selectedOf(first);
    expect(a.filter((s) => s.reasons[0] !== 'RANDOM').map((s) => s.municipality)).toEqual([
      '0301',
      '3403',
      '4601',
    ]);
    expect(a.filter((s) => s.reasons[0] === 'RANDOM')).toHaveLength(5);
    const b = selectedOf(await create('f254-2023-b', 42));
    expect(b).toEqual(a);
    const c = selectedOf(await create('f254-2023-c', 43));
    expect(c.map((s) => s.municipality)).not.toEqual(a.map((s) => s.municipality));
    expect(first.json()).toMatchObject({ seed: 42, seed_drawn: false });
    // No seed given: one is drawn and given back, and drawing with it again gives the same sample.
    const drawn = await create('f254-2023-d');
    const { seed } = drawn.json<{ seed: number; seed_drawn: boolean }>();
    expect(drawn.json()).toMatchObject({ seed_drawn: true });
    expect(Number.isInteger(seed)).toBe(true);
    expect(selectedOf(await create('f254-2023-e', seed))).toEqual(selectedOf(drawn));

    const report = (
      await app.inject({ method: 'GET', url: '/api/staff/rounds/f254-2023-a/report', headers: { cookie } })
    ).json<{
      tables: Record<string, unknown[]>;
    }>();
    expect(report.tables['table-3.2']).toEqual([
      { size_group: 'ASSS', count: 2 },
      { size_group: '20000+', count: 1 },
      { size_group: '10000-19999', count: 0 },
      { size_group: '5000-9999', count: 2 },
      { size_group: '<5000', count: 3 },
      { size_group: 'TOTAL', count: 8 },
    ]);
    const rounds = (await app.inject({ method: 'GET', url: '/api/staff/rounds', headers: { cookie } })).json<
      { id: string; deadline: string }[]
    >();
    expect(rounds.find((r) => r.id === 'f254-2023-a')?.deadline).toBe('2024-05-20T20:00:00.000Z');
  });

  test('a code that is no municipality in the reference year is refused, and no round is made', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/staff/rounds',
      headers: { cookie },
      payload: {
        id: 'f254-bad',
        reference_year: 2023,
        candidates: [{ municipality: '0402', size_group: '<5000' }],
        sample: { seed: 1 },
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ detail: string }>().detail).toContain('0402 is no municipality in 2023');
    expect(await db.selectFrom('survey_round').select('id').where('id', '=', 'f254-bad').execute()).toEqual(
      [],
    );
  });

  test('prefilled totals from CSV; a bad line is named and nothing changes', async () => {
    const put = (csv: string) =>
      app.inject({
        method: 'PUT',
        url: '/api/staff/rounds/f254-2023-a/prefilled',
        headers: { cookie, 'content-type': 'text/csv' },
        payload: csv,
      });
    expect(
      (await put('municipality,measure,amount\n0301,AGD10,8023718\n0301,AGD4,7238724\n')).json(),
    ).toEqual({ rows: 2 });
    const bad = await put('0301,AGD10,1\n4601,AGD10,12 kroner\n');
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ detail: string }>().detail).toBe(
      'prefilled.csv, line 2: "12 kroner" is not a whole number of 1000 NOK up to 999999999',
    );
    const stored = await db
      .selectFrom('prefilled_total')
      .select(['measure', 'amount'])
      .where('round_id', '=', 'f254-2023-a')
      .orderBy('measure')
      .execute();
    expect(stored).toEqual([
      { measure: 'AGD10', amount: 8023718 },
      { measure: 'AGD4', amount: 7238724 },
    ]);
  });

  test('attendance, an extension, an edited template and the status of each municipality', async () => {
    const put = (url: string, payload: string | object, type?: string) =>
      app.inject({
        method: 'PUT',
        url,
        headers: { cookie, ...(type ? { 'content-type': type } : {}) },
        payload,
      });
    const bad = await put('/api/staff/rounds/f254-2023-a/attendance', '0301,3\n4601,mange\n', 'text/csv');
    expect(bad.json<{ detail: string }>().detail).toBe(
      'attendance.csv, line 2: "mange" is not a number of participants',
    );
    expect(
      (
        await put(
          '/api/staff/rounds/f254-2023-a/attendance',
          'municipality,participants\n0301,3\n4601,2\n',
          'text/csv',
        )
      ).json(),
    ).toEqual({ rows: 2 });
    const report = (
      await app.inject({ method: 'GET', url: '/api/staff/rounds/f254-2023-a/report', headers: { cookie } })
    ).json<{
      tables: Record<string, unknown[]>;
      facts: { meetingParticipants: number };
    }>();
    expect(report.tables['table-3.3']?.[1]).toEqual({ status: 'ATTENDED_MEETING', count: 2, percent: 25 });
    expect(report.facts.meetingParticipants).toBe(5);

    expect(
      (
        await put('/api/staff/rounds/f254-2023-a/municipalities/0301/extension', {
          until: '2024-05-27T22:00:00+02:00',
        })
      ).statusCode,
    ).toBe(204);
    // A date alone: open to the end of that day in Oslo, not from its first hour.
    expect(
      (await put('/api/staff/rounds/f254-2023-a/municipalities/4601/extension', { until: '2026-12-10' }))
        .statusCode,
    ).toBe(204);
    const extended = await db
      .selectFrom('invitation')
      .select('extended_deadline')
      .where('round_id', '=', 'f254-2023-a')
      .where('municipality', '=', '4601')
      .executeTakeFirstOrThrow();
    expect(extended.extended_deadline?.toISOString()).toBe('2026-12-10T22:59:59.999Z');
    expect(
      (
        await put('/api/staff/rounds/f254-2023-a/templates/reminder/nn', {
          subject: 'Hugs {undersokelse}',
          body: 'Lenkje: {lenke}',
        })
      ).statusCode,
    ).toBe(204);
    const template = await db
      .selectFrom('mail_template')
      .selectAll()
      .where('round_id', '=', 'f254-2023-a')
      .execute();
    expect(template).toEqual([
      {
        round_id: 'f254-2023-a',
        kind: 'reminder',
        language: 'nn',
        subject: 'Hugs {undersokelse}',
        body: 'Lenkje: {lenke}',
      },
    ]);

    const status = (
      await app.inject({ method: 'GET', url: '/api/staff/rounds/f254-2023-a/status', headers: { cookie } })
    ).json<{ municipality: string; status: string; extended_deadline: string | null }[]>();
    expect(status).toHaveLength(8);
    expect(status.find((s) => s.municipality === '0301')).toMatchObject({
      status: 'not_started',
      extended_deadline: '2024-05-27T20:00:00.000Z',
    });
  });

  test('the timeline: read, changed as a whole, checked for order, and the extended deadline listed', async () => {
    const timeline = (method: 'GET' | 'PUT', payload?: object) =>
      app.inject({ method, url: '/api/staff/rounds/f254-2023-a/timeline', headers: { cookie }, payload });
    expect((await timeline('GET')).json()).toEqual({
      sent_out: '2024-05-13',
      deadline: '2024-05-20T22:00:00+02:00',
    });
    const wrong = await timeline('PUT', { deadline: '2024-05-20', extended_deadline: '2024-05-10' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json<{ detail: string }>().detail).toBe(
      'timeline, extended_deadline: extended_deadline 2024-05-10 comes before deadline',
    );
    const whole = {
      draft_sent: '2024-04-22',
      information_meeting: '2024-05-02',
      sent_out: '2024-05-13',
      deadline: '2024-05-20T22:00:00+02:00',
      extended_deadline: '2024-05-31',
    };
    expect((await timeline('PUT', whole)).statusCode).toBe(200);
    expect((await timeline('GET')).json()).toEqual(whole);
    const rounds = (await app.inject({ method: 'GET', url: '/api/staff/rounds', headers: { cookie } })).json<
      { id: string; deadline: string; extended_deadline: string | null }[]
    >();
    expect(rounds.find((r) => r.id === 'f254-2023-a')).toMatchObject({
      deadline: '2024-05-20T20:00:00.000Z',
      extended_deadline: '2024-05-31T21:59:59.999Z',
    });
    const log = await db
      .selectFrom('audit_log')
      .select(['action', 'subject', 'actor'])
      .where('action', '=', 'round.timeline')
      .execute();
    expect(log).toEqual([{ action: 'round.timeline', subject: 'f254-2023-a', actor: 'kari' }]);
    expect(
      (await app.inject({ method: 'GET', url: '/api/staff/rounds/nope/timeline', headers: { cookie } }))
        .statusCode,
    ).toBe(404);
  });

  test('the sample by hand: add and remove with a reason, logged; one that has answered stays', async () => {
    const post = (payload: object) =>
      app.inject({
        method: 'POST',
        url: '/api/staff/rounds/f254-2023-b/sample',
        headers: { cookie },
        payload,
      });
    const remove = (m: string, reason: string) =>
      app.inject({
        method: 'DELETE',
        url: `/api/staff/rounds/f254-2023-b/sample/${m}`,
        headers: { cookie },
        payload: { reason },
      });
    expect(
      (await post({ municipality: '3401', size_group: '10000-19999', reason: 'Ønsket av arbeidsgruppen' }))
        .statusCode,
    ).toBe(204);
    expect(
      (await post({ municipality: '3401', size_group: '10000-19999', reason: 'igjen' })).json<{
        detail: string;
      }>().detail,
    ).toBe('municipality: 3401 is in the sample already');
    expect(
      (await post({ municipality: '0402', size_group: '<5000', reason: 'Kongsvinger' })).json<{
        detail: string;
      }>().detail,
    ).toBe('municipality: 0402 is no municipality in 2023');
    expect((await remove('3401', '')).statusCode).toBe(400);
    expect((await remove('3401', 'Feil kommune')).statusCode).toBe(204);
    await db
      .insertInto('response')
      .values({
        round_id: 'f254-2023-b',
        municipality: '0301',
        version: 1,
        status: 'draft',
        comments: '',
        tables: '{}',
      })
      .execute();
    expect((await remove('0301', 'Trekker seg')).json<{ detail: string }>().detail).toBe(
      'municipality: 0301 has answered; its answers stay in the round',
    );
    const log = await db
      .selectFrom('audit_log')
      .select(['actor', 'action', 'subject'])
      .where('action', 'like', 'sample.%')
      .orderBy('id')
      .execute();
    expect(log).toEqual([
      { actor: 'kari', action: 'sample.add', subject: 'f254-2023-b/3401' },
      { actor: 'kari', action: 'sample.remove', subject: 'f254-2023-b/3401' },
    ]);
  });
});
