import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { answered, definition, given, invitation, response, round } from '../domain/testing/rounds.ts';
import type { Db } from '../store/database.ts';
import { saveRound, setDeadline } from '../store/rounds.ts';
import { testDatabases } from '../store/testing/databases.ts';
import { buildApp } from './app.ts';
import { wireRoundOverview } from '../wire/staff.ts';
import { addKari, staffCookie } from './testing/staff.ts';

const databases = await testDatabases();

describe.each(databases)('control of a round on $kind', (database) => {
  let db: Db;
  let drop: () => Promise<void>;
  let app: FastifyInstance;
  let cookie: string;
  const prefilled = { AGD10: 10000, AGD4: 9000, AGD16: 8000, AGD2: 9500 };

  beforeAll(async () => {
    ({ db, drop } = await database.open());
    await saveRound(db, definition, {
      ...round(
        [invitation('3403', { prefilled })],
        [response('3403', { target_groups: answered({ ELDERLY: given(2000) }) })],
      ),
      id: 'f254-2020',
      referenceYear: 2020,
    });
    await saveRound(db, definition, {
      ...round(
        [
          invitation('3403', { prefilled }),
          invitation('5041', { prefilled }),
          invitation('1001', { prefilled }),
        ],
        [
          {
            ...response('3403', { target_groups: answered({ ELDERLY: given(5000) }) }),
            submittedAt: '2022-05-13T09:00:00+02:00',
          },
          {
            ...response('5041', { business_types: answered({ AMBULANT: given(3000), OTHER: given(1000) }) }),
            submittedAt: '2022-05-20T15:00:00+02:00',
          },
        ],
      ),
      id: 'f254-2021',
    });
    await setDeadline(db, 'f254-2021', new Date('2022-05-20T21:59:00Z'));
    await addKari(db);
    app = await buildApp({
      db,
      cookieSecret: 'control-secret-control-secret-control',
      now: () => new Date('2022-06-01T10:00:00Z'),
    });
    cookie = await staffCookie(app);
  });
  afterAll(async () => {
    await app.close();
    await drop();
  });

  const call = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

  test('the worklist: deviations from the KOSTRA total and from last year, largest first, each pending', async () => {
    const flags = (await call('GET', '/api/staff/rounds/f254-2021/controls?relative=0.1&absolute=100')).json<
      { municipality: string; kind: string; deviation: number; outcome: string; key: string }[]
    >();
    expect(flags.map((f) => [f.municipality, f.kind, f.deviation, f.outcome])).toEqual([
      ['5041', 'kostra_total', -6000, 'pending'],
      ['3403', 'previous_round', 3000, 'pending'],
    ]);
    const res = await call('PUT', '/api/staff/rounds/f254-2021/controls/outcome', {
      municipality: '3403',
      flag: flags[1]!.key,
      outcome: 'confirmed',
      note: 'Ny boligbase for eldre i 2021.',
    });
    expect(res.statusCode).toBe(204);
    const again = (await call('GET', '/api/staff/rounds/f254-2021/controls')).json<
      { municipality: string; outcome: string }[]
    >();
    expect(again.find((f) => f.municipality === '3403')?.outcome).toBe('confirmed');
  });

  test('a contact is logged, a value corrected with a reason, and the trail shows both versions', async () => {
    expect(
      (
        await call('POST', '/api/staff/rounds/f254-2021/municipalities/5041/contacts', {
          channel: 'phone',
          question: 'Øvrige utgifter ser lave ut mot KOSTRA-totalen?',
          answer: 'Boligbasene mangler; de er 6 000.',
        })
      ).statusCode,
    ).toBe(204);
    const corrected = {
      comments: '',
      tables: {
        business_types: {
          methods: ['RESPONSIBILITY'],
          rows: {
            AMBULANT: { fewer_than_5: false, amounts: { AGD10: 3000 } },
            HOUSING_BASE: { fewer_than_5: false, amounts: { AGD10: 6000 } },
            OTHER: { fewer_than_5: false, amounts: { AGD10: 1000 } },
          },
        },
      },
    };
    const noReason = await call('POST', '/api/staff/rounds/f254-2021/municipalities/5041/corrections', {
      version: 1,
      reason: ' ',
      response: corrected,
    });
    expect(noReason.statusCode).toBe(400);
    const stale = await call('POST', '/api/staff/rounds/f254-2021/municipalities/5041/corrections', {
      version: 0,
      reason: 'Telefon',
      response: corrected,
    });
    expect(stale.statusCode).toBe(412);
    const ok = await call('POST', '/api/staff/rounds/f254-2021/municipalities/5041/corrections', {
      version: 1,
      reason: 'Boligbaser oppgitt på telefon 1. juni',
      response: corrected,
    });
    expect(ok.json()).toEqual({ version: 2 });

    const view = (await call('GET', '/api/staff/rounds/f254-2021/municipalities/5041')).json<{
      trail: {
        version: number;
        saved_by: string;
        reason: string | null;
        changes: { field: string; old: unknown; new: unknown }[];
      }[];
      contacts: { statistician: string; channel: string; answer: string }[];
    }>();
    expect(view.trail.map((t) => [t.version, t.saved_by, t.reason])).toEqual([
      [1, 'import', null],
      [2, 'statistician:kari', 'Boligbaser oppgitt på telefon 1. juni'],
    ]);
    expect(view.trail[1]!.changes).toContainEqual({
      field: 'business_types/HOUSING_BASE/AGD10',
      old: null,
      new: 6000,
    });
    expect(view.contacts).toEqual([
      expect.objectContaining({
        statistician: 'kari',
        channel: 'phone',
        answer: 'Boligbasene mangler; de er 6 000.',
      }),
    ]);

    const status = (await call('GET', '/api/staff/rounds/f254-2021/status')).json<
      { municipality: string; status: string }[]
    >();
    expect(status.map((r) => [r.municipality, r.status])).toEqual([
      ['1001', 'not_started'],
      ['3403', 'submitted'],
      ['5041', 'resubmitted'],
    ]);

    // The statistics use the corrected version.
    const report = (await call('GET', '/api/staff/rounds/f254-2021/report')).json<{
      tables: Record<string, { municipality: string; category: string; amount: number }[]>;
    }>();
    expect(
      report.tables['figure-4.2']?.find((r) => r.municipality === '5041' && r.category === 'HOUSING_BASE')
        ?.amount,
    ).toBe(6000);
    expect(
      report.tables['figure-4.2']?.find((r) => r.municipality === '5041' && r.category === 'OTHER')?.amount,
    ).toBe(1000);
  });

  test('responses by day, cumulative, with the deadline marked', async () => {
    const days = (await call('GET', '/api/staff/rounds/f254-2021/tracking')).json<
      { date: string; responded: number; percent: number; deadline: boolean }[]
    >();
    expect(days[0]).toMatchObject({ date: '2022-05-13', responded: 1, percent: 33 });
    expect(days.find((d) => d.deadline)).toMatchObject({ date: '2022-05-20', responded: 2, percent: 67 });
    const curve = await call('GET', '/api/staff/rounds/f254-2021/tracking.svg');
    expect(curve.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(curve.body).toContain('Frist');
  });

  test('the overview: the rate, municipalities by status, the largest flags waiting, what is due', async () => {
    const overview = wireRoundOverview.parse(
      (await call('GET', '/api/staff/rounds/f254-2021/overview')).json(),
    );
    const status = (await call('GET', '/api/staff/rounds/f254-2021/status')).json<{ status: string }[]>();
    expect(overview.invited).toBe(status.length);
    expect(overview.by_status.submitted + overview.by_status.resubmitted).toBe(overview.responded);
    expect(Object.values(overview.by_status).reduce((a, b) => a + b, 0)).toBe(overview.invited);
    const flags = (await call('GET', '/api/staff/rounds/f254-2021/controls')).json<
      { outcome: string; deviation: number }[]
    >();
    const pending = flags.filter((f) => f.outcome === 'pending');
    expect(overview.pending_flags).toBe(pending.length);
    expect(overview.top_flags.map((f) => f.deviation)).toEqual(pending.slice(0, 5).map((f) => f.deviation));
    expect(overview.deadline).toBe('2022-05-20T21:59:00.000Z');
    expect((await app.inject({ url: '/api/staff/rounds/f254-2021/overview' })).statusCode).toBe(401);
  });

  test('corrections, contacts and the worklist are for statisticians only', async () => {
    const body = { version: 2, reason: 'Forsøk', response: { comments: '', tables: {} } };
    for (const [method, url, payload] of [
      ['GET', '/api/staff/rounds/f254-2021/controls', undefined],
      ['GET', '/api/staff/rounds/f254-2021/municipalities/5041', undefined],
      ['POST', '/api/staff/rounds/f254-2021/municipalities/5041/corrections', body],
      [
        'POST',
        '/api/staff/rounds/f254-2021/municipalities/5041/contacts',
        { channel: 'email', question: 'Hei?' },
      ],
    ] as const) {
      const res = await app.inject({ method, url, ...(payload ? { payload } : {}) });
      expect(res.statusCode).toBe(401);
    }
    const trail = (await call('GET', '/api/staff/rounds/f254-2021/municipalities/5041')).json<{
      trail: unknown[];
    }>();
    expect(trail.trail).toHaveLength(2);
  });
});
