import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { answered, definition, given, invitation, response, round } from '../domain/testing/rounds.ts';
import type { Db } from '../store/database.ts';
import { issueTokens, revokeToken } from '../store/respondents.ts';
import { closeRound, saveRound, setDeadline, setExtension, setTimeline } from '../store/rounds.ts';
import { testDatabases } from '../store/testing/databases.ts';
import { BODY_LIMIT, buildApp } from './app.ts';
import { wireForm } from '../wire/respondent.ts';

const databases = await testDatabases();

describe.each(databases)('the respondent API on $kind', (database) => {
  let db: Db;
  let drop: () => Promise<void>;
  let app: FastifyInstance;
  let clock = new Date('2022-05-16T10:00:00Z');
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    ({ db, drop } = await database.open());
    const prefilled = { AGD10: 1000, AGD4: 900, AGD16: 800, AGD2: 950 };
    await saveRound(db, definition, {
      ...round(
        [
          invitation('3403', { name: 'Hamar', prefilled }),
          invitation('5041', { name: 'Snåase - Snåsa' }),
          invitation('1001'),
        ],
        [response('1001', { business_types: answered({ AMBULANT: given(10) }) })],
      ),
      id: 'round-a',
    });
    await saveRound(db, definition, { ...round([invitation('3403', { name: 'Hamar' })]), id: 'round-b' });
    await setDeadline(db, 'round-a', new Date('2022-05-20T22:00:00Z'));
    for (const t of await issueTokens(db, 'round-a')) tokens.set(`a/${t.municipality}`, t.token);
    for (const t of await issueTokens(db, 'round-b')) tokens.set(`b/${t.municipality}`, t.token);
    app = await buildApp({ db, cookieSecret: 'test-secret-test-secret-test-secret!', now: () => clock });
  });
  afterAll(async () => {
    await app.close();
    await drop();
  });

  const signIn = async (key: string) => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { token: tokens.get(key) },
    });
    expect(res.statusCode).toBe(204);
    const cookie = res.cookies[0]!;
    return `${cookie.name}=${cookie.value}`;
  };
  const form = (cookie: string, url = '/api/respondent/form') =>
    app.inject({ method: 'GET', url, headers: { cookie } });
  const save = (cookie: string, version: number | undefined, payload: unknown) =>
    app.inject({
      method: 'PUT',
      url: '/api/respondent/form',
      headers: { cookie, ...(version === undefined ? {} : { 'if-match': `"${version}"` }) },
      payload: payload as object,
    });
  const expectProblem = (res: LightMyRequestResponse, status: number, detail?: string | RegExp) => {
    expect(res.statusCode).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const body = res.json<{ status: number; title: string; detail?: string }>();
    expect(body.status).toBe(status);
    if (detail !== undefined) expect(body.detail).toMatch(detail);
  };
  const content = {
    comments: '',
    tables: {
      business_types: {
        methods: ['RESPONSIBILITY'],
        rows: {
          AMBULANT: { fewer_than_5: false, amounts: { AGD10: 400, AGD4: 380, AGD16: 300, AGD2: 390 } },
          BPA: { fewer_than_5: true, amounts: { AGD10: null, AGD4: null, AGD16: null, AGD2: null } },
        },
      },
    },
  };

  test('health answers 200', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });

  test("a nynorsk municipality's link and form open in nynorsk, a bokmål one's in bokmål", async () => {
    await db
      .updateTable('invitation')
      .set({ language: 'nn' })
      .where('round_id', '=', 'round-a')
      .where('municipality', '=', '5041')
      .execute();
    const page = await app.inject({ method: 'GET', url: `/s/${tokens.get('a/5041')}` });
    expect(page.body).toContain('<html lang="nn">');
    expect(page.body).toContain('<title>Logg inn i KOSTRA-skjemaet – SSB</title>');
    // Nynorsk first, then bokmål and English.
    const order = ['<section lang="nn">', '<section lang="nb">', '<section lang="en">'].map((s) =>
      page.body.indexOf(s),
    );
    expect(order.every((at, i) => at > 0 && (i === 0 || at > order[i - 1]!))).toBe(true);
    const nynorsk = wireForm.parse((await form(await signIn('a/5041'))).json());
    expect(nynorsk.written_language).toBe('nn');
    expect(nynorsk.last_submission).toBeNull();
    const bokmal = wireForm.parse((await form(await signIn('a/3403'))).json());
    expect(bokmal.written_language).toBe('nb');
    expect((await app.inject({ method: 'GET', url: `/s/${tokens.get('a/3403')}` })).body).toContain(
      '<html lang="nb">',
    );
  });

  test('sign-in sets an HttpOnly, SameSite session cookie that expires', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { token: tokens.get('a/3403') },
    });
    expect(res.statusCode).toBe(204);
    expect(res.cookies[0]).toMatchObject({
      name: 'kostra_session',
      httpOnly: true,
      sameSite: 'Strict',
      path: '/',
    });
    expect(res.cookies[0]?.expires).toBeInstanceOf(Date);
  });

  test('the link /s/<token> asks before it signs in, and its button signs in and opens the form', async () => {
    const page = await app.inject({ method: 'GET', url: `/s/${tokens.get('a/5041')}` });
    expect(page.statusCode).toBe(200);
    expect(page.cookies).toEqual([]);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.body).toContain('(5041)');
    expect(page.body).toContain(`<form method="post" action="/s/${tokens.get('a/5041')}">`);
    const unknown = await app.inject({ method: 'GET', url: `/s/${'x'.repeat(43)}` });
    expect(unknown.statusCode).toBe(401);
    expect(unknown.body).toContain('Lenken er ikke gyldig');
    // In the three languages, each marked as such.
    expect(page.body).toContain('<section lang="nn">');
    expect(page.body).toContain('Lenkja opnar skjemaet til');
    expect(page.body).toContain('<section lang="en">');
    // A button pressed on a link that is no longer valid tells so on a page, not in JSON.
    const pressed = await app.inject({ method: 'POST', url: `/s/${'x'.repeat(43)}` });
    expect(pressed.statusCode).toBe(401);
    expect(pressed.headers['content-type']).toContain('text/html');
    expect(pressed.body).toContain('Lenkja er ukjend eller trekt tilbake');
    const fromElsewhere = await app.inject({
      method: 'POST',
      url: `/s/${tokens.get('a/5041')}`,
      headers: { origin: 'https://evil.example' },
    });
    expect(fromElsewhere.statusCode).toBe(403);
    expect(fromElsewhere.cookies).toEqual([]);
    const res = await app.inject({ method: 'POST', url: `/s/${tokens.get('a/5041')}` });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/');
    expect(res.cookies[0]?.name).toBe('kostra_session');
  });

  test('a link made anew leaves the earlier one valid; the database holds neither in clear', async () => {
    const [anew] = await issueTokens(db, 'round-a', ['3403']);
    expect(anew!.token).not.toBe(tokens.get('a/3403'));
    for (const token of [anew!.token, tokens.get('a/3403')!])
      expect((await app.inject({ method: 'POST', url: '/api/session', payload: { token } })).statusCode).toBe(
        204,
      );
    const stored = JSON.stringify(await db.selectFrom('respondent_token').selectAll().execute());
    expect(stored).not.toContain(anew!.token);
    expect(stored).not.toContain(tokens.get('a/3403'));
  });

  test('an unknown token is refused with a problem', async () => {
    expectProblem(
      await app.inject({ method: 'POST', url: '/api/session', payload: { token: 'x'.repeat(43) } }),
      401,
    );
  });

  test('the form: own municipality, prefilled totals, definition, not started', async () => {
    const res = await form(await signIn('a/3403'));
    expect(res.statusCode).toBe(200);
    const body = res.json<Record<string, unknown>>();
    expect(body).toMatchObject({
      municipality: { code: '3403', name: 'Hamar' },
      prefilled: { AGD10: 1000, AGD4: 900, AGD16: 800, AGD2: 950 },
      response: null,
      version: 0,
      status: 'not_started',
      deadline: '2022-05-20T22:00:00.000Z',
      open: true,
    });
    expect((body.survey as { tables: unknown[] }).tables).toHaveLength(definition.tables.length);
    expect(body.survey).not.toHaveProperty('rules');
  });

  test('autosave: versions follow each other, a stale version gets 412 and changes nothing', async () => {
    const tab1 = await signIn('a/5041');
    const tab2 = await signIn('a/5041');
    const first = await save(tab1, 0, content);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ version: 1, errors: [], warnings: [] });
    // The second tab still has version 0: it is told, and the first tab's draft stands.
    expectProblem(
      await save(tab2, 0, { ...content, comments: 'overwrite?' }),
      412,
      /version 0 is not the latest/,
    );
    const reloaded = (await form(tab2)).json<{
      version: number;
      status: string;
      response: { comments: string };
    }>();
    expect(reloaded).toMatchObject({ version: 1, status: 'draft', response: { comments: '' } });
    expect((await save(tab2, 1, { ...content, comments: 'Merknad' })).json()).toMatchObject({ version: 2 });
  });

  test('a save without If-Match is refused with 428', async () => {
    expectProblem(await save(await signIn('a/5041'), undefined, content), 428);
  });

  test("validation messages come in the user's language, and errors block submission until fixed", async () => {
    const cookie = await signIn('a/3403');
    const bad = structuredClone(content);
    bad.tables.business_types.rows.AMBULANT.amounts.AGD10 = -500;
    const saved = await app.inject({
      method: 'PUT',
      url: '/api/respondent/form?lang=nn',
      headers: { cookie, 'if-match': '0' },
      payload: bad,
    });
    expect(saved.json<{ errors: { message: string }[] }>().errors[0]?.message).toMatch(
      /^Tabell 1 Verksemdstypar, rad Ambulerande heimeteneste, AGD10 .*: beløpet kan ikkje vere negativt/,
    );
    // The saved draft's findings come with the form when it opens again, in the language asked for.
    const reopened = await app.inject({
      method: 'GET',
      url: '/api/respondent/form?lang=en',
      headers: { cookie },
    });
    const opened = wireForm.parse(reopened.json());
    expect(opened.findings.errors.map((e) => e.rule_id)).toEqual(['amount-not-negative']);
    expect(opened.findings.errors[0]?.message).toMatch(/negative/);
    const contact = { contact: { name: 'Kari Nordmann', email: 'kari@hamar.kommune.no' }, minutes_spent: 25 };
    const blocked = await app.inject({
      method: 'POST',
      url: '/api/respondent/form/submit',
      headers: { cookie },
      payload: contact,
    });
    expectProblem(blocked, 422);
    expect(blocked.json<{ errors: { rule_id: string }[] }>().errors.map((e) => e.rule_id)).toEqual([
      'amount-not-negative',
    ]);
    expect((await save(cookie, 1, content)).json()).toMatchObject({ version: 2, errors: [] });
    const submitted = await app.inject({
      method: 'POST',
      url: '/api/respondent/form/submit',
      headers: { cookie },
      payload: contact,
    });
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json()).toEqual({ version: 3, submitted_at: clock.toISOString() });
    expect((await form(cookie)).json()).toMatchObject({
      status: 'submitted',
      version: 3,
      submitted_at: clock.toISOString(),
      last_submission: { version: 3, at: clock.toISOString() },
    });

    // Another municipality of the same round is not told of Hamar's submission.
    expect(wireForm.parse((await form(await signIn('a/5041'))).json()).last_submission).toBeNull();

    const receipt = await app.inject({
      method: 'GET',
      url: '/api/respondent/form/receipt.pdf',
      headers: { cookie },
    });
    expect(receipt.statusCode).toBe(200);
    expect(receipt.headers['content-type']).toBe('application/pdf');
    expect(receipt.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    // Submitting again makes a new version; the earlier ones stay readable. While the later draft is
    // edited, the form says which version was submitted and stands.
    expect((await save(cookie, 3, { ...content, comments: 'Rettet AGD2' })).statusCode).toBe(200);
    expect((await form(cookie)).json()).toMatchObject({
      status: 'draft',
      version: 4,
      submitted_at: null,
      last_submission: { version: 3, at: clock.toISOString() },
    });
    const again = await app.inject({
      method: 'POST',
      url: '/api/respondent/form/submit',
      headers: { cookie },
      payload: contact,
    });
    expect(again.json()).toMatchObject({ version: 5 });
    const versions = (await form(cookie, '/api/respondent/form/versions')).json<
      { version: number; status: string }[]
    >();
    expect(versions.map((v) => [v.version, v.status])).toEqual([
      [5, 'submitted'],
      [4, 'draft'],
      [3, 'submitted'],
      [2, 'draft'],
      [1, 'draft'],
    ]);
  });

  test('submission needs contact details', async () => {
    const cookie = await signIn('a/3403');
    const res = await app.inject({
      method: 'POST',
      url: '/api/respondent/form/submit',
      headers: { cookie },
      payload: {},
    });
    expectProblem(res, 400, /^contact:/);
  });

  describe('attacks', () => {
    test("another municipality's form by query parameter: the session decides, the parameter is ignored", async () => {
      const cookie = await signIn('a/3403');
      for (const url of [
        '/api/respondent/form?municipality=5041',
        '/api/respondent/form?round=round-b&municipality=1001',
      ]) {
        expect((await form(cookie, url)).json()).toMatchObject({
          municipality: { code: '3403' },
          round: { id: 'round-a' },
        });
      }
    });

    test("another municipality's form by a field in the body: refused, nothing saved", async () => {
      const cookie = await signIn('a/1001');
      const res = await save(cookie, 1, { ...content, municipality: '3403' });
      expectProblem(res, 400, /Unrecognized key: "municipality"/);
      expect((await form(cookie)).json()).toMatchObject({ version: 1, status: 'submitted' });
    });

    test('no cookie, a forged cookie or an unsigned session id: 401', async () => {
      expectProblem(await form(''), 401);
      // The session is checked before the body: no schema detail for a caller without one.
      const malformed = await save('', undefined, { nonsense: true });
      expectProblem(malformed, 401);
      expect(malformed.json()).toMatchObject({ title: 'Sign in with the link from your invitation' });
      expectProblem(
        await app.inject({
          method: 'POST',
          url: '/api/respondent/form/submit',
          payload: { minutes_spent: 'x' },
        }),
        401,
      );
      expectProblem(await form('kostra_session=forged.value'), 401);
      const real = (await signIn('a/1001')).split('=')[1]!;
      const unsignedId = decodeURIComponent(real).split('.')[0]!;
      expectProblem(await form(`kostra_session=${unsignedId}`), 401);
    });

    test('an expired session: 401', async () => {
      const cookie = await signIn('a/1001');
      const saved = clock;
      clock = new Date(clock.getTime() + 9 * 60 * 60 * 1000);
      try {
        expectProblem(await form(cookie), 401);
      } finally {
        clock = saved;
      }
    });

    test('a session after logout: 401', async () => {
      const cookie = await signIn('a/1001');
      expect(
        (await app.inject({ method: 'DELETE', url: '/api/session', headers: { cookie } })).statusCode,
      ).toBe(204);
      expectProblem(await form(cookie), 401);
    });

    test('a revoked token: no new sessions, and its sessions stop', async () => {
      const cookie = await signIn('b/3403');
      await revokeToken(db, 'round-b', '3403');
      expectProblem(await form(cookie), 401);
      expectProblem(
        await app.inject({ method: 'POST', url: '/api/session', payload: { token: tokens.get('b/3403') } }),
        401,
      );
    });

    test("a token of another round opens that round's form only", async () => {
      const [fresh] = await issueTokens(db, 'round-b');
      const res = await app.inject({ method: 'POST', url: '/api/session', payload: { token: fresh!.token } });
      const cookie = `${res.cookies[0]!.name}=${res.cookies[0]!.value}`;
      expect((await form(cookie)).json()).toMatchObject({ round: { id: 'round-b' }, version: 0 });
      expect((await form(await signIn('a/3403'))).json()).toMatchObject({ round: { id: 'round-a' } });
    });

    test('malformed JSON: 400 problem, nothing saved', async () => {
      const cookie = await signIn('a/1001');
      const res = await app.inject({
        method: 'PUT',
        url: '/api/respondent/form',
        headers: { cookie, 'if-match': '1', 'content-type': 'application/json' },
        payload: '{"tables": {',
      });
      expectProblem(res, 400);
      expect((await form(cookie)).json()).toMatchObject({ version: 1 });
    });

    test('a body over the size limit: 413 problem', async () => {
      const cookie = await signIn('a/1001');
      const res = await save(cookie, 1, { ...content, comments: 'x'.repeat(BODY_LIMIT) });
      expectProblem(res, 413);
    });

    test('text in an amount field: 400 naming the field, nothing saved', async () => {
      const cookie = await signIn('a/1001');
      const bad = structuredClone(content) as unknown as {
        tables: { business_types: { rows: { AMBULANT: { amounts: Record<string, unknown> } } } };
      };
      bad.tables.business_types.rows.AMBULANT.amounts.AGD10 = '1 234 kr';
      expectProblem(
        await save(cookie, 1, bad),
        400,
        /^tables\.business_types\.rows\.AMBULANT\.amounts\.AGD10:/,
      );
      expect((await form(cookie)).json()).toMatchObject({ version: 1 });
    });
  });

  test('after the deadline the form is read-only; an extension opens it for that municipality', async () => {
    const saved = clock;
    clock = new Date('2022-05-23T08:00:00Z');
    try {
      const cookie = await signIn('a/5041');
      expect((await form(cookie)).json()).toMatchObject({ open: false });
      const version = (await form(cookie)).json<{ version: number }>().version;
      expectProblem(await save(cookie, version, content), 409, /deadline has passed/);
      await setExtension(db, 'round-a', '5041', new Date('2022-05-27T22:00:00Z'));
      expect((await form(cookie)).json()).toMatchObject({ open: true, deadline: '2022-05-27T22:00:00.000Z' });
      expect((await save(cookie, version, content)).statusCode).toBe(200);
    } finally {
      clock = saved;
    }
  });

  test('a deadline extended for the whole round opens every form; a later own extension still holds', async () => {
    const saved = clock;
    try {
      await setTimeline(db, 'round-a', { deadline: '2022-05-20T22:00:00Z', extended_deadline: '2022-05-24' });
      await setExtension(db, 'round-a', '5041', new Date('2022-05-27T22:00:00Z'));
      clock = new Date('2022-05-24T21:00:00Z');
      const other = await signIn('a/1001');
      expect((await form(other)).json()).toMatchObject({ open: true, deadline: '2022-05-24T21:59:59.999Z' });
      const own = await signIn('a/5041');
      expect((await form(own)).json()).toMatchObject({ open: true, deadline: '2022-05-27T22:00:00.000Z' });
      // Within the eight hours of the sessions, past the round's extension.
      clock = new Date('2022-05-25T00:30:00Z');
      expect((await form(other)).json()).toMatchObject({ open: false });
      expect((await form(own)).json()).toMatchObject({ open: true });
    } finally {
      clock = saved;
      await setTimeline(db, 'round-a', { deadline: '2022-05-20T22:00:00Z' });
    }
  });

  test('a closed round: its links and sessions stop working', async () => {
    const cookie = await signIn('a/1001');
    await closeRound(db, 'round-a', new Date('2022-06-01T00:00:00Z'));
    const saved = clock;
    clock = new Date('2022-06-02T00:00:00Z');
    try {
      expectProblem(await form(cookie), 401);
      expectProblem(
        await app.inject({ method: 'POST', url: '/api/session', payload: { token: tokens.get('a/1001') } }),
        401,
      );
    } finally {
      clock = saved;
    }
  });
});
