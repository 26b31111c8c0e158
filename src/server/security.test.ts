import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ensureDemoRound } from '../app/demo-round.ts';
import { openDatabase, type Db } from '../store/database.ts';
import { readConfig } from '../config.ts';
import { buildApp } from './app.ts';
import { addKari, KARI } from './testing/staff.ts';

describe('headers, cookies and origins', () => {
  let db: Db;
  let app: FastifyInstance;
  let token: string;
  beforeAll(async () => {
    db = await openDatabase();
    token = (await ensureDemoRound(db, new Date()))[0]!.token;
    await addKari(db);
    app = await buildApp({
      db,
      cookieSecret: 'security-secret-security-secret-security',
      publicUrl: 'https://kostra.example/',
    });
  });
  afterAll(async () => {
    await app.close();
    await db.destroy();
  });

  test('every answer forbids inline script, frames and sniffing', async () => {
    for (const url of ['/api/health', '/api/v2/tables', '/api/respondent/form', '/no/such/page']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(res.headers['content-security-policy']).not.toContain("script-src 'self' 'unsafe-inline'");
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('same-origin');
    }
  });

  test('personal answers are never cached; public tables may be', async () => {
    const signIn = await app.inject({ method: 'POST', url: '/api/session', payload: { token } });
    const cookie = `${signIn.cookies[0]!.name}=${signIn.cookies[0]!.value}`;
    const form = await app.inject({ method: 'GET', url: '/api/respondent/form', headers: { cookie } });
    expect(form.statusCode).toBe(200);
    expect(form.headers['cache-control']).toBe('no-store');
    const staff = await app.inject({ method: 'POST', url: '/api/staff/session', payload: KARI });
    const staffCookie = `${staff.cookies[0]!.name}=${staff.cookies[0]!.value}`;
    const me = await app.inject({ method: 'GET', url: '/api/staff/me', headers: { cookie: staffCookie } });
    expect(me.statusCode).toBe(200);
    expect(me.headers['cache-control']).toBe('no-store');
    expect(
      (await app.inject({ method: 'GET', url: '/api/v2/tables' })).headers['cache-control'],
    ).toBeUndefined();
  });

  test('behind an https PUBLIC_URL every session cookie is Secure', async () => {
    const respondent = await app.inject({ method: 'POST', url: '/api/session', payload: { token } });
    const staff = await app.inject({ method: 'POST', url: '/api/staff/session', payload: KARI });
    expect(respondent.cookies[0]).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Strict' });
    expect(staff.cookies[0]).toMatchObject({ secure: true, httpOnly: true });
  });

  test('a change from another site is refused; the open API and clients without a browser are not', async () => {
    const foreign = await app.inject({
      method: 'POST',
      url: '/api/staff/session',
      headers: { origin: 'https://evil.example' },
      payload: KARI,
    });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json()).toMatchObject({ detail: 'origin https://evil.example' });
    const crossSite = await app.inject({
      method: 'POST',
      url: '/api/session',
      headers: { 'sec-fetch-site': 'cross-site' },
      payload: { token },
    });
    expect(crossSite.statusCode).toBe(403);
    const own = await app.inject({
      method: 'POST',
      url: '/api/staff/session',
      headers: { origin: 'https://kostra.example' },
      payload: KARI,
    });
    expect(own.statusCode).toBe(204);
    const open = await app.inject({
      method: 'POST',
      url: '/api/v2/tables/F254VIRKSOMHET/data',
      headers: { origin: 'https://analyst.example' },
      payload: { selection: [] },
    });
    expect(open.statusCode).not.toBe(403);
  });

  test('the PxWeb API writes its links from PUBLIC_URL, whatever Host the client sends', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v2/tables', headers: { host: 'evil.example' } });
    const body = JSON.stringify(res.json());
    expect(body).toContain('https://kostra.example/api/v2/');
    expect(body).not.toContain('evil.example');
  });
});

describe('sign-in throttling', () => {
  let db: Db;
  let app: FastifyInstance;
  let token: string;
  let now = new Date('2026-12-02T10:00:00Z');
  beforeAll(async () => {
    db = await openDatabase();
    token = (await ensureDemoRound(db, now))[0]!.token;
    await addKari(db);
    app = await buildApp({ db, cookieSecret: 'throttle-secret-throttle-secret-throttle', now: () => now });
  });
  afterAll(async () => {
    await app.close();
    await db.destroy();
  });
  const staff = (password: string, ip = '192.0.2.1') =>
    app.inject({
      method: 'POST',
      url: '/api/staff/session',
      remoteAddress: ip,
      payload: { username: KARI.username, password },
    });

  test('five wrong passwords, then the account waits, doubling; the right one after the wait resets it', async () => {
    for (let i = 0; i < 4; i += 1) expect((await staff('feil passord')).statusCode).toBe(401);
    expect((await staff('feil passord')).statusCode).toBe(401);
    const shut = await staff(KARI.password, '198.51.100.7');
    expect(shut.statusCode).toBe(429);
    expect(shut.headers['retry-after']).toBe('1');
    now = new Date(now.getTime() + 1500);
    expect((await staff('feil passord')).statusCode).toBe(401);
    expect((await staff(KARI.password)).headers['retry-after']).toBe('2');
    now = new Date(now.getTime() + 2500);
    expect((await staff(KARI.password)).statusCode).toBe(204);
    expect((await staff('feil passord')).statusCode).toBe(401);
    const actions = await db
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('actor', '=', KARI.username)
      .orderBy('id')
      .execute();
    expect(actions.map((a) => a.action)).toEqual([
      ...Array<string>(5).fill('session.refused'),
      'session.throttled',
      'session.refused',
      'session.throttled',
      'session.open',
      'session.refused',
    ]);
    expect(actions.at(-1)!.detail).toMatchObject({ failures: 1 });
  });

  test('token guesses from one address are shut after twenty; another address is not', async () => {
    const guess = (t: string, ip: string) =>
      app.inject({ method: 'POST', url: '/api/session', remoteAddress: ip, payload: { token: t } });
    for (let i = 0; i < 20; i += 1)
      expect((await guess(`${'g'.repeat(40)}${i}`, '203.0.113.9')).statusCode).toBe(401);
    const shut = await guess(token, '203.0.113.9');
    expect(shut.statusCode).toBe(429);
    expect(shut.json()).toMatchObject({ title: 'Too many failed sign-ins' });
    // The link's button, pressed from the shut address, says so on a page with the wait.
    const page = await app.inject({ method: 'POST', url: `/s/${token}`, remoteAddress: '203.0.113.9' });
    expect(page.statusCode).toBe(429);
    expect(page.headers['retry-after']).toMatch(/^\d+$/);
    expect(page.body).toContain('For mange mislykkede innlogginger fra denne adressen. Prøv igjen om');
    expect((await guess(token, '203.0.113.10')).statusCode).toBe(204);
  });
});

describe('behind a reverse proxy', () => {
  let db: Db;
  let app: FastifyInstance;
  let token: string;
  beforeAll(async () => {
    db = await openDatabase();
    token = (await ensureDemoRound(db, new Date()))[0]!.token;
    app = await buildApp({
      db,
      cookieSecret: 'proxy-secret-proxy-secret-proxy-secret-p',
      trustProxy: readConfig({ TRUST_PROXY: '10.0.0.1' }).TRUST_PROXY,
    });
  });
  afterAll(async () => {
    await app.close();
    await db.destroy();
  });
  const guess = (t: string, client: string, proxy = '10.0.0.1') =>
    app.inject({
      method: 'POST',
      url: '/api/session',
      remoteAddress: proxy,
      headers: { 'x-forwarded-for': client },
      payload: { token: t },
    });

  test('the trusted proxy counts its clients apart; another sender cannot pose as one', async () => {
    for (let i = 0; i < 20; i += 1)
      expect((await guess(`${'p'.repeat(40)}${i}`, '203.0.113.50')).statusCode).toBe(401);
    expect((await guess(token, '203.0.113.50')).statusCode).toBe(429);
    // Another client of the same proxy is not shut out with the guesser.
    expect((await guess(token, '203.0.113.51')).statusCode).toBe(204);
    // From an address that is not the proxy, X-Forwarded-For is not believed: the sender itself counts.
    for (let i = 0; i < 20; i += 1)
      expect((await guess(`${'q'.repeat(40)}${i}`, '203.0.113.52', '192.0.2.77')).statusCode).toBe(401);
    expect((await guess(token, '203.0.113.53', '192.0.2.77')).statusCode).toBe(429);
  });

  test('TRUST_PROXY is read as true, hops or addresses, and anything else is named', () => {
    expect(readConfig({ TRUST_PROXY: 'true' }).TRUST_PROXY).toBe(true);
    expect(readConfig({ TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2);
    expect(readConfig({ TRUST_PROXY: '127.0.0.1, 10.0.0.0/8' }).TRUST_PROXY).toBe('127.0.0.1, 10.0.0.0/8');
    expect(readConfig({}).TRUST_PROXY).toBeUndefined();
    expect(() => readConfig({ TRUST_PROXY: 'yes please' })).toThrow(
      'environment variable TRUST_PROXY: true, a number of hops, or addresses separated by commas',
    );
  });
});
