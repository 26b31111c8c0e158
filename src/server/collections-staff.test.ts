import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Db } from '../store/database.ts';
import { appendVersion } from '../store/responses.ts';
import { testDatabases } from '../store/testing/databases.ts';
import {
  wireCheckpointTaken,
  wireCollection,
  wireCollectionMailed,
  wireCollectionControls,
  wireRegisterExtract,
  wireResponsibleLinks,
} from '../wire/staff.ts';
import { buildApp } from './app.ts';
import { addKari, staffCookie } from './testing/staff.ts';
import { startSmtpSink } from '../testing/smtp-sink.ts';
import { seedCollection } from '../app/testing/collections.ts';
import { syntheticRegisterFile } from '../app/register.ts';

const databases = await testDatabases();

describe.each(databases)('a collection run from the staff pages on $kind', (database) => {
  let db: Db;
  let drop: () => Promise<void>;
  let app: FastifyInstance;
  let cookie = '';
  const at = new Date('2021-01-10T12:00:00+01:00');

  beforeAll(async () => {
    ({ db, drop } = await database.open());
    await addKari(db);
    app = await buildApp({ db, cookieSecret: 'collections-secret-collections-secret', now: () => at });
    cookie = await staffCookie(app);
  }, 60_000);
  afterAll(async () => {
    await app.close();
    await drop();
  });

  const submit = (round: string, unit: string, answers: Record<string, unknown>, when = at) =>
    appendVersion(db, round, unit, 0, {
      content: { tables: {}, comments: '' },
      answers: answers,
      status: 'submitted',
      savedBy: 'respondent',
      submittedAt: when,
    });

  test('imports a register, opens skjema 4 and 6 together, and flags skjema 6 against skjema 4', async () => {
    const text = await syntheticRegisterFile({
      seed: 5,
      institutions: 0,
      homeCare: 30,
      fixed: { '4601': { institutions: 0, homeCare: 6 }, '5001': { institutions: 0, homeCare: 4 } },
      validOn: '2020-12-31',
    });
    const imported = await app.inject({
      method: 'POST',
      url: '/api/staff/register?valid_on=2020-12-31&file=syntetisk.csv',
      headers: { cookie, 'content-type': 'text/csv' },
      payload: text,
    });
    expect(imported.statusCode, imported.body).toBe(201);
    expect(wireRegisterExtract.parse(imported.json())).toMatchObject({ units: 30, synthetic: true });

    const created = await app.inject({
      method: 'POST',
      url: '/api/staff/collections',
      headers: { cookie },
      payload: {
        id: 'kostra-2020',
        year: 2020,
        name: 'KOSTRA 2020',
        forms: [
          { form: 'kostra-skjema-4', units: { from: 'codes', codes: ['4601', '5001'] } },
          { form: 'kostra-skjema-6', units: { from: 'register' } },
        ],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const collection = wireCollection.parse(created.json());
    expect(collection.rounds.map((r) => [r.form, r.deadline])).toEqual([
      ['kostra-skjema-4', '2021-01-15T22:59:59.999Z'],
      ['kostra-skjema-6', '2021-02-15T22:59:59.999Z'],
    ]);

    // Bergen's housing bases with staff around the clock hold 5 residents each; Trondheim's 3.
    const units = await db
      .selectFrom('invitation')
      .select(['municipality', 'responsible'])
      .where('round_id', '=', 'kostra-2020-skjema-6')
      .where('responsible', 'in', ['4601', '5001'])
      .orderBy('municipality')
      .execute();
    const housing = {
      p2_type: 'BOLIGBASE',
      p3_malgrupper: ['UTVIKLINGSHEMMING'],
      p4_boenheter: 6,
      p4_bemanning_dogn: true,
    };
    for (const u of units)
      await submit('kostra-2020-skjema-6', u.municipality, {
        ...housing,
        p4_beboere: u.responsible === '4601' ? 5 : 3,
      });
    const bergen = units.filter((u) => u.responsible === '4601').length;
    const trondheim = units.filter((u) => u.responsible === '5001').length;
    // Bergen reports in skjema 4 what its housing bases add up to; Trondheim reports far fewer.
    await submit('kostra-2020-skjema-4', '4601', {
      g2_system: false,
      g6_beboere_dogn: 5 * bergen,
      g6_herav_utviklingshemming: 0,
    });
    await submit('kostra-2020-skjema-4', '5001', {
      g2_system: false,
      g6_beboere_dogn: 1,
      g6_herav_utviklingshemming: 0,
    });

    const controls = wireCollectionControls.parse(
      (await app.inject({ url: '/api/staff/collections/kostra-2020/controls', headers: { cookie } })).json(),
    );
    const rows = controls.cross_form.find((c) => c.id === 'skjema6-residents-vs-skjema4')!.rows;
    expect(rows.find((r) => r.municipality === '5001')).toEqual({
      municipality: '5001',
      summed: 3 * trondheim,
      units: trondheim,
      against: 1,
      difference: 3 * trondheim - 1,
      percent: (3 * trondheim - 1) * 100,
      flagged: true,
    });
    expect(rows.find((r) => r.municipality === '4601')).toMatchObject({
      summed: 5 * bergen,
      difference: 0,
      flagged: false,
    });
    // The flagged come first.
    expect(rows[0]!.flagged).toBe(true);
    expect(controls.previous_year.map((p) => p.form)).toEqual(['kostra-skjema-4', 'kostra-skjema-6']);
  });

  test('the collection page has the response rates per form by date against the expected units', async () => {
    const page = wireCollection.parse(
      (await app.inject({ url: '/api/staff/collections/kostra-2020', headers: { cookie } })).json(),
    );
    const s4 = page.rates.find((r) => r.form === 'kostra-skjema-4')!;
    expect(s4.expected).toBe(2);
    expect(s4.by_date).toEqual([
      { date: '2021-01-15', count: 2, percent: 100 },
      { date: '2021-02-15', count: 2, percent: 100 },
    ]);
    const s6 = page.rates.find((r) => r.form === 'kostra-skjema-6')!;
    expect(s6.by_date[0]!.count).toBe(page.rounds.find((r) => r.form === 'kostra-skjema-6')!.submitted);
  });

  test('a publication is frozen, the responsibles get their links, a round gives its register changes', async () => {
    const taken = await app.inject({
      method: 'POST',
      url: '/api/staff/collections/kostra-2020/checkpoints',
      headers: { cookie },
      payload: { kind: 'preliminary' },
    });
    expect(taken.statusCode, taken.body).toBe(201);
    // Taken on 10 January: what is submitted by now, not by the end of 15 March.
    expect(wireCheckpointTaken.parse(taken.json())).toMatchObject({ kind: 'preliminary', day: '2021-03-15' });
    const links = wireResponsibleLinks.parse(
      (
        await app.inject({
          method: 'POST',
          url: '/api/staff/collections/kostra-2020/links',
          headers: { cookie },
          payload: {},
        })
      ).json(),
    );
    expect(links.find((l) => l.responsible === '4601')).toMatchObject({ name: 'Bergen' });
    expect(links[0]!.link).toMatch(/\/s\/[A-Za-z0-9_-]{40,}$/);
    const csv = await app.inject({
      url: '/api/staff/rounds/kostra-2020-skjema-6/register-corrections.csv',
      headers: { cookie },
    });
    expect(csv.statusCode).toBe(200);
    // Nobody has corrected a register detail: the header only.
    expect(csv.body).toBe('organisasjonsnummer,opplysning,registrert,rapportert\n');
  });

  test('a register file with a bad organisation number is refused whole, naming the line', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/staff/register?valid_on=2020-12-31',
      headers: { cookie, 'content-type': 'text/csv' },
      payload:
        'organisasjonsnummer,navn,beliggenhetsadresse.adresse,beliggenhetsadresse.postnummer,beliggenhetsadresse.poststed,' +
        'beliggenhetsadresse.kommunenummer,naeringskode1.kode,institusjonellSektorkode.kode\n' +
        '974760674,Feil,Gata 1,5003,BERGEN,4601,88.101,6500\n',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ detail: string }>().detail).toContain(
      'line 2, organisasjonsnummer: 974760674 fails the modulus-11 check of its last digit',
    );
    const extracts = (await app.inject({ url: '/api/staff/register', headers: { cookie } })).json<
      unknown[]
    >();
    expect(extracts).toHaveLength(1);
  });
});

describe.each(databases)("a collection's invitation by mail on $kind", (database) => {
  let db: Db;
  let drop: () => Promise<void>;
  let app: FastifyInstance;
  let cookie = '';
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;

  beforeAll(async () => {
    ({ db, drop } = await database.open());
    smtp = await startSmtpSink();
    await addKari(db);
    app = await buildApp({
      db,
      cookieSecret: 'collections-secret-collections-secret',
      mail: { smtpUrl: smtp.url, from: 'KOSTRA <kostra@ssb.no>', baseUrl: 'https://kostra.example' },
    });
    cookie = await staffCookie(app);
    await seedCollection(
      db,
      { seed: 8, institutions: 10, homeCare: 10, fixed: { '4601': { institutions: 5, homeCare: 5 } } },
      [
        { form: 'kostra-skjema-4', units: { from: 'codes', codes: ['4601', '5001'] } },
        { form: 'kostra-skjema-5', units: { from: 'register' } },
      ],
    );
    const contacts = await app.inject({
      method: 'PUT',
      url: '/api/staff/rounds/k2020-skjema-4/contacts',
      headers: { cookie, 'content-type': 'text/csv' },
      payload: '4601,postmottak@bergen.kommune.no\n5001,ukjent@trondheim.kommune.no\n',
    });
    expect(contacts.statusCode, contacts.body).toBe(200);
  }, 60_000);
  afterAll(async () => {
    await app.close();
    await smtp.close();
    await drop();
  });

  test('mails each responsible with an address its list link, records the refused one, names those without', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/staff/collections/k2020/mail',
      headers: { cookie },
      payload: { language: 'nn' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const mailed = wireCollectionMailed.parse(res.json());
    expect(mailed.sent).toBe(1);
    expect(mailed.failed).toBe(1);
    // Municipalities with units but no form of their own in skjema 4 have no address.
    expect(mailed.without_address.length).toBeGreaterThan(0);
    expect(mailed.without_address).not.toContain('4601');
    const [mail] = smtp.received;
    expect(mail!.to).toEqual(['postmottak@bergen.kommune.no']);
    expect(mail!.data).toContain('Opne lista over einingane de svarar for med denne personlege lenkja:');
    const link = /https:\/\/kostra\.example\/s\/([A-Za-z0-9_-]+)/.exec(mail!.data)![1]!;
    const signIn = await app.inject({ method: 'POST', url: '/api/session', payload: { token: link } });
    expect(signIn.cookies[0]!.name).toBe('kostra_units');
    const outbox = await db
      .selectFrom('outbox')
      .select(['municipality', 'kind', 'status'])
      .orderBy('municipality')
      .execute();
    expect(outbox).toEqual([
      { municipality: '4601', kind: 'list_invitation', status: 'sent' },
      { municipality: '5001', kind: 'list_invitation', status: 'failed' },
    ]);
  });
});
