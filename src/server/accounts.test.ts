import { readFile } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Db } from '../store/database.ts';
import { testDatabases } from '../store/testing/databases.ts';
import { buildApp } from './app.ts';
import { KONGSVINGER } from '../testing/shared-data.ts';

const [pglite] = await testDatabases();
describe('a municipality checks its accounting file', () => {
  let db: Db;
  let drop: () => Promise<void>;
  let app: FastifyInstance;
  beforeAll(async () => {
    ({ db, drop } = await pglite!.open());
    app = await buildApp({ db, cookieSecret: 'accounts-secret-accounts-secret-accounts' });
  });
  afterAll(async () => {
    await app.close();
    await drop();
  });

  const check = async (query: string, payload: Buffer | string, type = 'application/octet-stream') =>
    app.inject({
      method: 'POST',
      url: `/api/accounts/check?${query}`,
      headers: { 'content-type': type },
      payload,
    });

  test('the findings and the key figures of function 254, nothing stored', async () => {
    const response = await check('year=2019&skjema=0A&region=040200&quarter=4', await readFile(KONGSVINGER));
    expect(response.statusCode).toBe(200);
    const body = response.json<{
      records: number;
      highest: string;
      findings: { rule: string }[];
      functions: { function: string; figures: { code: string; value: number }[] }[];
    }>();
    expect(body.records).toBe(1644);
    // SSB's quarterly program: two functions illogical in investment inform, nothing blocks.
    expect(body.highest).toBe('INFO');
    expect([...new Set(body.findings.map((f) => f.rule))]).toEqual(['045']);
    expect(body.functions.map((f) => f.function)).toEqual(['254']);
    expect(body.functions[0]!.figures.find((k) => k.code === 'AGD10')?.value).toBe(251023);
    expect(await db.selectFrom('account_figure').selectAll().execute()).toEqual([]);
    // With an organisation number declared, every record of Kongsvinger's (blank) is another's.
    const declared = await check(
      'year=2019&skjema=0A&region=040200&quarter=4&orgnr=964950113',
      await readFile(KONGSVINGER),
    );
    expect(declared.json<{ findings: { rule: string; count: number }[] }>().findings).toContainEqual(
      expect.objectContaining({ rule: '007', count: 1581 }),
    );
    expect((await check('year=2019&skjema=0A&region=040200&orgnr=12', 'x')).statusCode).toBe(400);
  });

  test("the file limit is the check route's own: elsewhere a binary body is refused at the server's limit", async () => {
    const big = Buffer.alloc(1024 * 1024, '0A20194040200                  1120 010    36328\r\n');
    const checked = await check('year=2019&skjema=0A&region=040200', big);
    expect(checked.statusCode).toBe(200);
    const elsewhere = await app.inject({
      method: 'POST',
      url: '/api/session',
      headers: { 'content-type': 'application/octet-stream' },
      payload: big,
    });
    expect(elsewhere.statusCode).toBe(413);
    expect(elsewhere.json()).toMatchObject({ title: 'The request body is too large' });
  });

  test('bad parameters and a wrong media type are problems that say what is wrong', async () => {
    const bad = await check('year=2019&skjema=0X&region=040200', 'x');
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ detail: string }>().detail).toMatch(/^skjema: /);
    expect((await check('year=2019&skjema=0A&region=040200', '{}', 'application/json')).statusCode).toBe(415);
  });

  test('the chart of accounts of a year: 254 until 2023, 257 and 258 from 2024, with the dated changes', async () => {
    const chart = async (year: number) =>
      (await app.inject({ method: 'GET', url: `/api/chart-of-accounts/${year}` })).json<{
        functions: { code: string; name?: string }[];
        changes: { id: string }[];
      }>();
    const y2023 = await chart(2023);
    const y2024 = await chart(2024);
    expect(y2023.functions.find((f) => f.code === '254')?.name).toBe(
      'Helse- og omsorgstjenester til hjemmeboende',
    );
    expect(y2024.functions.some((f) => f.code === '254')).toBe(false);
    expect(y2024.functions.filter((f) => f.code === '257' || f.code === '258')).toHaveLength(2);
    expect(y2024.changes.map((c) => c.id)).toContain('wg-2021-rusinstitusjoner');
  });
});
