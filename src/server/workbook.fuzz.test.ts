import ExcelJS from 'exceljs';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ensureDemoRound } from '../app/demo-round.ts';
import { openDatabase, type Db } from '../store/database.ts';
import { latestVersion } from '../store/responses.ts';
import { FUZZ_TIMEOUT, fuzzParameters, mutated } from '../testing/fuzz.ts';
import { buildApp } from './app.ts';
import { presentContent } from './presenters/form.ts';
import { XLSX } from './routes/respondent-form.ts';
import { responseContentSchema } from '../files/responses-json.ts';
import { loadFormLibrary } from '../files/form-definitions.ts';
import { createFormRound } from '../store/form-rounds.ts';
import { issueTokens } from '../store/respondents.ts';
import { wireAnswer } from '../wire/form-answers.ts';
import * as z from 'zod';

/*
 * The Excel upload fed workbooks as a user's Excel may make them: the form's own workbook with cells
 * overwritten by any kind of value Excel holds (text, numbers of any size, dates, booleans, formulas and
 * their errors, rich text, hyperlinks), and the file's bytes damaged. The answer is a saved draft or a 400
 * that names a cell (or says it is no workbook of the form), never a 5xx, and a refusal saves nothing.
 * Both workbooks: a survey round's (f254) and a form round's (skjema 1 on the forms engine).
 */

let db: Db;
let app: FastifyInstance;

interface Target {
  cookie: string;
  roundId: string;
  municipality: string;
  version: number;
  blank: Buffer;
  /** What a saved upload must be: what the form's own API would take. */
  check: (saved: NonNullable<Awaited<ReturnType<typeof latestVersion>>>) => void;
}
const targets = new Map<string, Target>();

const signIn = async (token: string) => {
  const res = await app.inject({ method: 'POST', url: '/api/session', payload: { token } });
  return `${res.cookies[0]!.name}=${res.cookies[0]!.value}`;
};
const blankOf = async (cookie: string) =>
  (await app.inject({ method: 'GET', url: '/api/respondent/form.xlsx', headers: { cookie } })).rawPayload;

beforeAll(async () => {
  db = await openDatabase();
  const [first] = await ensureDemoRound(db, new Date());
  app = await buildApp({ db, cookieSecret: 'workbook-fuzz-secret-workbook-fuzz-secret' });
  const surveyCookie = await signIn(first!.token);
  const form = (
    await app.inject({ method: 'GET', url: '/api/respondent/form', headers: { cookie: surveyCookie } })
  ).json<{ round: { id: string }; municipality: { code: string }; version: number }>();
  targets.set('a survey round', {
    cookie: surveyCookie,
    roundId: form.round.id,
    municipality: form.municipality.code,
    version: form.version,
    blank: await blankOf(surveyCookie),
    check: (saved) => responseContentSchema.parse(presentContent(saved.content)),
  });
  const library = await loadFormLibrary();
  await createFormRound(db, {
    id: 'skjema1-fuzz',
    definition: library.forms.find((f) => f.id === 'kostra-skjema-1')!,
    sharedLists: library.lists,
    year: 2021,
    units: [{ code: '4640', name: 'Sogndal', kind: 'municipality' }],
    deadline: new Date(Date.now() + 86_400_000),
  });
  const formCookie = await signIn((await issueTokens(db, 'skjema1-fuzz'))[0]!.token);
  targets.set('a form round', {
    cookie: formCookie,
    roundId: 'skjema1-fuzz',
    municipality: '4640',
    version: 0,
    blank: await blankOf(formCookie),
    check: (saved) => z.record(z.string(), wireAnswer).parse(saved.answers),
  });
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

describe.each(['a survey round', 'a form round'])('the workbook of %s', (name) => {
  const target = () => targets.get(name)!;

  async function edited(cells: readonly { row: number; column: number; value: ExcelJS.CellValue }[]) {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(target().blank as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    for (const { row, column, value } of cells) sheet.getCell(row, column).value = value;
    return Buffer.from(await book.xlsx.writeBuffer());
  }

  const damaged = fc
    .array(fc.record({ at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }), {
      minLength: 1,
      maxLength: 20,
    })
    .map((flips) => {
      const bytes = Buffer.from(target().blank);
      for (const { at, byte } of flips) bytes[at % bytes.length] = byte;
      return bytes;
    });

  async function upload(workbook: Buffer): Promise<boolean> {
    const t = target();
    const before = t.version;
    const res = await app.inject({
      method: 'PUT',
      url: '/api/respondent/form.xlsx',
      headers: { cookie: t.cookie, 'content-type': XLSX, 'if-match': String(t.version) },
      payload: workbook,
    });
    if (res.statusCode === 200) {
      t.version = res.json<{ version: number }>().version;
      t.check((await latestVersion(db, t.roundId, t.municipality))!);
      return true;
    }
    if (res.statusCode !== 400) throw new Error(`${res.statusCode}: ${res.body.slice(0, 300)}`);
    const refusal = res.json<{ detail?: string; errors?: { cell: string; message: string }[] }>();
    expect(refusal.detail).toBeTruthy();
    for (const error of refusal.errors ?? []) expect(error.message).toBeTruthy();
    // Nothing half-written: the latest version is the one before the upload.
    expect((await latestVersion(db, t.roundId, t.municipality))?.version ?? 0).toBe(before);
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
});
