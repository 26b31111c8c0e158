import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { loadFormLibrary } from '../files/form-definitions.ts';
import { openDatabase, type Db } from '../store/database.ts';
import { createFormRound } from '../store/form-rounds.ts';
import { startSmtpSink } from '../testing/smtp-sink.ts';
import { wireFormRound } from '../wire/form-answers.ts';
import { buildApp } from './app.ts';
import { addKari, staffCookie } from './testing/staff.ts';

/** The units of a form round are invited by e-mail as a survey's are, each with its own link to its form. */
let db: Db;
let app: FastifyInstance;
let mail: Awaited<ReturnType<typeof startSmtpSink>>;
let cookie: string;
beforeAll(async () => {
  db = await openDatabase();
  mail = await startSmtpSink();
  const library = await loadFormLibrary();
  await createFormRound(db, {
    id: 'skjema4-2021',
    definition: library.forms.find((f) => f.id === 'kostra-skjema-4')!,
    sharedLists: library.lists,
    year: 2021,
    units: [
      { code: '4640', name: 'Sogndal', kind: 'municipality' },
      { code: '030105', name: 'Bydel Frogner', kind: 'oslo_district' },
    ],
    deadline: new Date('2022-01-15T22:59:59Z'),
  });
  await addKari(db);
  app = await buildApp({
    db,
    cookieSecret: 'form-mail-secret-form-mail-secret-form',
    mail: { smtpUrl: mail.url, from: 'KOSTRA <kostra@ssb.no>', baseUrl: 'https://kostra.example' },
  });
  cookie = await staffCookie(app);
});
afterAll(async () => {
  await app.close();
  await mail.close();
  await db.destroy();
});

test('invitations for a form round name the form and open each unit its own form', async () => {
  const contacts = await app.inject({
    method: 'PUT',
    url: '/api/staff/rounds/skjema4-2021/contacts',
    headers: { cookie, 'content-type': 'text/csv' },
    payload: 'municipality,email\n4640,post@sogndal.kommune.no\n030105,postmottak@bfr.oslo.kommune.no\n',
  });
  expect(contacts.statusCode).toBe(200);
  const sent = await app.inject({
    method: 'POST',
    url: '/api/staff/rounds/skjema4-2021/mail',
    headers: { cookie },
    payload: { kind: 'invitation', language: 'nb' },
  });
  expect(sent.json()).toEqual({ sent: 2, failed: 0, skipped: 0 });
  const frogner = mail.received.find((m) => m.to.includes('postmottak@bfr.oslo.kommune.no'))!.data;
  expect(frogner).toContain('KOSTRA skjema 4 Helse- og omsorgstjenester - samleskjema');
  const token = /https:\/\/kostra\.example\/s\/([\w-]{43})/.exec(frogner)![1]!;
  const signIn = await app.inject({ method: 'POST', url: '/api/session', payload: { token } });
  const session = `${signIn.cookies[0]!.name}=${signIn.cookies[0]!.value}`;
  const form = wireFormRound.parse(
    (await app.inject({ method: 'GET', url: '/api/respondent/form', headers: { cookie: session } })).json(),
  );
  expect(form.unit).toEqual({ code: '030105', name: 'Bydel Frogner', kind: 'oslo_district' });
});
