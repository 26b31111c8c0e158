import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadFormLibrary } from '../files/form-definitions.ts';
import type { Db } from '../store/database.ts';
import { createFormRound } from '../store/form-rounds.ts';
import { issueTokens } from '../store/respondents.ts';
import { appendVersion } from '../store/responses.ts';
import { testDatabases } from '../store/testing/databases.ts';
import { wireFormRound, wireFormSaved } from '../wire/form-answers.ts';
import { buildApp } from './app.ts';
import { reportFormRound } from '../app/form-report.ts';
import { publishFormRound } from '../app/publish-form-round.ts';
import JSONstat from 'jsonstat-toolkit';
import { XLSX } from './routes/respondent-form.ts';
import ExcelJS from 'exceljs';
import { PDFDocument } from 'pdf-lib';

const databases = await testDatabases();
const library = await loadFormLibrary();
const form = (id: string) => library.forms.find((f) => f.id === id)!;

describe.each(databases)('a round of a form of the forms engine on $kind', (database) => {
  let db: Db;
  let drop: () => Promise<void>;
  let app: FastifyInstance;
  const cookies = new Map<string, string>();

  beforeAll(async () => {
    ({ db, drop } = await database.open());
    const deadline = new Date(Date.now() + 86_400_000);
    await createFormRound(db, {
      id: 'skjema1-2021',
      definition: form('kostra-skjema-1'),
      sharedLists: library.lists,
      year: 2021,
      units: [{ code: '4640', name: 'Sogndal', kind: 'municipality' }],
      deadline,
    });
    await createFormRound(db, {
      id: 'skjema4-2021',
      definition: form('kostra-skjema-4'),
      sharedLists: library.lists,
      year: 2021,
      units: [{ code: '030105', name: 'Bydel Frogner', kind: 'oslo_district' }],
      deadline,
    });
    app = await buildApp({ db, cookieSecret: 'form-rounds-secret-form-rounds-secret-x' });
    for (const round of ['skjema1-2021', 'skjema4-2021']) {
      const [issued] = await issueTokens(db, round);
      const signIn = await app.inject({
        method: 'POST',
        url: '/api/session',
        payload: { token: issued!.token },
      });
      expect(signIn.statusCode).toBe(204);
      cookies.set(round, `${signIn.cookies[0]!.name}=${signIn.cookies[0]!.value}`);
    }
  });
  afterAll(async () => {
    await app.close();
    await drop();
  });

  const get = (round: string, lang = 'nb') =>
    app.inject({
      method: 'GET',
      url: `/api/respondent/form?lang=${lang}`,
      headers: { cookie: cookies.get(round)! },
    });
  const put = (round: string, version: number, answers: Record<string, unknown>, lang = 'nb') =>
    app.inject({
      method: 'PUT',
      url: `/api/respondent/form?lang=${lang}`,
      headers: { cookie: cookies.get(round)!, 'if-match': String(version) },
      payload: { answers },
    });

  test('the municipality gets skjema 1 as asked in 2021, with what is new, and nothing answered', async () => {
    const res = await get('skjema1-2021');
    expect(res.statusCode).toBe(200);
    const view = wireFormRound.parse(res.json());
    expect(view.unit).toEqual({ code: '4640', name: 'Sogndal', kind: 'municipality' });
    expect(view.round).toEqual({ id: 'skjema1-2021', year: 2021 });
    expect(view.form.sections.map((s) => s.key)).toContain('legevakt');
    expect(view.new_this_year.map((n) => n.path)).toContain('p2_1/rows/UTEN_AVTALE');
    expect(view.version).toBe(0);
    // Required questions not yet answered are errors of the (empty) form.
    expect(view.findings.errors.map((f) => f.path)).toContain('p5_friskliv');
  });

  test('a draft is saved as a version, with findings placed by path; submission waits for the errors', async () => {
    const draft = await put('skjema1-2021', 0, { 'p2_1/LIS1/241': 37.55, p5_friskliv: true }, 'nn');
    expect(draft.statusCode).toBe(200);
    const saved = wireFormSaved.parse(draft.json());
    expect(saved.version).toBe(1);
    const precision = saved.errors.find((f) => f.path === 'p2_1/LIS1/241')!;
    expect(precision).toMatchObject({
      kind: 'precision',
      section: '2',
      item: '2-1',
      row: 'LIS1',
      column: '241',
    });
    expect(precision.message).toContain('Del 2, punkt 2-1');
    // Beside the field, the same without its place.
    expect(precision.detail).toBe('Høgst 1 desimalar.');
    const blocked = await app.inject({
      method: 'POST',
      url: '/api/respondent/form/submit',
      headers: { cookie: cookies.get('skjema1-2021')! },
      payload: { contact: { name: 'Kari', email: 'kari@sogndal.kommune.no' } },
    });
    expect(blocked.statusCode).toBe(422);
    expect(blocked.json<{ errors: { path: string }[] }>().errors.map((e) => e.path)).toContain(
      'p2_1/LIS1/241',
    );
    // A stale version is refused as in a survey round.
    expect((await put('skjema1-2021', 0, {})).statusCode).toBe(412);
  });

  test('the whole form submitted; the answers read back as saved', async () => {
    const answers = {
      'p2_1/LIS1/241': 37.5,
      'p3_2/P100/ANTALL': 4,
      p3_covid: false,
      p4_4: ['FODE_BARSEL'],
      'p4_5/HELSESTASJON_0_5/ARSVERK': 4.5,
      p4_covid: false,
      p5_friskliv: true,
      p7_psykolog: false,
      lv_kan_rapportere: false,
      lv_rontgen: null,
    };
    const saved = wireFormSaved.parse((await put('skjema1-2021', 1, answers)).json());
    expect(saved.errors).toEqual([]);
    const submitted = await app.inject({
      method: 'POST',
      url: '/api/respondent/form/submit',
      headers: { cookie: cookies.get('skjema1-2021')! },
      payload: { contact: { name: 'Kari', email: 'kari@sogndal.kommune.no' }, minutes_spent: 25 },
    });
    expect(submitted.statusCode).toBe(200);
    const view = wireFormRound.parse((await get('skjema1-2021')).json());
    expect(view.status).toBe('submitted');
    // A cleared answer is not kept.
    const { lv_rontgen: _cleared, ...kept } = answers;
    expect(view.answers).toEqual(kept);
    // The round's summary per item counts the submitted answers, Sogndal in its KOSTRA group.
    const report = await reportFormRound(db, 'skjema1-2021');
    expect(report).toMatchObject({ form: 'kostra-skjema-1', year: 2021, invited: 1, submitted: 1 });
    expect(report.items.find((i) => i.path === 'p2_1/LIS1/241')).toMatchObject({
      answered: 1,
      sum: 37.5,
      byGroup: { EKG08: { answered: 1, sum: 37.5 } },
    });
    expect(report.items.find((i) => i.path === 'p4_4')?.counts).toEqual({ FODE_BARSEL: 1 });
    // The receipt: a PDF of what was submitted, titled with the form.
    const pdf = await app.inject({
      method: 'GET',
      url: '/api/respondent/form/receipt.pdf?lang=nn',
      headers: { cookie: cookies.get('skjema1-2021')! },
    });
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const document = await PDFDocument.load(pdf.rawPayload);
    expect(document.getTitle()).toBe(
      'Kvittering: KOSTRA skjema 1 Kommunehelse: personell og verksemd i den kommunale helse- og omsorgstenesta (2021)',
    );
    expect(document.getPageCount()).toBeGreaterThanOrEqual(1);

    // Published as skjema 1's plan says: punkt 2-1 by unit, KOSTRA group and country, through PxWeb.
    expect(await publishFormRound(db, 'skjema1-2021', 'kari', new Date())).toEqual([
      expect.objectContaining({ id: 'KS1LEGETIMER', cells: 3 * 3 * 8, primary: 0, secondary: 0 }),
    ]);
    const data = await app.inject({
      method: 'GET',
      url: '/api/v2/tables/KS1LEGETIMER/data?valuecodes[Region]=EAK,EKG08,4640&valuecodes[Avtaleform]=*&valuecodes[Funksjon]=241,I_ALT&valuecodes[ContentsCode]=Timer&valuecodes[Tid]=2021',
    });
    expect(data.statusCode).toBe(200);
    const table = JSONstat(data.json());
    const value = (Region: string, Avtaleform: string, Funksjon: string) =>
      table.Data({ Region, Avtaleform, Funksjon, ContentsCode: 'Timer', Tid: '2021' })?.value;
    for (const region of ['EAK', 'EKG08', '4640']) {
      expect(value(region, 'LIS1', '241')).toBe(37.5);
      expect(value(region, 'I_ALT', 'I_ALT')).toBe(37.5);
      expect(value(region, 'UTEN_AVTALE', '241')).toBe(0);
    }
    expect(table.Dimension('Avtaleform').Category('LIS1').label).toBe(
      'Lege i spesialisering 1 (LIS1) / turnuslege',
    );
  });

  test('an Oslo district fills skjema 4; a rule across items is found and named', async () => {
    const view = wireFormRound.parse((await get('skjema4-2021', 'en')).json());
    expect(view.unit).toEqual({ code: '030105', name: 'Bydel Frogner', kind: 'oslo_district' });
    const saved = wireFormSaved.parse(
      (
        await put(
          'skjema4-2021',
          0,
          { g2_system: false, g6_beboere_dogn: 40, g6_herav_utviklingshemming: 55 },
          'en',
        )
      ).json(),
    );
    expect(saved.errors.map((f) => f.rule_id)).toEqual(['g6-herav-not-above']);
    expect(saved.errors[0]!.message).toBe(
      'Part 6, «of whom in housing for people with intellectual disability»: 55 is more than Part 6, item 6 «Residents in housing with staff present around the clock» (40).',
    );
  });

  test('answers that cannot be stored are refused before anything is saved', async () => {
    const res = await put('skjema4-2021', 1, { g6_beboere_dogn: 'a\u0000b' });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ detail: string }>().detail).toContain('answers.g6_beboere_dogn');
    const units = await put('skjema4-2021', 1, { g6_beboere_dogn: 1e12 });
    expect(units.statusCode).toBe(400);
  });

  test('the form as a workbook: filled in Excel and uploaded, it becomes a draft; a bad cell is named', async () => {
    const cookie = cookies.get('skjema4-2021')!;
    const download = await app.inject({
      method: 'GET',
      url: '/api/respondent/form.xlsx?lang=nb',
      headers: { cookie },
    });
    expect(download.statusCode).toBe(200);
    const fill = async (values: Record<string, ExcelJS.CellValue>) => {
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(download.rawPayload as unknown as ArrayBuffer);
      book.getWorksheet('Skjema')!.eachRow((row) => {
        const key = row.getCell(1).text;
        if (key in values) row.getCell(4).value = values[key]!;
      });
      return Buffer.from(await book.xlsx.writeBuffer());
    };
    const upload = async (workbook: Buffer) => {
      const version = wireFormRound.parse((await get('skjema4-2021')).json()).version;
      return app.inject({
        method: 'PUT',
        url: '/api/respondent/form.xlsx?lang=nb',
        headers: { cookie, 'content-type': XLSX, 'if-match': String(version) },
        payload: workbook,
      });
    };
    const good = await upload(
      await fill({
        g2_system: 'ja',
        g2_malgrupper: 'ELDRE; ANNET',
        'g2_malgrupper/other': 'Barn',
        g6_beboere_dogn: 120,
        g6_herav_utviklingshemming: '45',
        comments: 'Fra fagsystemet.',
      }),
    );
    expect(good.statusCode).toBe(200);
    expect(wireFormSaved.parse(good.json()).errors).toEqual([]);
    const view = wireFormRound.parse((await get('skjema4-2021')).json());
    expect(view.answers).toEqual({
      g2_system: true,
      g2_malgrupper: ['ELDRE', 'ANNET'],
      'g2_malgrupper/other': 'Barn',
      g6_beboere_dogn: 120,
      g6_herav_utviklingshemming: 45,
      comments: 'Fra fagsystemet.',
    });
    // The workbook downloaded again holds what was saved.
    const again = new ExcelJS.Workbook();
    await again.xlsx.load(
      (await app.inject({ method: 'GET', url: '/api/respondent/form.xlsx', headers: { cookie } }))
        .rawPayload as unknown as ArrayBuffer,
    );
    const saved = new Map<string, unknown>();
    again.getWorksheet('Skjema')!.eachRow((row) => saved.set(row.getCell(1).text, row.getCell(4).value));
    expect(saved.get('g2_malgrupper')).toBe('ELDRE; ANNET');
    expect(saved.get('g2_system')).toBe('ja');

    const bad = await upload(await fill({ g2_system: 'kanskje', g6_beboere_dogn: 'mange' }));
    expect(bad.statusCode).toBe(400);
    const errors = bad.json<{ errors: { cell: string; message: string }[] }>().errors;
    expect(errors.map((e) => e.message)).toEqual([
      '«kanskje»: skriv ja eller nei.',
      '«mange» er ikke et tall.',
    ]);
    expect(errors.every((e) => /^D\d+$/.test(e.cell))).toBe(true);
    expect(wireFormRound.parse((await get('skjema4-2021')).json()).answers.g6_beboere_dogn).toBe(120);

    // Another unit's workbook, of another round, is refused as such; nothing of it is saved.
    const theirs = await app.inject({
      method: 'GET',
      url: '/api/respondent/form.xlsx',
      headers: { cookie: cookies.get('skjema1-2021')! },
    });
    const foreign = await upload(theirs.rawPayload);
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json<{ errors: { message: string }[] }>().errors.map((e) => e.message)).toEqual(
      expect.arrayContaining([
        'Arbeidsboken gjelder 4640, ikke 030105.',
        'Arbeidsboken gjelder runden skjema1-2021, ikke skjema4-2021.',
      ]),
    );
    expect(wireFormRound.parse((await get('skjema4-2021')).json()).answers.g6_beboere_dogn).toBe(120);
  });

  test("a form not yet begun starts from last year's answers of the items the form prefills so", async () => {
    const unit = { code: '030106', name: 'Bydel Ullern', kind: 'oslo_district' } as const;
    for (const year of [2020, 2021])
      await createFormRound(db, {
        id: `skjema4-${year}-ullern`,
        definition: form('kostra-skjema-4'),
        sharedLists: library.lists,
        year,
        units: [unit],
        deadline: new Date(Date.now() + 86_400_000),
      });
    await appendVersion(db, 'skjema4-2020-ullern', unit.code, 0, {
      content: { tables: {}, comments: '' },
      answers: {
        g2_system: true,
        g2_malgrupper: ['ELDRE'],
        g6_beboere_dogn: 88,
        g6_herav_utviklingshemming: 20,
      },
      status: 'submitted',
      savedBy: 'respondent',
      submittedAt: new Date('2021-01-10T10:00:00Z'),
    });
    const [issued] = await issueTokens(db, 'skjema4-2021-ullern');
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { token: issued!.token },
    });
    const cookie = `${signIn.cookies[0]!.name}=${signIn.cookies[0]!.value}`;
    const view = wireFormRound.parse(
      (await app.inject({ method: 'GET', url: '/api/respondent/form', headers: { cookie } })).json(),
    );
    // Only point 6's residents are prefilled from last year; nothing is saved until the respondent saves.
    expect(view.answers).toEqual({ g6_beboere_dogn: 88 });
    expect(view.version).toBe(0);
  });

  test('a round is refused for a unit the form is not filled by, or a year it does not cover', async () => {
    await expect(
      createFormRound(db, {
        id: 'x',
        definition: form('kostra-skjema-4'),
        sharedLists: library.lists,
        year: 2021,
        units: [{ code: '030117', name: 'Marka', kind: 'oslo_district' }],
      }),
    ).rejects.toThrow('round x, units.0: "030117" is not a code of a oslo_district');
    await expect(
      createFormRound(db, {
        id: 'y',
        definition: form('kostra-skjema-4'),
        sharedLists: library.lists,
        year: 2019,
        units: [],
      }),
    ).rejects.toThrow('the form covers 2020–2021, not 2019');
  });
});
