import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sendDueReminders } from '../app/scheduled-reminders.ts';
import { definition, invitation, round } from '../domain/testing/rounds.ts';
import { openDatabase, type Db } from '../store/database.ts';
import { issueTokens } from '../store/respondents.ts';
import { saveRound, setDeadline } from '../store/rounds.ts';
import { createServerDatabase, testDatabases } from '../store/testing/databases.ts';
import { startSmtpSink } from '../testing/smtp-sink.ts';
import { buildApp } from './app.ts';
import { addKari, staffCookie } from './testing/staff.ts';

/*
 * Two server instances on one PostgreSQL behave as one: nothing that decides who may do what, or what has
 * been sent, lives in a process. PGlite is one process's database, so this is PostgreSQL's alone.
 */
const hasServer = (await testDatabases()).some((d) => d.kind === 'postgresql');

describe.skipIf(!hasServer)('two instances on one PostgreSQL', () => {
  let dbs: Db[];
  let apps: FastifyInstance[];
  let drop: () => Promise<void>;
  let mail: Awaited<ReturnType<typeof startSmtpSink>>;
  beforeAll(async () => {
    const created = await createServerDatabase();
    drop = created.drop;
    dbs = [await openDatabase({ url: created.url }), await openDatabase({ url: created.url })];
    mail = await startSmtpSink();
    await saveRound(dbs[0]!, definition, {
      ...round([invitation('3403', { name: 'Hamar' }), invitation('5041', { name: 'Snåase - Snåsa' })], []),
      id: 'f254-twice',
    });
    await setDeadline(dbs[0]!, 'f254-twice', new Date('2022-05-20T21:59:00Z'));
    for (const [municipality, email] of [
      ['3403', 'post@hamar.kommune.no'],
      ['5041', 'postmottak@snasa.kommune.no'],
    ] as const)
      await dbs[0]!
        .updateTable('invitation')
        .set({ contact_email: email })
        .where('round_id', '=', 'f254-twice')
        .where('municipality', '=', municipality)
        .execute();
    await addKari(dbs[0]!);
    apps = await Promise.all(
      dbs.map((db) => buildApp({ db, cookieSecret: 'twice-secret-twice-secret-twice-secret-1' })),
    );
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    for (const db of dbs) await db.destroy();
    await mail.close();
    await drop();
  });

  test('a session opened on one instance is valid on the other, and ended there for both', async () => {
    const staff = await staffCookie(apps[0]!);
    expect(
      (await apps[1]!.inject({ method: 'GET', url: '/api/staff/me', headers: { cookie: staff } })).statusCode,
    ).toBe(200);
    const { token } = (await issueTokens(dbs[1]!, 'f254-twice'))[0]!;
    const signIn = await apps[1]!.inject({ method: 'POST', url: '/api/session', payload: { token } });
    const cookie = `${signIn.cookies[0]!.name}=${signIn.cookies[0]!.value}`;
    const form = (i: number) =>
      apps[i]!.inject({ method: 'GET', url: '/api/respondent/form', headers: { cookie } });
    expect((await form(0)).statusCode).toBe(200);
    await apps[0]!.inject({ method: 'DELETE', url: '/api/session', headers: { cookie } });
    expect((await form(1)).statusCode).toBe(401);
  });

  test('a due reminder goes out once when both instances run the schedule at the same moment', async () => {
    await dbs[0]!
      .updateTable('survey_round')
      .set({ reminder_schedule: JSON.stringify({ daysBefore: [3], daysAfter: [] }) })
      .where('id', '=', 'f254-twice')
      .execute();
    const settings = { smtpUrl: mail.url, from: 'KOSTRA <kostra@ssb.no>', baseUrl: 'https://kostra.example' };
    const due = new Date('2022-05-18T12:00:00Z');
    const runs = await Promise.all(
      dbs.flatMap((db) => [sendDueReminders(db, settings, due), sendDueReminders(db, settings, due)]),
    );
    expect(runs.flat()).toEqual(['f254-twice/before-3']);
    expect(mail.received.map((m) => m.to[0]).sort()).toEqual([
      'post@hamar.kommune.no',
      'postmottak@snasa.kommune.no',
    ]);
  });
});
