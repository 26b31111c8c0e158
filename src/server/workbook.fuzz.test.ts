import ExcelJS from 'exceljs';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ensureDemoRound } from '../app/demo-round.ts';
import { openDatabase, type Db } from '../store/database.ts';
import { latestVersion } from '../store/responses.ts';
import { FUZZ_TIMEOUT, fuzzParameters, mutated } from '../testing/fuzz.ts';
import { buildApp } from './app.ts';
import { presentContent } from './presenters/form.ts';
import { XLSX } from './routes/respondent-form.ts';
import { responseContentSchema } from '../files/responses-json.ts';

/*
 * The Excel upload fed workbooks as a user's Excel may make them: the form's own workbook with cells
 * overwritten by any kind of value Excel holds (text, numbers of any size, dates, booleans, formulas and
 * their errors, rich text, hyperlinks), and the file's bytes damaged. The answer is a saved draft or a 400
 * that names a cell (or says it is no workbook of the form), never a 5xx, and a refusal saves nothing.
 */

let db: Db;
let app: FastifyInstance;
let cookie: string;
let roundId: string;
let municipality: string;
let version = 0;
let blank: Buffer;

beforeAll(async () => {
  db = await openDatabase();
  const [first] = await ensureDemoRound(db, new Date());
  app = await buildApp({ db, cookieSecret: 'workbook-fuzz-secret-workbook-fuzz-secret' });
  const signIn = await app.inject({ method: 'POST', url: '/api/session', payload: { token: first!.token } });
  cookie = `${signIn.cookies[0]!.name}=${signIn.cookies[0]!.value}`;
  const form = (await app.inject({ method: 'GET', url: '/api/respondent/form', headers: { cookie } })).json<{
    round: { id: string };
    municipality: { code: string };
    version: number;
  }>();
  ({ version } = form);
  roundId = form.round.id;
  municipality = form.municipality.code;
  blank = (await app.inject({ method: 'GET', url: '/api/respondent/form.xlsx', headers: { cookie } }))
    .rawPayload;
});
afterAll(async () => {
  await app.close();
  await db.destroy();
});

const cellValue: fc.Arbitrary<ExcelJS.CellValue> = fc.oneof(
  mutated('1 234,5'),
  fc.string({ maxLength: 40 }),
  fc.constantFrom('ja', 'x', 'nei', '\u0000', '\uD800', '=1/0', '1e308', '-0', '99999999999999999999'),
  fc.double(),
  fc.integer({ min: -(2 ** 53), max: 2 ** 53 }),
  fc.boolean(),
  fc.date({ noInvalidDate: true }),
  fc.constant(null),
  fc.constantFrom<ExcelJS.CellValue>(
    { formula: '1/0', result: { error: '#DIV/0!' } },
    { formula: 'D10+D11', result: 12 },
    { formula: 'A1', result: 'row:business_types:AMBULANT' },
    { error: '#N/A' },
    { richText: [{ text: '12' }, { text: '34' }] },
    { text: 'lenke', hyperlink: 'https://example.org' },
  ),
);

const overwrite = fc.record({
  row: fc.integer({ min: 1, max: 40 }),
  column: fc.integer({ min: 1, max: 9 }),
  value: cellValue,
});

async function edited(cells: readonly { row: number; column: number; value: ExcelJS.CellValue }[]) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(blank as unknown as ArrayBuffer);
  const sheet = book.worksheets[0]!;
  for (const { row, column, value } of cells) sheet.getCell(row, column).value = value;
  return Buffer.from(await book.xlsx.writeBuffer());
}

const damaged = fc
  .array(fc.record({ at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }), { minLength: 1, maxLength: 20 })
  .map((flips) => {
    const bytes = Buffer.from(blank);
    for (const { at, byte } of flips) bytes[at % bytes.length] = byte;
    return bytes;
  });

async function upload(workbook: Buffer): Promise<boolean> {
  const before = version;
  const res = await app.inject({
    method: 'PUT',
    url: '/api/respondent/form.xlsx',
    headers: { cookie, 'content-type': XLSX, 'if-match': String(version) },
    payload: workbook,
  });
  if (res.statusCode === 200) {
    version = res.json<{ version: number }>().version;
    // What a workbook saves is what the form's own API would take: amounts in range, storable text.
    const saved = await latestVersion(db, roundId, municipality);
    responseContentSchema.parse(presentContent(saved!.content));
    return true;
  }
  if (res.statusCode !== 400) throw new Error(`${res.statusCode}: ${res.body.slice(0, 300)}`);
  const refusal = res.json<{ detail?: string; errors?: { cell: string; message: string }[] }>();
  expect(refusal.detail).toBeTruthy();
  for (const error of refusal.errors ?? []) expect(error.message).toBeTruthy();
  // Nothing half-written: the latest version is the one before the upload.
  expect((await latestVersion(db, roundId, municipality))?.version ?? 0).toBe(before);
  return true;
}

test('cells of any kind in the form workbook', { timeout: FUZZ_TIMEOUT }, async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(overwrite, { minLength: 1, maxLength: 6 }), async (cells) =>
      upload(await edited(cells)),
    ),
    fuzzParameters(100),
  );
});

test('damaged workbook files', { timeout: FUZZ_TIMEOUT }, async () => {
  await fc.assert(fc.asyncProperty(damaged, upload), fuzzParameters(100));
});
