import type { FastifyInstance } from 'fastify';
import JSONstat from 'jsonstat-toolkit';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { importRound } from '../app/import-round.ts';
import { loadReferenceData, loadSurveyDefinition } from '../files/product-data.ts';
import type { SurveyRound } from '../domain/survey/round.ts';
import type { Db } from '../store/database.ts';
import { testDatabases } from '../store/testing/databases.ts';
import { buildApp } from './app.ts';
import { addKari, staffCookie } from './testing/staff.ts';
import { PILOT } from '../testing/shared-data.ts';

const databases = await testDatabases();

describe.each(databases)('published tables behind the PxWeb API on $kind', (database) => {
  let db: Db;
  let drop: () => Promise<void>;
  let app: FastifyInstance;
  let pilot: SurveyRound;
  const get = (url: string) => app.inject({ method: 'GET', url });

  beforeAll(async () => {
    ({ db, drop } = await database.open());
    pilot = await importRound(db, PILOT, await loadSurveyDefinition('f254'), await loadReferenceData());
    await addKari(db);
    app = await buildApp({ db, cookieSecret: 'pxweb-secret-pxweb-secret-pxweb-secret' });
    const cookie = await staffCookie(app);
    const published = await app.inject({
      method: 'POST',
      url: `/api/staff/rounds/${pilot.id}/publish`,
      headers: { cookie },
    });
    expect(published.statusCode).toBe(200);
  }, 60_000);
  afterAll(async () => {
    await app.close();
    await drop();
  });

  test('publishing needs a statistician', async () => {
    const response = await app.inject({ method: 'POST', url: `/api/staff/rounds/${pilot.id}/publish` });
    expect(response.statusCode).toBe(401);
  });

  test('the list and one table, as PxWeb API v2 gives them', async () => {
    const list = (await get('/api/v2/tables?lang=no')).json<{
      language: string;
      tables: { id: string; type: string; firstPeriod: string; links: { rel: string; href: string }[] }[];
      page: { totalElements: number };
    }>();
    expect(list.language).toBe('no');
    expect(list.tables.map((t) => t.id)).toEqual(['F254MALGRUPPE', 'F254VIRKSOMHET']);
    expect(list.page.totalElements).toBe(2);
    expect(list.tables[1]).toMatchObject({ type: 'Table', firstPeriod: String(pilot.referenceYear) });
    expect(list.tables[1]!.links.map((l) => l.rel)).toEqual(['self', 'metadata', 'data']);
    expect((await get('/api/v2/tables?query=målgruppe')).json<{ tables: unknown[] }>().tables).toHaveLength(
      1,
    );
    expect((await get('/api/v2/tables/F254VIRKSOMHET')).json()).toMatchObject({
      id: 'F254VIRKSOMHET',
      language: 'no',
    });
  });

  test('metadata and data as JSON-stat 2.0, read by jsonstat-toolkit: values, totals and suppressed cells', async () => {
    const meta = (await get('/api/v2/tables/F254VIRKSOMHET/metadata')).json<Record<string, unknown>>();
    expect(meta['value']).toBeUndefined();
    const metaset = JSONstat(meta);
    expect(metaset.Dimension('Kategori').id).toEqual([
      'AMBULANT',
      'BPA',
      'CARE_ALLOWANCE',
      'HOUSING_BASE',
      'OTHER',
      'IKKE_FORDELT',
      'F254',
    ]);

    const response = await get(
      '/api/v2/tables/F254VIRKSOMHET/data?valueCodes[Region]=I_ALT,3414,1103&valueCodes[ContentsCode]=AGD10',
    );
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    const dataset = JSONstat(response.json());
    expect(dataset.n).toBe(3 * 7 * 1 * 1);
    const cell = (Region: string, Kategori: string) =>
      dataset.Data({ Region, Kategori, ContentsCode: 'AGD10', Tid: String(pilot.referenceYear) });
    // All respondents' ambulant care: the sum of what they reported.
    const ambulant = pilot.responses.reduce(
      (s, r) => s + (r.tables['business_types']?.rows['AMBULANT']?.amounts['AGD10'] ?? 0),
      0,
    );
    expect(cell('I_ALT', 'AMBULANT')).toEqual({ value: ambulant, status: null });
    // 3414 ticked "fewer than five users" for BPA: withheld, with the confidentiality symbol.
    expect(cell('3414', 'BPA')).toEqual({ value: null, status: ':' });
    // A municipality's function total is its KOSTRA total.
    const oslo = pilot.invitations.find((i) => i.municipality === '1103')!;
    expect(cell('1103', 'F254')).toEqual({ value: oslo.prefilled['AGD10'], status: null });
  });

  test('jsonstat-toolkit reads every published table whole', async () => {
    const list = (await get('/api/v2/tables')).json<{ tables: { id: string }[] }>();
    for (const { id } of list.tables) {
      const dataset = JSONstat((await get(`/api/v2/tables/${id}/data`)).json());
      const total = dataset.Data({
        Region: 'I_ALT',
        Kategori: 'F254',
        ContentsCode: 'AGD10',
        Tid: String(pilot.referenceYear),
      });
      const kostra = pilot.invitations
        .filter((i) => pilot.responses.some((r) => r.municipality === i.municipality))
        .reduce((sum, i) => sum + (i.prefilled['AGD10'] ?? 0), 0);
      expect(dataset.n).toBe(37 * (id === 'F254VIRKSOMHET' ? 7 : 6) * 4);
      // The function total of all respondents is at least their KOSTRA totals (more where rows exceed them).
      expect(total?.value).toBeGreaterThanOrEqual(kostra);
    }
  });

  test('selections: top, range, wildcards; CSV and XLSX carry the same symbols', async () => {
    const regions = async (url: string) => JSONstat((await get(url)).json()).Dimension('Region').id;
    expect(await regions('/api/v2/tables/F254VIRKSOMHET/data?valueCodes[Region]=KG_*')).toEqual([
      'KG_ASSS',
      'KG_20000P',
      'KG_10000_19999',
      'KG_5000_9999',
      'KG_U5000',
    ]);
    expect(await regions('/api/v2/tables/F254VIRKSOMHET/data?valueCodes[Region]=range(3403,3414)')).toEqual([
      '3403',
      '3414',
    ]);
    expect(await regions('/api/v2/tables/F254VIRKSOMHET/data?valueCodes[Region]=top(2)')).toEqual([
      '5041',
      '5035',
    ]);

    const csv = await get(
      '/api/v2/tables/F254VIRKSOMHET/data?valueCodes[Region]=3414&valueCodes[Kategori]=BPA&outputFormat=csv',
    );
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.body.split('\n')[1]).toBe(
      `3414,3414 Nord-Odal,BPA,Brukerstyrt personlig assistanse (BPA),AGD10,Brutto driftsutgifter på funksjon/tjenesteområde,${pilot.referenceYear},${pilot.referenceYear},:`,
    );

    const xlsx = await get(
      '/api/v2/tables/F254VIRKSOMHET/data?valueCodes[Region]=3414&valueCodes[Kategori]=BPA,F254&valueCodes[ContentsCode]=AGD10&outputFormat=xlsx',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const rows = workbook.worksheets[0]!.getSheetValues()
      .slice(3)
      .map((r) => (r as unknown[]).at(-1));
    expect(rows[0]).toBe(':');
    expect(typeof rows[1]).toBe('number');
  });

  test('errors as problems: unknown table, variable, value and format', async () => {
    const problem = async (url: string) => {
      const r = await get(url);
      expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
      return { status: r.statusCode, ...r.json<{ title: string; detail: string }>() };
    };
    expect(await problem('/api/v2/tables/NOPE/data')).toMatchObject({
      status: 404,
      detail: 'no table with id NOPE',
    });
    expect(await problem('/api/v2/tables/F254VIRKSOMHET/data?valueCodes[Fylke]=03')).toMatchObject({
      status: 400,
      title: 'Non-existent variable',
    });
    expect(await problem('/api/v2/tables/F254VIRKSOMHET/data?valueCodes[Region]=9999')).toMatchObject({
      status: 400,
      detail: 'valueCodes, Region: no value "9999" in variable Region',
    });
    expect(await problem('/api/v2/tables/F254VIRKSOMHET/data?outputFormat=px')).toMatchObject({
      status: 400,
      title: 'Unsupported output format',
    });
    expect(await problem('/api/v2/tables?lang=sv')).toMatchObject({
      status: 400,
      title: 'Unsupported language',
    });
  });
});
