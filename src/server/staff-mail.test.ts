import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { definition, invitation, response, round } from '../domain/testing/rounds.ts';
import type { Db } from '../store/database.ts';
import { saveRound, setDeadline } from '../store/rounds.ts';
import { testDatabases } from '../store/testing/databases.ts';
import { sendDueReminders } from '../app/scheduled-reminders.ts';
import { startSmtpSink } from '../testing/smtp-sink.ts';
import { buildApp } from './app.ts';
import { addKari, staffCookie } from './testing/staff.ts';

const databases = await testDatabases();

describe.each(databases)('invitations and reminders by e-mail on $kind', (database) => {
  let db: Db;
  let drop: () => Promise<void>;
  let app: FastifyInstance;
  let mail: Awaited<ReturnType<typeof startSmtpSink>>;
  let cookie: string;

  beforeAll(async () => {
    ({ db, drop } = await database.open());
    mail = await startSmtpSink();
    await saveRound(db, definition, {
      ...round(
        [
          invitation('3403', { name: 'Hamar' }),
          invitation('5041', { name: 'Snåase - Snåsa' }),
          invitation('1001', { name: 'Ukjent' }),
        ],
        [response('3403')],
      ),
      id: 'f254-mail',
    });
    await setDeadline(db, 'f254-mail', new Date('2022-05-20T21:59:00Z'));
    await addKari(db);
    app = await buildApp({
      db,
      cookieSecret: 'mail-secret-mail-secret-mail-secret-1',
      // Before the deadline of 20 May: the forms are open.
      now: () => new Date('2022-05-16T12:00:00Z'),
      mail: { smtpUrl: mail.url, from: 'KOSTRA <kostra@ssb.no>', baseUrl: 'https://kostra.example' },
    });
    cookie = await staffCookie(app);
  });
  afterAll(async () => {
    await app.close();
    await mail.close();
    await drop();
  });

  const call = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: string | object, type?: string) =>
    app.inject({
      method,
      url,
      headers: { cookie, ...(type ? { 'content-type': type } : {}) },
      ...(payload ? { payload } : {}),
    });

  test('contact addresses from CSV: a bad address is named and nothing changes', async () => {
    const bad = await call(
      'PUT',
      '/api/staff/rounds/f254-mail/contacts',
      '3403,post@hamar.kommune.no\n5041,ikke-en-adresse\n',
      'text/csv',
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ detail: string }>().detail).toBe(
      'contacts.csv, line 2: "ikke-en-adresse" is not an e-mail address',
    );
    const none = await db
      .selectFrom('invitation')
      .select('contact_email')
      .where('contact_email', 'is not', null)
      .execute();
    expect(none).toEqual([]);
    const language = await call(
      'PUT',
      '/api/staff/rounds/f254-mail/contacts',
      '3403,post@hamar.kommune.no,bokmål\n5041,postmottak@snasa.kommune.no,samisk\n',
      'text/csv',
    );
    expect(language.json<{ detail: string }>().detail).toBe(
      'contacts.csv, line 2: "samisk" is no written language (nb, nn, bokmål or nynorsk)',
    );
    // A third column is the municipality's written language (its språkvedtak); left out, none is set.
    const ok = await call(
      'PUT',
      '/api/staff/rounds/f254-mail/contacts',
      'municipality,email,language\n3403,post@hamar.kommune.no,nb\n5041,postmottak@snasa.kommune.no,nynorsk\n1001,ukjent@example.no\n',
      'text/csv',
    );
    expect(ok.json()).toMatchObject({ rows: 3 });
    const languages = await db
      .selectFrom('invitation')
      .select(['municipality', 'language'])
      .orderBy('municipality')
      .execute();
    expect(languages).toEqual([
      { municipality: '1001', language: null },
      { municipality: '3403', language: 'nb' },
      { municipality: '5041', language: 'nn' },
    ]);
  });

  test("invitations reach the SMTP server with each municipality's own link; a refused address is recorded as failed", async () => {
    const res = await call('POST', '/api/staff/rounds/f254-mail/mail', {
      kind: 'invitation',
      language: 'nb',
    });
    expect(res.json()).toEqual({ sent: 2, failed: 1, skipped: 0 });
    expect(mail.received.map((m) => m.to)).toEqual([
      ['post@hamar.kommune.no'],
      ['postmottak@snasa.kommune.no'],
    ]);
    const hamar = mail.received[0]!.data;
    expect(hamar).toContain('Subject: Invitasjon:');
    const linkIn = (data: string) => /https:\/\/kostra\.example\/s\/([\w-]{43})/.exec(data)![1]!;
    const token = linkIn(hamar);
    expect(linkIn(mail.received[1]!.data)).not.toBe(token);
    // The database keeps only a hash: the link's token is nowhere in it, and it signs in as Hamar.
    const stored = await db.selectFrom('respondent_token').selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain(token);
    const signIn = await app.inject({ method: 'POST', url: '/api/session', payload: { token } });
    expect(signIn.statusCode).toBe(204);
    const cookie = `${signIn.cookies[0]!.name}=${signIn.cookies[0]!.value}`;
    const form = await app.inject({ method: 'GET', url: '/api/respondent/form', headers: { cookie } });
    expect(form.json<{ municipality: { code: string } }>().municipality.code).toBe('3403');
    const outbox = (await call('GET', '/api/staff/rounds/f254-mail/outbox')).json<
      { municipality: string; status: string; error: string | null; by: string }[]
    >();
    expect(outbox.map((o) => [o.municipality, o.status, o.by])).toEqual([
      ['1001', 'failed', 'kari'],
      ['3403', 'sent', 'kari'],
      ['5041', 'sent', 'kari'],
    ]);
    expect(outbox[0]!.error).toMatch(/No such user/);
  });

  test('invitations again go only to those not invited yet, unless asked; one can be sent to one municipality', async () => {
    const recipients = await call('GET', '/api/staff/rounds/f254-mail/mail-recipients?kind=invitation');
    expect(recipients.json()).toEqual({
      to: [{ municipality: '1001', name: 'Ukjent', language: null }],
      skipped: [
        { municipality: '3403', why: 'invited' },
        { municipality: '5041', why: 'invited' },
      ],
    });
    mail.received.length = 0;
    const again = await call('POST', '/api/staff/rounds/f254-mail/mail', { kind: 'invitation' });
    expect(again.json()).toEqual({ sent: 0, failed: 1, skipped: 2 });
    expect(mail.received).toEqual([]);
    const one = await call('POST', '/api/staff/rounds/f254-mail/mail', {
      kind: 'invitation',
      again: true,
      municipalities: ['5041'],
    });
    expect(one.json()).toEqual({ sent: 1, failed: 0, skipped: 0 });
    expect(mail.received.map((m) => m.to)).toEqual([['postmottak@snasa.kommune.no']]);
    const unknown = await call('POST', '/api/staff/rounds/f254-mail/mail', {
      kind: 'invitation',
      municipalities: ['4601'],
    });
    expect(unknown.statusCode).toBe(404);
  });

  test('reminders go only to those that have not submitted, in nynorsk', async () => {
    mail.received.length = 0;
    const res = await call('POST', '/api/staff/rounds/f254-mail/mail', { kind: 'reminder', language: 'nn' });
    expect(res.json()).toEqual({ sent: 1, failed: 1, skipped: 1 });
    expect(mail.received.map((m) => m.to)).toEqual([['postmottak@snasa.kommune.no']]);
    expect(mail.received[0]!.data).toMatch(/Subject: =\?UTF-8\?Q\?P=C3=A5minning|Subject: Påminning/);
  });

  test("a mailing in each municipality's own language: Snåsa's nynorsk, bokmål where none is set", async () => {
    mail.received.length = 0;
    const res = await call('POST', '/api/staff/rounds/f254-mail/mail', {
      kind: 'invitation',
      again: true,
      municipalities: ['3403', '5041'],
    });
    expect(res.json()).toEqual({ sent: 2, failed: 0, skipped: 0 });
    const to = (address: string) => mail.received.find((m) => m.to[0] === address)!.data;
    // The default invitations end «Med venleg helsing» in nynorsk, «Med vennlig hilsen» in bokmål.
    expect(to('postmottak@snasa.kommune.no')).toContain('venleg');
    expect(to('post@hamar.kommune.no')).toContain('vennlig');
    expect(to('post@hamar.kommune.no')).not.toContain('venleg');
  });

  test('scheduled reminders go out once when due, to those that have not submitted', async () => {
    const res = await call('PUT', '/api/staff/rounds/f254-mail/reminders', {
      days_before: [3],
      days_after: [1],
    });
    expect(res.statusCode).toBe(204);
    mail.received.length = 0;
    const settings = { smtpUrl: mail.url, from: 'KOSTRA <kostra@ssb.no>', baseUrl: 'https://kostra.example' };
    expect(await sendDueReminders(db, settings, new Date('2022-05-17T12:00:00Z'))).toEqual([]);
    expect(await sendDueReminders(db, settings, new Date('2022-05-18T12:00:00Z'))).toEqual([
      'f254-mail/before-3',
    ]);
    expect(mail.received.map((m) => m.to[0])).toEqual(['postmottak@snasa.kommune.no']);
    expect(await sendDueReminders(db, settings, new Date('2022-05-18T12:05:00Z'))).toEqual([]);
    // After the deadline only an open form is reminded of: Snåsa's, extended; 1001's is closed.
    await call('PUT', '/api/staff/rounds/f254-mail/municipalities/5041/extension', { until: '2022-05-31' });
    expect(await sendDueReminders(db, settings, new Date('2022-05-22T12:00:00Z'))).toEqual([
      'f254-mail/after-1',
    ]);
    expect(mail.received.map((m) => m.to[0])).toEqual([
      'postmottak@snasa.kommune.no',
      'postmottak@snasa.kommune.no',
    ]);
    const run = await db
      .selectFrom('reminder_run')
      .select(['sent', 'failed'])
      .where('round_id', '=', 'f254-mail')
      .where('key', '=', 'after-1')
      .executeTakeFirstOrThrow();
    expect(run).toEqual({ sent: 1, failed: 0 });
  });

  test('a bounce reported later marks the message bounced; an unknown message id is a 404', async () => {
    const outbox = (await call('GET', '/api/staff/rounds/f254-mail/outbox')).json<
      { municipality: string; status: string; message_id: string | null }[]
    >();
    const hamar = outbox.find((o) => o.municipality === '3403' && o.status === 'sent')!;
    const res = await call('POST', '/api/staff/outbox/bounces', {
      message_id: hamar.message_id!,
      reason: '5.1.1 mailbox unavailable',
    });
    expect(res.json()).toEqual({ municipality: '3403', status: 'bounced' });
    const after = (await call('GET', '/api/staff/rounds/f254-mail/outbox')).json<
      { municipality: string; status: string; error: string }[]
    >();
    expect(after.find((o) => o.municipality === '3403')).toMatchObject({
      status: 'bounced',
      error: '5.1.1 mailbox unavailable',
    });
    expect(
      (await call('POST', '/api/staff/outbox/bounces', { message_id: '<nope@example>' })).statusCode,
    ).toBe(404);
  });
});
