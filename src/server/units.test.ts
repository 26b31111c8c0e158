import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seedCollection } from '../app/testing/collections.ts';
import { roundRegisterCorrections } from '../app/register.ts';
import { issueResponsibleLinks } from '../app/unit-list.ts';
import type { Db } from '../store/database.ts';
import { testDatabases } from '../store/testing/databases.ts';
import { wireFormRound, wireFormSaved } from '../wire/form-answers.ts';
import { wireDelegation, wireUnitList, wireUnitsUploaded } from '../wire/units.ts';
import ExcelJS from 'exceljs';
import { XLSX } from './routes/respondent-form.ts';
import { buildApp } from './app.ts';

const databases = await testDatabases();

describe.each(databases)('a municipality answering for many units on $kind', (database) => {
  let db: Db;
  let drop: () => Promise<void>;
  let app: FastifyInstance;
  let listCookie = '';
  const links = new Map<string, string>();

  beforeAll(async () => {
    ({ db, drop } = await database.open());
    // Bergen (4601) has 200 units of its own in the synthetic register; the rest are spread.
    await seedCollection(
      db,
      { seed: 11, institutions: 60, homeCare: 240, fixed: { '4601': { institutions: 20, homeCare: 180 } } },
      [
        { form: 'kostra-skjema-4', units: { from: 'codes', codes: ['4601', '5001'] } },
        { form: 'kostra-skjema-5', units: { from: 'register' } },
        { form: 'kostra-skjema-6', units: { from: 'register' } },
      ],
    );
    for (const l of await issueResponsibleLinks(db, 'test', { collectionId: 'k2020' }, 2020))
      links.set(l.responsible, l.token);
    app = await buildApp({ db, cookieSecret: 'units-secret-units-secret-units-secret' });
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { token: links.get('4601')! },
    });
    expect(signIn.statusCode).toBe(204);
    expect(signIn.cookies[0]!.name).toBe('kostra_units');
    listCookie = `kostra_units=${signIn.cookies[0]!.value}`;
  }, 60_000);
  afterAll(async () => {
    await app.close();
    await drop();
  });

  const list = async () =>
    wireUnitList.parse(
      (await app.inject({ method: 'GET', url: '/api/units', headers: { cookie: listCookie } })).json(),
    );

  test('the list holds its own form and the register units it answers for, marked synthetic', async () => {
    const units = await list();
    expect(units.name).toBe('Bergen');
    expect(units.synthetic).toBe(true);
    const byForm = (form: string) => units.units.filter((u) => u.form === form);
    expect(byForm('kostra-skjema-4').map((u) => u.unit)).toEqual(['4601']);
    // Every one of Bergen's active institutions and establishments, and no one else's.
    const own = await db
      .selectFrom('invitation')
      .select('municipality')
      .where('responsible', '=', '4601')
      .execute();
    expect(byForm('kostra-skjema-5').length + byForm('kostra-skjema-6').length).toBe(own.length);
    expect(own.length).toBeGreaterThan(190);
    expect(units.units.every((u) => u.status === 'not_started' && u.open)).toBe(true);
    expect(byForm('kostra-skjema-6')[0]!.address).toMatch(/^Syntetisk vei \d+, \d{4} BERGEN$/);
  });

  test('a unit opened from the list is its own form, prefilled from the register, and a corrected detail is a change', async () => {
    const unit = (await list()).units.find((u) => u.form === 'kostra-skjema-6')!;
    const open = await app.inject({
      method: 'POST',
      url: '/api/units/open',
      headers: { cookie: listCookie },
      payload: { round: unit.round, unit: unit.unit },
    });
    expect(open.statusCode).toBe(204);
    const formCookie = `kostra_session=${open.cookies.find((c) => c.name === 'kostra_session')!.value}`;
    const form = wireFormRound.parse(
      (
        await app.inject({ method: 'GET', url: '/api/respondent/form', headers: { cookie: formCookie } })
      ).json(),
    );
    expect(form.unit.code).toBe(unit.unit);
    expect(form.answers['p1_navn']).toBe(unit.name);
    expect(form.answers['p1_eierskap']).toMatch(/^(municipal|private_commercial|non_profit)$/);
    const answers = {
      ...form.answers,
      p1_navn: 'Fjellsiden bofellesskap',
      p2_type: 'BOLIGBASE',
      p3_malgrupper: ['UTVIKLINGSHEMMING'],
      p4_boenheter: 6,
      p4_beboere: 6,
      p4_bemanning_dogn: true,
    };
    const saved = await app.inject({
      method: 'PUT',
      url: '/api/respondent/form',
      headers: { cookie: formCookie, 'if-match': '0' },
      payload: { answers },
    });
    expect(wireFormSaved.parse(saved.json()).errors).toEqual([]);
    const submitted = await app.inject({
      method: 'POST',
      url: '/api/respondent/form/submit',
      headers: { cookie: formCookie },
      payload: { contact: { name: 'Kari Nordmann', email: 'kari@bergen.kommune.no' } },
    });
    expect(submitted.statusCode).toBe(200);
    expect((await list()).units.find((u) => u.unit === unit.unit)!.status).toBe('submitted');
    expect(await roundRegisterCorrections(db, unit.round)).toEqual([
      { orgNumber: unit.unit, attribute: 'name', registered: unit.name, reported: 'Fjellsiden bofellesskap' },
    ]);
  });

  test("a unit delegated by link opens that unit's form only", async () => {
    const unit = (await list()).units.find((u) => u.form === 'kostra-skjema-5')!;
    const res = await app.inject({
      method: 'POST',
      url: '/api/units/delegate',
      headers: { cookie: listCookie },
      payload: { round: unit.round, unit: unit.unit },
    });
    expect(res.statusCode).toBe(201);
    const { link } = wireDelegation.parse(res.json());
    const token = new URL(link).pathname.replace('/s/', '');
    const signIn = await app.inject({ method: 'POST', url: '/api/session', payload: { token } });
    expect(signIn.cookies[0]!.name).toBe('kostra_session');
    const form = wireFormRound.parse(
      (
        await app.inject({
          method: 'GET',
          url: '/api/respondent/form',
          headers: { cookie: `kostra_session=${signIn.cookies[0]!.value}` },
        })
      ).json(),
    );
    expect(form.unit.code).toBe(unit.unit);
    // The colleague's link is not a list.
    const theirs = await app.inject({
      method: 'GET',
      url: '/api/units',
      headers: { cookie: `kostra_units=${signIn.cookies[0]!.value}` },
    });
    expect(theirs.statusCode).toBe(401);
  });

  test('a unit marked «not ours» with a reason leaves the expected; without a reason it is refused', async () => {
    const unit = (await list()).units.find(
      (u) => u.form === 'kostra-skjema-5' && u.status === 'not_started',
    )!;
    const mark = (reason: string) =>
      app.inject({
        method: 'PUT',
        url: '/api/units/disowned',
        headers: { cookie: listCookie },
        payload: { round: unit.round, unit: unit.unit, mark: { kind: 'no_agreement', reason } },
      });
    expect((await mark('  ')).statusCode).toBe(400);
    expect((await mark('Privat, uten avtale med kommunen')).statusCode).toBe(204);
    expect((await list()).units.find((u) => u.unit === unit.unit)).toMatchObject({
      disowned: 'no_agreement',
      disowned_reason: 'Privat, uten avtale med kommunen',
    });
  });

  test("another responsible's unit is not found, whatever is asked", async () => {
    const other = await db
      .selectFrom('invitation')
      .select(['round_id', 'municipality'])
      .where('responsible', '<>', '4601')
      .executeTakeFirstOrThrow();
    for (const url of ['/api/units/open', '/api/units/delegate'])
      expect(
        (
          await app.inject({
            method: 'POST',
            url,
            headers: { cookie: listCookie },
            payload: { round: other.round_id, unit: other.municipality },
          })
        ).statusCode,
      ).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/api/units' })).statusCode).toBe(401);
  });
});

describe.each(databases)('the workbook of all units on $kind', (database) => {
  let db: Db;
  let drop: () => Promise<void>;
  let app: FastifyInstance;
  let listCookie = '';

  beforeAll(async () => {
    ({ db, drop } = await database.open());
    await seedCollection(
      db,
      { seed: 3, institutions: 4, homeCare: 8, fixed: { '4601': { institutions: 4, homeCare: 8 } } },
      [
        { form: 'kostra-skjema-5', units: { from: 'register' } },
        { form: 'kostra-skjema-6', units: { from: 'register' } },
      ],
    );
    const [link] = (await issueResponsibleLinks(db, 'test', { collectionId: 'k2020' }, 2020)).filter(
      (l) => l.responsible === '4601',
    );
    app = await buildApp({ db, cookieSecret: 'units-secret-units-secret-units-secret' });
    const signIn = await app.inject({ method: 'POST', url: '/api/session', payload: { token: link!.token } });
    listCookie = `kostra_units=${signIn.cookies[0]!.value}`;
  }, 60_000);
  afterAll(async () => {
    await app.close();
    await drop();
  });

  test('holds a sheet per unit with its register details, and comes back as drafts of the changed units', async () => {
    const download = await app.inject({
      method: 'GET',
      url: '/api/units/workbook.xlsx',
      headers: { cookie: listCookie },
    });
    expect(download.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(download.rawPayload as unknown as ArrayBuffer);
    const units = (
      await db.selectFrom('invitation').select(['round_id', 'municipality', 'name']).execute()
    ).filter((u) => u.round_id.endsWith('skjema-6'));
    // The index and one sheet per unit of either form.
    const all = await db.selectFrom('invitation').select('municipality').execute();
    expect(book.worksheets.length).toBe(1 + all.length);
    const first = units[0]!;
    const sheet = book.getWorksheet(`${first.municipality}-skjema-6`)!;
    const row = (path: string) => {
      let found: ExcelJS.Row | undefined;
      sheet.eachRow((r) => {
        if (r.getCell(1).value === path) found = r;
      });
      return found!;
    };
    expect(row('p1_navn').getCell(4).value).toBe(first.name);
    row('p2_type').getCell(4).value = 'AMBULANT';
    row('p3_malgrupper').getCell(4).value = 'DEMENS; BEVEGELSESHEMMING';
    const upload = await app.inject({
      method: 'PUT',
      url: '/api/units/workbook.xlsx',
      headers: { cookie: listCookie, 'content-type': XLSX },
      payload: Buffer.from(await book.xlsx.writeBuffer()),
    });
    expect(upload.statusCode, upload.body).toBe(200);
    const saved = wireUnitsUploaded.parse(upload.json()).units;
    // The changed unit is saved as a draft; the others, untouched, stay not begun.
    expect(saved.find((u) => u.unit === first.municipality)).toMatchObject({ version: 1, errors: 0 });
    expect(saved.filter((u) => u.version !== null)).toHaveLength(1);
    const list = wireUnitList.parse(
      (await app.inject({ method: 'GET', url: '/api/units', headers: { cookie: listCookie } })).json(),
    );
    expect(list.units.find((u) => u.unit === first.municipality)!.status).toBe('draft');
    expect(list.units.filter((u) => u.status === 'not_started')).toHaveLength(list.units.length - 1);
    const latest = await db
      .selectFrom('response')
      .select('answers')
      .where('municipality', '=', first.municipality)
      .orderBy('version', 'desc')
      .executeTakeFirstOrThrow();
    expect(latest.answers).toMatchObject({
      p2_type: 'AMBULANT',
      p3_malgrupper: ['DEMENS', 'BEVEGELSESHEMMING'],
    });
  });

  test('a sheet with a wrong value saves nothing, naming the sheet and cell', async () => {
    const download = await app.inject({
      method: 'GET',
      url: '/api/units/workbook.xlsx',
      headers: { cookie: listCookie },
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(download.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets.find((s) => s.name.endsWith('skjema-5'))!;
    let address = '';
    sheet.eachRow((r) => {
      if (r.getCell(1).value === 'p3_2_rom') {
        r.getCell(4).value = 'mange';
        address = r.getCell(4).address;
      }
    });
    const before = await db
      .selectFrom('response')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    const upload = await app.inject({
      method: 'PUT',
      url: '/api/units/workbook.xlsx?lang=nb',
      headers: { cookie: listCookie, 'content-type': XLSX },
      payload: Buffer.from(await book.xlsx.writeBuffer()),
    });
    expect(upload.statusCode).toBe(400);
    expect(upload.json<{ errors: { cell: string; message: string }[] }>().errors).toEqual([
      { cell: `${sheet.name}!${address}`, message: '«mange» er ikke et tall.' },
    ]);
    const after = await db
      .selectFrom('response')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });
});
