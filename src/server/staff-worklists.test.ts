import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { answered, definition, given, invitation, response, round } from '../domain/testing/rounds.ts';
import type { Db } from '../store/database.ts';
import { saveRound } from '../store/rounds.ts';
import { testDatabases } from '../store/testing/databases.ts';
import { wireFlag, wireMunicipalityRecord, wireStatusList, wireThresholds } from '../wire/staff.ts';
import { buildApp } from './app.ts';
import { addKari, staffCookie } from './testing/staff.ts';

const databases = await testDatabases();

describe.each(databases)('the status list, thresholds and outcomes for many on $kind', (database) => {
  let db: Db;
  let drop: () => Promise<void>;
  let app: FastifyInstance;
  let cookie: string;
  const prefilled = { AGD10: 10000, AGD4: 9000, AGD16: 8000, AGD2: 9500 };

  beforeAll(async () => {
    ({ db, drop } = await database.open());
    await saveRound(db, definition, {
      ...round(
        [
          invitation('3403', { name: 'Hamar', sizeGroup: '20000+', prefilled }),
          invitation('4601', { name: 'Bergen', sizeGroup: 'ASSS', prefilled }),
          invitation('5041', { name: 'Snåase - Snåsa', prefilled }),
          invitation('1145', { name: 'Bokn', prefilled }),
        ],
        [
          response('3403', { business_types: answered({ AMBULANT: given(9900), OTHER: given(50) }) }),
          response('4601', { business_types: answered({ AMBULANT: given(4000), OTHER: given(1000) }) }),
          response('5041', { business_types: answered({ AMBULANT: given(2000), OTHER: given(500) }) }),
        ],
      ),
      id: 'f254-2021',
    });
    await db
      .updateTable('response')
      .set({
        submitted_by: sql`${JSON.stringify({ name: 'Kari Nordmann', email: 'kari@bergen.kommune.no', phone: '55 56 00 00' })}::jsonb`,
        minutes_spent: 95,
      })
      .where('municipality', '=', '4601')
      .execute();
    await db
      .updateTable('invitation')
      .set({ contact_email: 'postmottak@bergen.kommune.no' })
      .where('municipality', '=', '4601')
      .execute();
    await db
      .insertInto('outbox')
      .values([
        {
          round_id: 'f254-2021',
          municipality: '4601',
          kind: 'invitation',
          to_address: 'postmottak@bergen.kommune.no',
          subject: 'Invitasjon',
          body: '…',
          status: 'sent',
          error: null,
          message_id: '<a@x>',
          sent_by: 'kari',
        },
        {
          round_id: 'f254-2021',
          municipality: '1145',
          kind: 'invitation',
          to_address: 'feil@bokn.example',
          subject: 'Invitasjon',
          body: '…',
          status: 'bounced',
          error: '550 no such user',
          message_id: '<b@x>',
          sent_by: 'kari',
        },
      ])
      .execute();
    await addKari(db);
    app = await buildApp({
      db,
      cookieSecret: 'worklist-secret-worklist-secret-worklist',
      now: () => new Date('2022-06-01T10:00:00Z'),
    });
    cookie = await staffCookie(app);
  });
  afterAll(async () => {
    await app.close();
    await drop();
  });

  const call = (method: 'GET' | 'PUT', url: string, payload?: object) =>
    app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  const list = async (query = '') =>
    wireStatusList.parse((await call('GET', `/api/staff/rounds/f254-2021/status-list${query}`)).json());

  test('every municipality with its county, submitter, minutes, last mail and pending flags', async () => {
    const { total, rows } = await list();
    expect(total).toBe(4);
    expect(rows.map((r) => [r.municipality, r.county_name, r.status, r.mail, r.pending_flags])).toEqual([
      ['1145', 'Rogaland', 'not_started', 'bounced', 0],
      ['3403', 'Innlandet', 'submitted', 'none', 0],
      ['4601', 'Vestland', 'submitted', 'sent', 1],
      ['5041', 'Trøndelag', 'submitted', 'none', 1],
    ]);
    const bergen = rows.find((r) => r.municipality === '4601')!;
    expect(bergen.submitter).toEqual({
      name: 'Kari Nordmann',
      email: 'kari@bergen.kommune.no',
      phone: '55 56 00 00',
    });
    expect(bergen.minutes_spent).toBe(95);
    expect(bergen.contact_email).toBe('postmottak@bergen.kommune.no');
    expect(bergen.largest_deviation).toBe(5000);
  });

  test('filtered by text, status, county, size group, flags and mail; sorted by any column', async () => {
    const codes = async (q: string) => (await list(q)).rows.map((r) => r.municipality);
    expect(await codes('?q=kari@bergen')).toEqual(['4601']);
    expect(await codes('?q=snåsa')).toEqual(['5041']);
    expect(await codes('?status=not_started')).toEqual(['1145']);
    expect(await codes('?status=not_started&status=submitted&county=34')).toEqual(['3403']);
    expect(await codes('?size_group=ASSS')).toEqual(['4601']);
    expect(await codes('?flagged=true&sort=deviation&dir=desc')).toEqual(['5041', '4601']);
    expect(await codes('?mail=bounced')).toEqual(['1145']);
    expect(await codes('?sort=name&dir=desc')).toEqual(['5041', '3403', '1145', '4601']);
    // Empty values last in both directions.
    expect(await codes('?sort=minutes&dir=asc')).toEqual(['4601', '1145', '3403', '5041']);
    const bad = await call('GET', '/api/staff/rounds/f254-2021/status-list?sort=colour');
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ detail: string }>().detail).toMatch(/^sort:/);
  });

  test('problems in the language of the page that asks: bokmål, nynorsk, and English for programs', async () => {
    const asked = (url: string, language: string) =>
      app.inject({ method: 'GET', url, headers: { cookie, 'accept-language': language } });
    const bad = await asked('/api/staff/rounds/f254-2021/status-list?sort=colour', 'nb-NO,nb;q=0.9');
    expect(bad.headers['content-language']).toBe('nb');
    expect(bad.json()).toMatchObject({
      title: 'Forespørselen er feil utformet',
      detail: 'sort: verdien er ikke gyldig',
    });
    const unknown = await asked('/api/staff/rounds/nope/status-list', 'nn');
    expect(unknown.json()).toMatchObject({ title: 'Finst ikkje', detail: 'inga undersøking nope' });
    const contacts = await app.inject({
      method: 'PUT',
      url: '/api/staff/rounds/f254-2021/contacts',
      headers: { cookie, 'accept-language': 'nb', 'content-type': 'text/csv' },
      payload: '4601,post@bergen.kommune.no,samisk\n',
    });
    expect(contacts.json()).toMatchObject({
      title: 'Forespørselen kan ikke utføres',
      detail: 'contacts.csv, line 1: «samisk» er ingen målform (nb, nn, bokmål eller nynorsk)',
    });
    const english = await call('GET', '/api/staff/rounds/nope/status-list');
    expect(english.json()).toMatchObject({ title: 'Not found', detail: 'no survey round nope' });
  });

  test('exported as filtered, as CSV for Norwegian Excel and as a workbook', async () => {
    const csv = await call('GET', '/api/staff/rounds/f254-2021/status-list.csv?flagged=true');
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="status-f254-2021.csv"');
    expect(csv.body.startsWith('\uFEFFKommunenummer;Kommune;Fylke;')).toBe(true);
    const lines = csv.body.slice(1).split('\r\n');
    expect(lines).toHaveLength(4); // header, two rows, the last line's end
    expect(lines[1]).toMatch(/^4601;Bergen;Vestland;ASSS;Sendt inn;/);
    expect(lines[1]).toContain(';Kari Nordmann;kari@bergen.kommune.no;55 56 00 00;95;');
    const xlsx = await call('GET', '/api/staff/rounds/f254-2021/status-list.xlsx?sort=municipality&dir=desc');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Status')!;
    expect(sheet.rowCount).toBe(5);
    expect(sheet.getRow(2).getCell(1).value).toBe('5041');
    expect(sheet.getRow(3).getCell(11).value).toBe(95);
  });

  test('the round has its own thresholds: the worklist and the list follow them, the log says who', async () => {
    expect(
      wireThresholds.parse((await call('GET', '/api/staff/rounds/f254-2021/thresholds')).json()),
    ).toMatchObject({
      relative: 0.1,
      absolute: 1000,
      set_by: null,
    });
    const refused = await call('PUT', '/api/staff/rounds/f254-2021/thresholds', {
      relative: -1,
      absolute: 10,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json<{ detail: string }>().detail).toMatch(/^relative:/);
    // 3403 reported 9 950 against 10 000: flagged only under a low threshold.
    const set = await call('PUT', '/api/staff/rounds/f254-2021/thresholds', {
      relative: 0.001,
      absolute: 10,
    });
    expect(set.statusCode).toBe(200);
    expect(wireThresholds.parse(set.json())).toMatchObject({ relative: 0.001, absolute: 10, set_by: 'kari' });
    const flags = wireFlag.array().parse((await call('GET', '/api/staff/rounds/f254-2021/controls')).json());
    expect(flags.map((f) => f.municipality)).toEqual(['5041', '4601', '3403']);
    expect((await list('?flagged=true')).rows.map((r) => r.municipality)).toEqual(['3403', '4601', '5041']);
    const audit = await db
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'control.thresholds')
      .execute();
    expect(audit.map((a) => a.detail)).toEqual([
      { old: { relative: 0.1, absolute: 1000 }, new: { relative: 0.001, absolute: 10 } },
    ]);
    await call('PUT', '/api/staff/rounds/f254-2021/thresholds', { relative: 0.1, absolute: 1000 });
  });

  test('one outcome and note for several flags at once, all or none', async () => {
    const flags = wireFlag.array().parse((await call('GET', '/api/staff/rounds/f254-2021/controls')).json());
    const refused = await call('PUT', '/api/staff/rounds/f254-2021/controls/outcomes', {
      flags: [
        ...flags.map((f) => ({ municipality: f.municipality, flag: f.key })),
        { municipality: '9999', flag: 'x' },
      ],
      outcome: 'confirmed',
    });
    expect(refused.statusCode).toBe(404);
    expect(await db.selectFrom('control_outcome').selectAll().execute()).toEqual([]);
    const set = await call('PUT', '/api/staff/rounds/f254-2021/controls/outcomes', {
      flags: flags.map((f) => ({ municipality: f.municipality, flag: f.key })),
      outcome: 'confirmed',
      note: 'Bekreftet på telefon.',
    });
    expect(set.json()).toEqual({ rows: 2 });
    const after = wireFlag.array().parse((await call('GET', '/api/staff/rounds/f254-2021/controls')).json());
    expect(after.map((f) => [f.outcome, f.note])).toEqual([
      ['confirmed', 'Bekreftet på telefon.'],
      ['confirmed', 'Bekreftet på telefon.'],
    ]);
    expect((await list('?flagged=true')).rows).toEqual([]);
    const audit = await db
      .selectFrom('audit_log')
      .select('subject')
      .where('action', '=', 'control.outcome')
      .execute();
    expect(audit.map((a) => a.subject).sort()).toEqual(['f254-2021/4601', 'f254-2021/5041']);
  });

  test('whom a mailing to the selected would go to, and why the others are left out', async () => {
    const res = await call(
      'GET',
      '/api/staff/rounds/f254-2021/mail-recipients?kind=reminder&municipalities=4601,1145',
    );
    expect(res.json()).toEqual({
      to: [],
      skipped: [
        { municipality: '1145', why: 'no_address' },
        { municipality: '4601', why: 'submitted' },
      ],
    });
    const again = await call(
      'GET',
      '/api/staff/rounds/f254-2021/mail-recipients?kind=invitation&again=true&municipalities=4601',
    );
    expect(again.json()).toEqual({
      to: [{ municipality: '4601', name: 'Bergen', language: null }],
      skipped: [],
    });
    const bad = await call('GET', '/api/staff/rounds/f254-2021/mail-recipients?municipalities=46');
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ detail: string }>().detail).toMatch(/^municipalities:/);
    expect(
      (await call('GET', '/api/staff/rounds/f254-2021/mail-recipients?municipalities=9999')).statusCode,
    ).toBe(404);
  });

  test("a municipality's page: its name, county, contact address, submitter with minutes, and its mail", async () => {
    const record = wireMunicipalityRecord.parse(
      (await call('GET', '/api/staff/rounds/f254-2021/municipalities/4601')).json(),
    );
    expect(record.unit).toEqual({
      name: 'Bergen',
      county_code: '46',
      county_name: 'Vestland',
      size_group: 'ASSS',
      contact_email: 'postmottak@bergen.kommune.no',
      language: null,
      extended_deadline: null,
    });
    expect(record.submission).toMatchObject({
      name: 'Kari Nordmann',
      email: 'kari@bergen.kommune.no',
      phone: '55 56 00 00',
      minutes_spent: 95,
    });
    expect(record.mail.map((m) => [m.kind, m.status, m.to])).toEqual([
      ['invitation', 'sent', 'postmottak@bergen.kommune.no'],
    ]);
    expect((await call('GET', '/api/staff/rounds/f254-2021/municipalities/9999')).statusCode).toBe(404);
  });
});
