import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { definition, invitation, round } from '../domain/testing/rounds.ts';
import type { Db } from '../store/database.ts';
import { issueTokens } from '../store/respondents.ts';
import { saveRound } from '../store/rounds.ts';
import { testDatabases } from '../store/testing/databases.ts';
import { buildApp } from './app.ts';
import { XLSX } from './routes/respondent-form.ts';

const databases = await testDatabases();

/** Finds the row of a hidden key in column A and sets cells in it, as a person filling in would. */
async function fill(data: Buffer, edits: Record<string, Record<number, ExcelJS.CellValue>>): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(data as unknown as ArrayBuffer);
  const sheet = book.getWorksheet('Skjema')!;
  sheet.eachRow((row) => {
    const edit = edits[row.getCell(1).text];
    if (edit) for (const [col, value] of Object.entries(edit)) row.getCell(Number(col)).value = value;
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe.each(databases)('the form as an Excel workbook on $kind', (database) => {
  let db: Db;
  let drop: () => Promise<void>;
  let app: FastifyInstance;
  let cookie: string;
  let otherCookie: string;

  beforeAll(async () => {
    ({ db, drop } = await database.open());
    await saveRound(db, definition, {
      ...round([
        invitation('3403', {
          name: 'Hamar',
          prefilled: { AGD10: 9000, AGD4: 8000, AGD16: 7000, AGD2: 8500 },
        }),
        invitation('5041'),
      ]),
      id: 'round-x',
    });
    const tokens = await issueTokens(db, 'round-x');
    app = await buildApp({ db, cookieSecret: 'workbook-secret-workbook-secret-123' });
    const signIn = async (municipality: string) => {
      const token = tokens.find((t) => t.municipality === municipality)!.token;
      const res = await app.inject({ method: 'POST', url: '/api/session', payload: { token } });
      return `${res.cookies[0]!.name}=${res.cookies[0]!.value}`;
    };
    cookie = await signIn('3403');
    otherCookie = await signIn('5041');
  });
  afterAll(async () => {
    await app.close();
    await drop();
  });

  const download = async (who = cookie) => {
    const res = await app.inject({
      method: 'GET',
      url: '/api/respondent/form.xlsx',
      headers: { cookie: who },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX);
    return res.rawPayload;
  };
  const upload = (data: Buffer, version: number, who = cookie) =>
    app.inject({
      method: 'PUT',
      url: '/api/respondent/form.xlsx',
      headers: { cookie: who, 'content-type': XLSX, 'if-match': String(version) },
      payload: data,
    });
  const current = async () =>
    (await app.inject({ method: 'GET', url: '/api/respondent/form', headers: { cookie } })).json<{
      version: number;
      response: unknown;
    }>();

  test('a workbook filled in and uploaded becomes a new draft', async () => {
    const filled = await fill(await download(), {
      'row:business_types:AMBULANT': { 4: 300, 5: '270', 6: '1 234', 7: 290 },
      'row:business_types:BPA': { 3: 'ja' },
      'method:business_types:COST_STRUCTURE': { 3: 'x' },
      comments: { 3: 'Fylt ut i Excel.' },
    });
    const res = await upload(filled, 0);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ version: 1, errors: [], warnings: [] });
    expect(await current()).toMatchObject({
      version: 1,
      response: {
        comments: 'Fylt ut i Excel.',
        tables: {
          business_types: {
            methods: ['COST_STRUCTURE'],
            rows: {
              AMBULANT: { fewer_than_5: false, amounts: { AGD10: 300, AGD4: 270, AGD16: 1234, AGD2: 290 } },
              BPA: { fewer_than_5: true, amounts: { AGD10: null, AGD4: null, AGD16: null, AGD2: null } },
            },
          },
        },
      },
    });
    // The next download carries what was saved.
    const again = new ExcelJS.Workbook();
    await again.xlsx.load((await download()) as unknown as ArrayBuffer);
    const values: unknown[] = [];
    again.getWorksheet('Skjema')!.eachRow((row) => {
      if (row.getCell(1).value === 'row:business_types:AMBULANT') values.push(row.getCell(4).value);
    });
    expect(values).toEqual([300]);
  });

  test('errors are given per cell, and nothing changes unless the whole upload is valid', async () => {
    const bad = await fill(await download(), {
      'row:target_groups:ELDERLY': { 4: '12 kroner', 3: 'kanskje' },
      'row:business_types:AMBULANT': { 4: 999 },
    });
    const res = await upload(bad, 1);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    const errors = res.json<{ errors: { cell: string; message: string }[] }>().errors;
    expect(errors.map((e) => e.message)).toEqual([
      '«kanskje»: skriv «ja» eller la cellen stå tom.',
      '«12 kroner» er ikke et tall.',
    ]);
    expect(errors.every((e) => /^[A-G]\d+$/.test(e.cell))).toBe(true);
    expect((await current()).version).toBe(1);
  });

  test('an amount the form cannot hold is refused in its cell, as the form itself refuses it', async () => {
    const bad = await fill(await download(), {
      'row:business_types:AMBULANT': { 4: -1_000_000_000 },
      'row:business_types:BPA': { 5: 999_999_999 },
    });
    const res = await upload(bad, 1);
    expect(res.statusCode).toBe(400);
    const errors = res.json<{ errors: { cell: string; message: string }[] }>().errors;
    expect(errors.map((e) => e.message)).toEqual([
      '«-1000000000» er for stort: beløp i 1000 kroner kan være høyst 999 999 999 (med fortegn).',
    ]);
    expect(errors[0]?.cell).toMatch(/^D\d+$/);
    expect((await current()).version).toBe(1);
  });

  test("another municipality's workbook is refused", async () => {
    const theirs = await download(otherCookie);
    const res = await upload(theirs, 1);
    expect(res.statusCode).toBe(400);
    expect(res.json<{ detail: string }>().detail).toBe('Arbeidsboken gjelder kommune 5041, ikke 3403.');
    expect((await current()).version).toBe(1);
  });

  test('a file that is no workbook, and a stale version, are refused', async () => {
    const junk = await upload(Buffer.from('not a zip at all'), 1);
    expect(junk.statusCode).toBe(400);
    expect(junk.json<{ detail: string }>().detail).toBe(
      'Filen er ikke en Excel-fil (.xlsx) fra dette skjemaet.',
    );
    const stale = await upload(await download(), 0);
    expect(stale.statusCode).toBe(412);
    expect((await current()).version).toBe(1);
  });
});
