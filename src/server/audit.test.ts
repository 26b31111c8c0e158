import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type * as z from 'zod';
import * as wire from '../wire/staff.ts';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importRound } from '../app/import-round.ts';
import { ingestAccountsFile } from '../app/ingest-accounts.ts';
import { cleanAccounts } from '../domain/accounts/testing.ts';
import { loadReferenceData, loadSurveyDefinition } from '../files/product-data.ts';
import type { Db } from '../store/database.ts';
import { testDatabases } from '../store/testing/databases.ts';
import { PILOT } from '../testing/shared-data.ts';
import { startSmtpSink } from '../testing/smtp-sink.ts';
import { buildApp } from './app.ts';
import { registeredRoutes } from './testing/routes.ts';
import { KARI, addKari, staffCookie } from './testing/staff.ts';

const databases = await testDatabases();
const ROUND = 'f254-pilot-2022';

interface Case {
  readonly url: string;
  readonly payload?: string | Record<string, unknown>;
  /** A payload that needs what an earlier case did (a message id, the latest version). */
  readonly lazy?: () => Promise<Record<string, unknown>>;
  readonly csv?: boolean;
  /** The audit entry the action writes (the last of them where it writes several). */
  readonly action: string;
  /** What it answers (src/wire); none: 204 or a cookie. */
  readonly reply?: z.ZodType;
}

describe.each(databases)('every change a statistician makes is in the audit log, on $kind', (database) => {
  let db: Db;
  let drop: () => Promise<void>;
  let app: FastifyInstance;
  let mail: Awaited<ReturnType<typeof startSmtpSink>>;
  let cookie: string;

  beforeAll(async () => {
    ({ db, drop } = await database.open());
    mail = await startSmtpSink();
    await importRound(db, PILOT, await loadSurveyDefinition('f254'), await loadReferenceData());
    await addKari(db);
    // Accounts of two municipalities for 2022, for the key figures' publication.
    const accounts = await mkdtemp(join(tmpdir(), 'kostra-audit-accounts-'));
    for (const region of ['030100', '340100']) {
      const path = join(accounts, `${region}.dat`);
      await writeFile(path, cleanAccounts(2022, region, ['254']));
      await ingestAccountsFile(db, path, 'test');
    }
    await rm(accounts, { recursive: true, force: true });
    app = await buildApp({
      db,
      cookieSecret: 'audit-secret-audit-secret-audit-secret',
      mail: { smtpUrl: mail.url, from: 'KOSTRA <kostra@ssb.no>', baseUrl: 'https://kostra.example' },
    });
    cookie = await staffCookie(app);
  }, 60_000);
  afterAll(async () => {
    await app.close();
    await mail.close();
    await drop();
  });

  const latest = async (municipality: string) => {
    const r = await app.inject({
      url: `/api/staff/rounds/${ROUND}/municipalities/${municipality}`,
      headers: { cookie },
    });
    return r.json<{ latest: { comments: string; tables: object } }>().latest;
  };
  const messageId = async () => {
    const r = await app.inject({ url: `/api/staff/rounds/${ROUND}/outbox`, headers: { cookie } });
    return r.json<{ message_id: string | null }[]>().find((m) => m.message_id)!.message_id!;
  };

  /** One action of each non-GET staff route, in an order in which each can be carried out. */
  const cases: Record<string, Case> = {
    'POST /api/staff/session': { url: '/api/staff/session', payload: KARI, action: 'session.open' },
    'POST /api/staff/rounds': {
      url: '/api/staff/rounds',
      payload: {
        id: 'f254-audit',
        reference_year: 2022,
        timeline: {},
        candidates: [{ municipality: '3403', size_group: '20000+', criteria: [] }],
        sample: { take_all_with: [], draw_per_size_group: { '20000+': 1 }, seed: 7 },
      },
      action: 'round.create',
      reply: wire.wireCreatedRound,
    },
    'POST /api/staff/form-rounds': {
      url: '/api/staff/form-rounds',
      payload: {
        id: 'skjema1-audit',
        form: 'kostra-skjema-1',
        year: 2021,
        units: { from: 'codes', codes: ['3403'] },
      },
      action: 'form_round.create',
      reply: wire.wireCreatedFormRound,
    },
    'POST /api/staff/rounds/:id/sample': {
      url: '/api/staff/rounds/f254-audit/sample',
      payload: { municipality: '3401', size_group: '10000-19999', reason: 'Ønsket av KS' },
      action: 'sample.add',
    },
    'DELETE /api/staff/rounds/:id/sample/:municipality': {
      url: '/api/staff/rounds/f254-audit/sample/3401',
      payload: { reason: 'Feil kommune' },
      action: 'sample.remove',
    },
    'PUT /api/staff/rounds/:id/timeline': {
      url: `/api/staff/rounds/${ROUND}/timeline`,
      payload: { deadline: '2022-05-20' },
      action: 'round.timeline',
      reply: wire.wireTimeline,
    },
    'PUT /api/staff/rounds/:id/municipalities/:municipality/extension': {
      url: `/api/staff/rounds/${ROUND}/municipalities/3403/extension`,
      payload: { until: '2022-06-01' },
      action: 'round.extension',
    },
    'PUT /api/staff/rounds/:id/attendance': {
      url: `/api/staff/rounds/${ROUND}/attendance`,
      payload: '3403,2\n',
      csv: true,
      action: 'round.attendance',
      reply: wire.wireRows,
    },
    'PUT /api/staff/rounds/:id/templates/:kind/:language': {
      url: `/api/staff/rounds/${ROUND}/templates/invitation/nb`,
      payload: { subject: 'Invitasjon', body: 'Hei {kommune}: {lenke}' },
      action: 'round.template',
    },
    'PUT /api/staff/rounds/:id/prefilled': {
      url: `/api/staff/rounds/${ROUND}/prefilled`,
      payload: '3403,AGD10,1000\n',
      csv: true,
      action: 'round.prefill',
      reply: wire.wireRows,
    },
    'POST /api/staff/rounds/:id/prefill-from-accounts': {
      url: `/api/staff/rounds/${ROUND}/prefill-from-accounts`,
      payload: {},
      action: 'round.prefill-from-accounts',
      reply: wire.wirePrefilledFromAccounts,
    },
    'PUT /api/staff/rounds/:id/contacts': {
      url: `/api/staff/rounds/${ROUND}/contacts`,
      payload: '3403,post@hamar.kommune.no\n',
      csv: true,
      action: 'round.contacts',
      reply: wire.wireContactsSet,
    },
    'POST /api/staff/rounds/:id/mail': {
      url: `/api/staff/rounds/${ROUND}/mail`,
      payload: { kind: 'invitation' },
      action: 'mail.invitation',
      reply: wire.wireMailed,
    },
    'POST /api/staff/outbox/bounces': {
      url: '/api/staff/outbox/bounces',
      lazy: async () => ({ message_id: await messageId(), reason: 'Mailbox full' }),
      action: 'mail.bounce',
      reply: wire.wireBounced,
    },
    'PUT /api/staff/rounds/:id/reminders': {
      url: `/api/staff/rounds/${ROUND}/reminders`,
      payload: { days_before: [3], days_after: [1] },
      action: 'round.reminders',
    },
    'PUT /api/staff/rounds/:id/controls/outcome': {
      url: `/api/staff/rounds/${ROUND}/controls/outcome`,
      payload: {
        municipality: '3403',
        flag: 'total/business_types//AGD10',
        outcome: 'confirmed',
        note: 'Sjekket',
      },
      action: 'control.outcome',
    },
    'PUT /api/staff/rounds/:id/controls/outcomes': {
      url: `/api/staff/rounds/${ROUND}/controls/outcomes`,
      payload: {
        flags: [{ municipality: '3403', flag: 'total/business_types//AGD4' }],
        outcome: 'corrected',
        note: 'Rettet sammen med kommunen',
      },
      action: 'control.outcome',
      reply: wire.wireRows,
    },
    'PUT /api/staff/rounds/:id/thresholds': {
      url: `/api/staff/rounds/${ROUND}/thresholds`,
      payload: { relative: 0.2, absolute: 500 },
      action: 'control.thresholds',
      reply: wire.wireThresholds,
    },
    'POST /api/staff/rounds/:id/municipalities/:municipality/corrections': {
      url: `/api/staff/rounds/${ROUND}/municipalities/3403/corrections`,
      lazy: async () => ({
        version: 1,
        reason: 'Rettet etter telefon',
        response: { ...(await latest('3403')), comments: 'Totalen fra regnskapet er foreløpig.' },
      }),
      action: 'response.correct',
      reply: wire.wireCorrected,
    },
    'POST /api/staff/rounds/:id/municipalities/:municipality/contacts': {
      url: `/api/staff/rounds/${ROUND}/municipalities/3403/contacts`,
      payload: { channel: 'phone', question: 'Er BPA med?', answer: 'Ja' },
      action: 'contact.log',
    },
    'POST /api/staff/rounds/:id/publish': {
      url: `/api/staff/rounds/${ROUND}/publish`,
      payload: {},
      action: 'round.publish',
      reply: wire.wirePublished,
    },
    'POST /api/staff/key-figures/:year/publish': {
      url: '/api/staff/key-figures/2022/publish',
      payload: { stage: 'preliminary' },
      action: 'key-figures.publish',
      reply: wire.wirePublishedPeriod,
    },
    'POST /api/staff/register': {
      url: '/api/staff/register?valid_on=2020-12-31&file=er.csv',
      payload:
        'organisasjonsnummer,navn,beliggenhetsadresse.adresse,beliggenhetsadresse.postnummer,beliggenhetsadresse.poststed,' +
        'beliggenhetsadresse.kommunenummer,naeringskode1.kode,institusjonellSektorkode.kode\n' +
        '974760673,Hamar hjemmetjeneste,Gata 1,2317,HAMAR,3403,88.101,6500\n',
      csv: true,
      action: 'register.import',
      reply: wire.wireRegisterExtract,
    },
    'POST /api/staff/collections': {
      url: '/api/staff/collections',
      payload: {
        id: 'k-2020',
        year: 2020,
        name: 'KOSTRA 2020',
        forms: [
          { form: 'kostra-skjema-4', units: { from: 'codes', codes: ['3403'] } },
          { form: 'kostra-skjema-6', units: { from: 'register' } },
        ],
      },
      action: 'collection.create',
      reply: wire.wireCollection,
    },
    'POST /api/staff/collections/:id/checkpoints': {
      url: '/api/staff/collections/k-2020/checkpoints',
      payload: { kind: 'preliminary' },
      action: 'collection.checkpoint',
      reply: wire.wireCheckpointTaken,
    },
    'POST /api/staff/collections/:id/links': {
      url: '/api/staff/collections/k-2020/links',
      payload: {},
      action: 'responsible.links',
      reply: wire.wireResponsibleLinks,
    },
    'POST /api/staff/collections/:id/mail': {
      url: '/api/staff/collections/k-2020/mail',
      payload: { language: 'nn' },
      action: 'collection.mail',
      reply: wire.wireCollectionMailed,
    },
    'DELETE /api/staff/session': { url: '/api/staff/session', action: 'session.end' },
  };

  test('an unknown round is 404 on every staff page that reads one', async () => {
    const reading = registeredRoutes(app).filter(
      (r) => r.method === 'GET' && r.path.startsWith('/api/staff/rounds/:id'),
    );
    expect(reading.length).toBeGreaterThan(6);
    for (const r of reading) {
      const url = r.path.replace(':id', 'nope').replace(':municipality', '3403');
      const response = await app.inject({ url, headers: { cookie } });
      expect(response.statusCode, `${url}: ${response.body}`).toBe(404);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
  });

  test('the case table covers every route that changes anything', () => {
    const changing = registeredRoutes(app)
      .filter((r) => r.path.startsWith('/api/staff/') && r.method !== 'GET')
      .map((r) => `${r.method} ${r.path}`)
      .sort();
    expect(Object.keys(cases).sort()).toEqual(changing);
  });

  test('each route’s action writes its audit entry, with who did it', async () => {
    for (const [route, c] of Object.entries(cases)) {
      const method = route.split(' ')[0] as 'POST' | 'PUT' | 'DELETE';
      const before = await db
        .selectFrom('audit_log')
        .select('id')
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst();
      const payload = c.lazy ? await c.lazy() : c.payload;
      const response = await app.inject({
        method,
        url: c.url,
        headers: { cookie, ...(c.csv ? { 'content-type': 'text/csv' } : {}) },
        ...(payload === undefined ? {} : { payload }),
      });
      expect(response.statusCode, `${route}: ${response.body}`).toBeLessThan(300);
      const written = await db
        .selectFrom('audit_log')
        .select(['actor', 'action'])
        .where('id', '>', before?.id ?? '0')
        .orderBy('id')
        .execute();
      expect(written.at(-1), route).toEqual({ actor: 'kari', action: c.action });
      if (c.reply) {
        const parsed = c.reply.safeParse(response.json());
        expect(parsed.success ? '' : `${route}: ${parsed.error.message}`).toBe('');
      } else expect(response.statusCode, route).toBe(204);
    }
  });
});
