import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import JSONstat from 'jsonstat-toolkit';
import ExcelJS from 'exceljs';
import createClient from 'openapi-fetch';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { importRound } from '../app/import-round.ts';
import {
  loadKostraGroups,
  loadMunicipalityRows,
  loadPopulationAtEndOf,
  loadReferenceData,
  loadSurveyDefinition,
} from '../files/product-data.ts';
import type { SurveyRound } from '../domain/survey/round.ts';
import type { Db } from '../store/database.ts';
import { testDatabases } from '../store/testing/databases.ts';
import { buildApp } from './app.ts';
import { pxwebFaults, type PxwebSchema } from './testing/pxweb-schemas.ts';
import { addKari, staffCookie } from './testing/staff.ts';
import { PILOT } from '../testing/shared-data.ts';

const databases = await testDatabases();

/** The schema of PxWeb API v2 a response to this path must meet. */
function schemaOf(method: string, path: string, response: LightMyRequestResponse): PxwebSchema | undefined {
  const type = String(response.headers['content-type']);
  if (type.startsWith('application/problem+json')) return 'Problem';
  if (!type.startsWith('application/json')) return undefined; // CSV, XLSX: no schema
  const p = path.replace(/\?.*$/, '');
  if (p === '/api/v2/config') return 'ConfigResponse';
  if (p === '/api/v2/tables') return 'TablesResponse';
  if (/^\/api\/v2\/tables\/[^/]+$/.test(p)) return 'TableResponse';
  if (/\/(metadata|data)$/.test(p)) return 'Dataset';
  if (/\/(defaultselection|selection)$/.test(p)) return 'SelectionResponse';
  if (/^\/api\/v2\/codelists\//.test(p)) return 'CodelistResponse';
  if (/^\/api\/v2\/savedqueries/.test(p)) return 'SavedQueryResponse';
  throw new Error(`no schema for ${method} ${path}`);
}

describe.each(databases)('published tables behind the PxWeb API on $kind', (database) => {
  let db: Db;
  let drop: () => Promise<void>;
  let app: FastifyInstance;
  let pilot: SurveyRound;
  let year: string;
  let cookie: string;
  let regionCount: number;
  let publishedTables: { id: string; statbank: { filename: string; href: string }[] }[];

  /** Every response is held to the PxWeb API v2 specification (and datasets to json-stat.org's schema). */
  const call = async (method: 'GET' | 'POST', url: string, payload?: unknown) => {
    const response = await app.inject({
      method,
      url,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
    const schema = schemaOf(method, url, response);
    if (schema) expect(pxwebFaults(schema, response.json()), `${method} ${url}`).toBe('');
    return response;
  };
  const get = (url: string) => call('GET', url);
  const problem = async (url: string, payload?: unknown) => {
    const r = await call(payload === undefined ? 'GET' : 'POST', url, payload);
    expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
    return { status: r.statusCode, ...r.json<{ title: string; detail: string }>() };
  };

  beforeAll(async () => {
    ({ db, drop } = await database.open());
    pilot = await importRound(db, PILOT, await loadSurveyDefinition('f254'), await loadReferenceData());
    year = String(pilot.referenceYear);
    // The table's regions: all respondents, their size groups, the country without Oslo, their counties and
    // KOSTRA groups, and each of them.
    const respondents = pilot.responses.map((r) => r.municipality);
    const rows = (await loadMunicipalityRows(pilot.referenceYear))!;
    const groups = await loadKostraGroups(pilot.referenceYear);
    const distinct = (codes: (string | undefined)[]) => new Set(codes).size;
    regionCount =
      1 +
      distinct(
        pilot.invitations.filter((i) => respondents.includes(i.municipality)).map((i) => i.sizeGroup),
      ) +
      (respondents.includes('0301') ? 1 : 0) +
      distinct(respondents.map((m) => rows.find((r) => r.code === m)!.countyCode)) +
      distinct(respondents.map((m) => groups.get(m))) +
      respondents.length;
    await addKari(db);
    app = await buildApp({
      db,
      cookieSecret: 'pxweb-secret-pxweb-secret-pxweb-secret',
      pxwebRateLimit: { calls: 10_000, windowSeconds: 10 },
    });
    cookie = await staffCookie(app);
    const published = await app.inject({
      method: 'POST',
      url: `/api/staff/rounds/${pilot.id}/publish`,
      headers: { cookie },
    });
    expect(published.statusCode).toBe(200);
    publishedTables = published.json<{ tables: typeof publishedTables }>().tables;
  }, 60_000);
  afterAll(async () => {
    await app.close();
    await drop();
  });

  test('publishing needs a statistician', async () => {
    const response = await app.inject({ method: 'POST', url: `/api/staff/rounds/${pilot.id}/publish` });
    expect(response.statusCode).toBe(401);
  });

  test('the publication gives each table’s StatBank load file, for statisticians to download', async () => {
    expect(publishedTables.map((t) => t.statbank.map((f) => f.filename))).toEqual([
      ['f254virksomhet1.dat'],
      ['f254malgruppe1.dat'],
    ]);
    const href = publishedTables[0]!.statbank[0]!.href;
    expect((await app.inject({ url: href })).statusCode).toBe(401);
    const file = await app.inject({ url: href, headers: { cookie } });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-disposition']).toBe('attachment; filename="f254virksomhet1.dat"');
    const lines = file.body.split('\r\n');
    expect(lines).toHaveLength(regionCount * 7 + 1);
    // The JSON-stat's withheld cells are the load file's suppression code 04, its values left empty.
    const json = JSONstat(
      (
        await get(
          `/api/v2/tables/F254VIRKSOMHET/data?valuecodes[Region]=3414&valuecodes[Kategori]=BPA&valuecodes[ContentsCode]=*&valuecodes[Tid]=*`,
        )
      ).json(),
    );
    // Each measure withheld, and with it each per inhabitant, 67+ and 80+.
    expect(json.status).toEqual(Array(16).fill(':'));
    expect(lines).toContain(`3414;BPA;${year};;;;;04;04;04;04`);
    expect(
      (
        await app.inject({
          url: '/api/staff/publications/F254VIRKSOMHET/statbank/x.dat',
          headers: { cookie },
        })
      ).statusCode,
    ).toBe(404);
  });

  test('the configuration, the list and one table, as PxWeb API v2 gives them', async () => {
    const config = (await get('/api/v2/config')).json<{
      languages: { id: string }[];
      dataFormats: string[];
    }>();
    expect(config.languages.map((l) => l.id)).toEqual(['no', 'en']);
    expect(config.dataFormats).toEqual(['json-stat2', 'csv', 'xlsx']);

    const list = (await get('/api/v2/tables?lang=no')).json<{
      language: string;
      tables: { id: string; updated: string; firstPeriod: string; links: { rel: string; href: string }[] }[];
      page: { totalElements: number };
    }>();
    expect(list.language).toBe('no');
    expect(list.tables.map((t) => t.id)).toEqual(['F254MALGRUPPE', 'F254VIRKSOMHET']);
    expect(list.page.totalElements).toBe(2);
    expect(list.tables[1]).toMatchObject({
      firstPeriod: year,
      updated: expect.stringMatching(/^\d{4}-\d\d-\d\d$/) as unknown,
    });
    expect(list.tables[1]!.links.map((l) => l.rel)).toEqual(['self', 'metadata', 'data']);
    expect((await get('/api/v2/tables?query=målgruppe')).json<{ tables: unknown[] }>().tables).toHaveLength(
      1,
    );
    expect((await get('/api/v2/tables?pastDays=1')).json<{ tables: unknown[] }>().tables).toHaveLength(2);
    const page = (await get('/api/v2/tables?pageSize=1&pageNumber=1')).json<{
      tables: unknown[];
      page: { totalPages: number; links: { rel: string }[] };
    }>();
    expect(page.tables).toHaveLength(1);
    expect(page.page.totalPages).toBe(2);
    expect(page.page.links.map((l) => l.rel)).toEqual(['next']);
    expect((await get('/api/v2/tables/F254VIRKSOMHET')).json()).toMatchObject({
      id: 'F254VIRKSOMHET',
      language: 'no',
    });
    expect((await get('/api/v2/tables/F254VIRKSOMHET?lang=en')).json()).toMatchObject({
      language: 'en',
      label: `Health and care services for people living at home (function 254), by business type (NOK 1000) ${year}`,
    });
  });

  test('metadata as JSON-stat 2.0 with PxWeb’s extensions: totals to leave out, codelists to aggregate by', async () => {
    const meta = (await get('/api/v2/tables/F254VIRKSOMHET/metadata')).json<{
      value: unknown[];
      dimension: Record<
        string,
        { extension: { elimination: boolean; eliminationValueCode?: string; codelists?: { id: string }[] } }
      >;
    }>();
    expect(meta.value).toEqual([]);
    expect(JSONstat(meta).Dimension('Kategori').id).toEqual([
      'AMBULANT',
      'BPA',
      'CARE_ALLOWANCE',
      'HOUSING_BASE',
      'OTHER',
      'IKKE_FORDELT',
      'F254',
    ]);
    expect(meta.dimension['Region']!.extension).toMatchObject({
      elimination: true,
      eliminationValueCode: 'I_ALT',
    });
    expect(meta.dimension['ContentsCode']!.extension).toEqual({ elimination: false });
    expect(meta.dimension['Region']!.extension.codelists!.map((c) => c.id)).toEqual([
      `agg_Landet${year}`,
      `agg_Fylker${year}`,
      `agg_KOSTRAgrupper${year}`,
      `agg_Kommunestorrelse${year}`,
    ]);
    const counties = JSONstat(
      (await get(`/api/v2/tables/F254VIRKSOMHET/metadata?codelist[Region]=agg_Fylker${year}`)).json(),
    ).Dimension('Region');
    expect(counties.id).toContain('EKA34');
    expect(counties.Category('EKA34').label).toBe('Innlandet');

    const english = JSONstat((await get('/api/v2/tables/F254VIRKSOMHET/metadata?lang=en')).json());
    expect(english.Dimension('Kategori').Category('AMBULANT').label).toBe('Ambulant home care');
    expect(english.Dimension('ContentsCode').Category('AGD10').label).toBe(
      'Gross operating expenditure on the function/service area',
    );
  });

  test('data as JSON-stat 2.0, read by jsonstat-toolkit: values, totals and suppressed cells', async () => {
    const response = await get(
      `/api/v2/tables/F254VIRKSOMHET/data?valuecodes[Region]=I_ALT,3414,1103&valuecodes[ContentsCode]=AGD10&valuecodes[Kategori]=*&valuecodes[Tid]=${year}`,
    );
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    const dataset = JSONstat(response.json());
    expect(dataset.n).toBe(3 * 7 * 1 * 1);
    const cell = (Region: string, Kategori: string) =>
      dataset.Data({ Region, Kategori, ContentsCode: 'AGD10', Tid: year });
    // All respondents' ambulant care: the sum of what they reported.
    const ambulant = pilot.responses.reduce(
      (s, r) => s + (r.tables['business_types']?.rows['AMBULANT']?.amounts['AGD10'] ?? 0),
      0,
    );
    expect(cell('I_ALT', 'AMBULANT')).toEqual({ value: ambulant, status: null });
    // 3414 ticked "fewer than five users" for BPA: withheld, with the confidentiality symbol.
    expect(cell('3414', 'BPA')).toEqual({ value: null, status: ':' });
    // A municipality's function total is its KOSTRA total.
    const stavanger = pilot.invitations.find((i) => i.municipality === '1103')!;
    expect(cell('1103', 'F254')).toEqual({ value: stavanger.prefilled['AGD10'], status: null });

    // Left out, Region and Kategori give their totals; ContentsCode and Tid have none and must be named.
    const totals = JSONstat(
      (
        await get(`/api/v2/tables/F254VIRKSOMHET/data?valuecodes[ContentsCode]=AGD10&valuecodes[Tid]=${year}`)
      ).json(),
    );
    expect(totals.n).toBe(1);
    expect(totals.Dimension('Region').id).toEqual(['I_ALT']);
    expect(totals.Dimension('Kategori').id).toEqual(['F254']);
    expect(await problem('/api/v2/tables/F254VIRKSOMHET/data?valuecodes[Region]=I_ALT')).toMatchObject({
      status: 400,
      detail:
        'selection, ContentsCode: variable ContentsCode must be selected: it has no total to leave it out by',
    });
  });

  test('per inhabitant: a region’s amount over its respondents’ population; never summed from its members', async () => {
    const population = (await loadPopulationAtEndOf(pilot.referenceYear))!;
    const data = JSONstat(
      (
        await get(
          `/api/v2/tables/F254VIRKSOMHET/data?valuecodes[Region]=1103,EKA11&valuecodes[Kategori]=F254&valuecodes[ContentsCode]=AGD10,AGD10_INNB,AGD10_80&valuecodes[Tid]=${year}`,
        )
      ).json(),
    );
    const at = (Region: string, ContentsCode: string) =>
      data.Data({ Region, Kategori: 'F254', ContentsCode, Tid: year })!.value!;
    const stavanger = population.get('1103')!;
    expect(at('1103', 'AGD10_INNB')).toBe(Math.round((at('1103', 'AGD10') * 1000) / stavanger.total));
    expect(at('1103', 'AGD10_80')).toBe(Math.round((at('1103', 'AGD10') * 1000) / stavanger.age80plus));
    const rogaland = pilot.responses
      .map((r) => r.municipality)
      .filter((m) => m.startsWith('11'))
      .reduce((sum, m) => sum + population.get(m)!.total, 0);
    expect(at('EKA11', 'AGD10_INNB')).toBe(Math.round((at('EKA11', 'AGD10') * 1000) / rogaland));
    // Aggregated by a codelist, a ratio is the table's own aggregate, or not available: never a sum.
    const byCounty = JSONstat(
      (
        await get(
          `/api/v2/tables/F254VIRKSOMHET/data?valuecodes[Region]=*&codelist[Region]=agg_Fylker${year}&valuecodes[Kategori]=F254&valuecodes[ContentsCode]=AGD10_INNB&valuecodes[Tid]=${year}`,
        )
      ).json(),
    );
    expect(
      byCounty.Data({ Region: 'EKA11', Kategori: 'F254', ContentsCode: 'AGD10_INNB', Tid: year })!.value,
    ).toBe(at('EKA11', 'AGD10_INNB'));
  });

  test('no selection gives the default selection, which the endpoint for it names', async () => {
    const selection = (await get('/api/v2/tables/F254VIRKSOMHET/defaultselection')).json<{
      selection: { variableCode: string; valueCodes: string[] }[];
      placement: { heading: string[]; stub: string[] };
    }>();
    expect(selection.placement).toEqual({ stub: ['Region', 'Kategori'], heading: ['ContentsCode', 'Tid'] });
    expect(selection.selection.find((s) => s.variableCode === 'Tid')!.valueCodes).toEqual([year]);
    const list = (await get('/api/v2/tables')).json<{ tables: { id: string }[] }>();
    for (const { id } of list.tables) {
      const dataset = JSONstat((await get(`/api/v2/tables/${id}/data`)).json());
      const total = dataset.Data({ Region: 'I_ALT', Kategori: 'F254', ContentsCode: 'AGD10', Tid: year });
      const kostra = pilot.invitations
        .filter((i) => pilot.responses.some((r) => r.municipality === i.municipality))
        .reduce((sum, i) => sum + (i.prefilled['AGD10'] ?? 0), 0);
      // Four measures, each in 1000 NOK and per inhabitant, 67+ and 80+.
      expect(dataset.n).toBe(regionCount * (id === 'F254VIRKSOMHET' ? 7 : 6) * 16);
      // The function total of all respondents is at least their KOSTRA totals (more where rows exceed them).
      expect(total?.value).toBeGreaterThanOrEqual(kostra);
    }
    const metadata = JSONstat(
      (await get('/api/v2/tables/F254VIRKSOMHET/metadata?defaultSelection=true')).json(),
    );
    expect(metadata.Dimension('Tid').id).toEqual([year]);
  });

  test('codelists aggregate: a group is its members’ sum, withheld where a member is; single gives the members', async () => {
    // The amounts: figures per inhabitant are ratios, taken from the table's own aggregates only.
    const base = `/api/v2/tables/F254VIRKSOMHET/data?valuecodes[Kategori]=*&valuecodes[ContentsCode]=AGD10,AGD4,AGD16,AGD2&valuecodes[Tid]=${year}`;
    const codelist = (await get(`/api/v2/codelists/agg_Fylker${year}`)).json<{
      values: { code: string; valueMap: string[] }[];
    }>();
    const members = JSONstat((await get(`${base}&valuecodes[Region]=*`)).json());
    const counties = JSONstat(
      (
        await get(
          `${base}&valuecodes[Region]=*&codelist[Region]=agg_Fylker${year}&outputValues[Region]=aggregated`,
        )
      ).json(),
    );
    expect(counties.Dimension('Region').id.length).toBeGreaterThan(3);
    // The respondents of each county are a region of the table itself, suppressed with it: aggregating by
    // the counties gives those cells, the sum of the members where none of them is withheld.
    const ownCounties = JSONstat((await get(`${base}&valuecodes[Region]=EKA*`)).json());
    expect(counties.Dimension('Region').id).toEqual(ownCounties.Dimension('Region').id);
    let summed = 0;
    for (const county of counties.Dimension('Region').id) {
      const map = codelist.values.find((v) => v.code === county)!.valueMap;
      const inTable = members.Dimension('Region').id.filter((m) => map.includes(m));
      expect(inTable.length).toBeGreaterThan(0);
      for (const Kategori of counties.Dimension('Kategori').id)
        for (const ContentsCode of counties.Dimension('ContentsCode').id) {
          const at = { Kategori, ContentsCode, Tid: year };
          const parts = inTable.map((Region) => members.Data({ ...at, Region })!);
          const got = counties.Data({ ...at, Region: county })!;
          expect(got).toEqual(ownCounties.Data({ ...at, Region: county }));
          if (parts.every((p) => p.status === null)) {
            summed++;
            expect(got.value).toBe(parts.reduce((s, p) => s + p.value!, 0));
          }
        }
    }
    expect(summed).toBeGreaterThan(0);

    // The size groups are in the table itself, protected with it: aggregating by them gives those cells.
    const sizes = JSONstat(
      (
        await get(`${base}&valuecodes[Region]=KG_ASSS,KG_U5000&codelist[Region]=agg_Kommunestorrelse${year}`)
      ).json(),
    );
    const own = JSONstat((await get(`${base}&valuecodes[Region]=KG_ASSS,KG_U5000`)).json());
    expect(sizes.value).toEqual(own.value);
    expect(sizes.status).toEqual(own.status);
    // The country of the respondents is all respondents.
    const country = JSONstat(
      (await get(`${base}&valuecodes[Region]=EAK&codelist[Region]=agg_Landet${year}`)).json(),
    );
    const all = JSONstat((await get(`${base}&valuecodes[Region]=I_ALT`)).json());
    expect(country.value).toEqual(all.value);

    const single = JSONstat(
      (
        await get(
          `${base}&valuecodes[Region]=EKA34&codelist[Region]=agg_Fylker${year}&outputValues[Region]=single`,
        )
      ).json(),
    );
    const innlandet = codelist.values.find((v) => v.code === 'EKA34')!.valueMap;
    expect(single.Dimension('Region').id).toEqual(
      members.Dimension('Region').id.filter((m) => innlandet.includes(m)),
    );
  });

  test('a client generated for the OpenAPI document reads a table aggregated by KOSTRA group', async () => {
    const server = await buildApp({ db, cookieSecret: 'pxweb-secret-pxweb-secret-pxweb-secret' });
    const address = await server.listen({ port: 0, host: '127.0.0.1' });
    try {
      // openapi-fetch serializes parameters as the document declares them: deepObject for valuecodes and
      // codelist, comma-separated (form, explode false) for heading and stub.
      const client = createClient<Record<string, never>>({
        baseUrl: `${address}/api/v2`,
        querySerializer: {
          array: { style: 'form', explode: false },
          object: { style: 'deepObject', explode: true },
        },
      });
      const fetchAny = client as unknown as {
        GET: (
          path: string,
          init: unknown,
        ) => Promise<{ data?: unknown; error?: unknown; response: Response }>;
      };
      const meta = await fetchAny.GET('/tables/{id}/metadata', { params: { path: { id: 'F254MALGRUPPE' } } });
      const offered = (meta.data as { dimension: { Region: { extension: { codelists: { id: string }[] } } } })
        .dimension.Region.extension.codelists;
      const kostraGroups = offered.find((c) => c.id.startsWith('agg_KOSTRAgrupper'))!.id;
      const { data, error, response } = await fetchAny.GET('/tables/{id}/data', {
        params: {
          path: { id: 'F254MALGRUPPE' },
          query: {
            lang: 'en',
            valuecodes: { Region: 'EKG12,EKG03', Kategori: '*', ContentsCode: 'AGD10', Tid: 'top(1)' },
            codelist: { Region: kostraGroups },
            heading: ['Region'],
            stub: ['Kategori', 'ContentsCode', 'Tid'],
          },
        },
      });
      expect(response.status, JSON.stringify(error)).toBe(200);
      expect(pxwebFaults('Dataset', data)).toBe('');
      const dataset = JSONstat(data);
      expect(dataset.id).toEqual(['Kategori', 'ContentsCode', 'Tid', 'Region']);
      expect(dataset.Dimension('Region').Category('EKG12').label).toBe('KOSTRA group 12');
      // Of group 3, one municipality responded: the group's figures are its own.
      const group = await fetchAny.GET('/codelists/{id}', { params: { path: { id: kostraGroups } } });
      expect(pxwebFaults('CodelistResponse', group.data)).toBe('');
      const regions = (
        meta.data as { dimension: { Region: { category: { index: Record<string, number> } } } }
      ).dimension.Region.category.index;
      const [alone, ...others] = (group.data as { values: { code: string; valueMap: string[] }[] }).values
        .find((v) => v.code === 'EKG03')!
        .valueMap.filter((m) => m in regions);
      expect(others).toEqual([]);
      const own = JSONstat(
        (
          await get(
            `/api/v2/tables/F254MALGRUPPE/data?valuecodes[Region]=${alone}&valuecodes[Kategori]=*&valuecodes[ContentsCode]=AGD10&valuecodes[Tid]=${year}`,
          )
        ).json(),
      );
      for (const Kategori of own.Dimension('Kategori').id)
        expect(dataset.Data({ Region: 'EKG03', Kategori, ContentsCode: 'AGD10', Tid: year })).toEqual(
          own.Data({ Region: alone!, Kategori, ContentsCode: 'AGD10', Tid: year }),
        );
    } finally {
      await server.close();
    }
  });

  test('CSV and XLSX: the stub down, the heading across, as the output format parameters say', async () => {
    const url = `/api/v2/tables/F254VIRKSOMHET/data?valuecodes[Region]=3414,1103&valuecodes[Kategori]=BPA,F254&valuecodes[ContentsCode]=AGD10,AGD2&valuecodes[Tid]=${year}`;
    const csv = await get(`${url}&outputFormat=csv`);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.body.trimEnd().split('\n');
    expect(lines[0]).toBe(
      `region,virksomhetstyper,Brutto driftsutgifter på funksjon/tjenesteområde ${year},Netto driftsutgifter på funksjon/tjenesteområde ${year}`,
    );
    expect(lines[1]).toMatch(/^3414 Nord-Odal,Brukerstyrt personlig assistanse \(BPA\),:,:$/);
    expect(lines).toHaveLength(5);

    const codes = await get(
      `${url}&outputFormat=csv&outputFormatParams=UseCodes,SeparatorSemicolon,IncludeTitle&heading=Region,ContentsCode&stub=Kategori,Tid`,
    );
    // The semicolon file is Norwegian Excel's: a byte-order mark, Windows line ends.
    expect(codes.body.startsWith('\uFEFF')).toBe(true);
    const [title, header, bpa, total] = codes.body.slice(1).split('\r\n');
    expect(title).toMatch(/^Helse- og omsorgstjenester til hjemmeboende/);
    expect(header).toBe(`Kategori;Tid;3414 AGD10;3414 AGD2;1103 AGD10;1103 AGD2`);
    // Stavanger's BPA may be withheld to protect another cell (its county's, its KOSTRA group's).
    expect(bpa).toMatch(new RegExp(`^BPA;${year};:;:;(\\d+|:);(-?\\d+|:)$`));
    expect(total).toMatch(new RegExp(`^F254;${year};\\d+;-?\\d+;\\d+;-?\\d+$`));

    const xlsx = await get(`${url}&outputFormat=xlsx&outputFormatParams=UseCodes`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const rows = workbook.worksheets[0]!.getSheetValues().slice(1) as unknown[][];
    expect(rows[0]!.slice(1)).toEqual(['Region', 'Kategori', `AGD10 ${year}`, `AGD2 ${year}`]);
    expect(rows[1]!.slice(1)).toEqual(['3414', 'BPA', ':', ':']);
    expect(typeof rows[2]![3]).toBe('number');
  });

  test('a query sent by POST, and one saved and run again, give what the same GET gives', async () => {
    const selection = [
      { variableCode: 'Region', codelist: `agg_KOSTRAgrupper${year}`, valueCodes: ['EKG*'] },
      { variableCode: 'Kategori', valueCodes: ['*'] },
      { variableCode: 'ContentsCode', valueCodes: ['AGD10'] },
      { variableCode: 'Tid', valueCodes: ['top(1)'] },
    ];
    const viaGet = (
      await get(
        `/api/v2/tables/F254VIRKSOMHET/data?valuecodes[Region]=EKG*&codelist[Region]=agg_KOSTRAgrupper${year}&valuecodes[Kategori]=*&valuecodes[ContentsCode]=AGD10&valuecodes[Tid]=top(1)`,
      )
    ).json<{ value: unknown[] }>();
    const viaPost = (await call('POST', '/api/v2/tables/F254VIRKSOMHET/data', { selection })).json<unknown>();
    expect(viaPost).toEqual(viaGet);

    const created = await call('POST', '/api/v2/savedqueries', {
      tableId: 'F254VIRKSOMHET',
      language: 'no',
      selection: { selection, placement: { heading: ['Region'] } },
      outputFormat: 'csv',
      outputFormatParams: ['UseCodes'],
    });
    expect(created.statusCode).toBe(201);
    const { id } = created.json<{ id: string }>();
    expect((await get(`/api/v2/savedqueries/${id}`)).json()).toMatchObject({
      id,
      savedQuery: { tableId: 'F254VIRKSOMHET' },
    });
    const csv = await get(`/api/v2/savedqueries/${id}/data`);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.body.split('\n')[0]).toMatch(/^Kategori,ContentsCode,Tid,EKG\d\d/);
    const again = JSONstat((await get(`/api/v2/savedqueries/${id}/data?outputFormat=json-stat2`)).json());
    expect(again.value).toHaveLength(viaGet.value.length);
    const resolved = (await get(`/api/v2/savedqueries/${id}/selection`)).json<{
      selection: { variableCode: string; valueCodes: string[] }[];
    }>();
    // The expressions come back as the codes they picked.
    expect(resolved.selection.find((s) => s.variableCode === 'Tid')!.valueCodes).toEqual([year]);
    expect(resolved.selection.find((s) => s.variableCode === 'Region')!.valueCodes).toEqual(
      again.Dimension('Region').id,
    );
    const saved = JSONstat((await get(`/api/v2/tables/F254VIRKSOMHET/metadata?savedQuery=${id}`)).json());
    expect(saved.Dimension('Region').id).toEqual(again.Dimension('Region').id);

    expect(
      await problem('/api/v2/savedqueries', {
        tableId: 'F254VIRKSOMHET',
        language: 'no',
        selection: { selection: [{ variableCode: 'Fylke', valueCodes: ['03'] }] },
      }),
    ).toMatchObject({ status: 400, detail: 'selection, Fylke: no variable "Fylke" in F254VIRKSOMHET' });
    expect(await problem('/api/v2/savedqueries/nope')).toMatchObject({ status: 404 });
  });

  test('errors as problems, naming what is wrong: table, variable, value, parameter, format, language', async () => {
    const data = '/api/v2/tables/F254VIRKSOMHET/data';
    expect(await problem('/api/v2/tables/NOPE/data')).toMatchObject({
      status: 404,
      detail: 'no table with id NOPE',
    });
    expect(await problem(`${data}?valuecodes[Fylke]=03`)).toMatchObject({
      status: 400,
      detail: 'selection, Fylke: no variable "Fylke" in F254VIRKSOMHET',
    });
    expect(
      await problem(`${data}?valuecodes[Region]=9999&valuecodes[ContentsCode]=*&valuecodes[Tid]=*`),
    ).toMatchObject({
      status: 400,
      detail: 'valueCodes, Region: no value "9999" in variable Region',
    });
    expect(await problem(`${data}?valuecodes[Region]=EKA03&codelist[Region]=agg_NUTS2`)).toMatchObject({
      status: 400,
      detail: 'codelist, Region: no codelist "agg_NUTS2" for variable Region in F254VIRKSOMHET',
    });
    expect(await problem(`${data}?valuecodes[Tid]=*&outputValues[Tid]=single`)).toMatchObject({
      status: 400,
    });
    expect(await problem(`${data}?valueCodes[Region]=I_ALT&filter=all`)).toMatchObject({
      status: 400,
      title: 'Unsupported parameter',
      detail: expect.stringMatching(/^"filter" is not a parameter of this endpoint/) as unknown,
    });
    expect(await problem('/api/v2/tables?search=254')).toMatchObject({
      status: 400,
      title: 'Unsupported parameter',
    });
    expect(await problem(`${data}?outputFormat=px`)).toMatchObject({
      status: 400,
      title: 'Unsupported output format',
    });
    expect(await problem(`${data}?outputFormat=csv&outputFormatParams=UseCodes,UseTexts`)).toMatchObject({
      status: 400,
      detail: 'UseCodes and UseTexts cannot be combined',
    });
    expect(await problem(`${data}?outputFormat=xlsx&outputFormatParams=SeparatorTab`)).toMatchObject({
      status: 400,
      detail: 'SeparatorTab applies to csv only, not xlsx',
    });
    expect(await problem(`${data}?outputFormatParams=Pretty`)).toMatchObject({ status: 400 });
    expect(await problem(`${data}?heading=Fylke`)).toMatchObject({
      status: 400,
      detail: 'placement, Fylke: no variable "Fylke" in F254VIRKSOMHET',
    });
    expect(await problem('/api/v2/tables?lang=sv')).toMatchObject({
      status: 400,
      title: 'Unsupported language',
    });
  });

  test('calls beyond the configured limit get 429, as the configuration tells clients', async () => {
    const limited = await buildApp({
      db,
      cookieSecret: 'pxweb-secret-pxweb-secret-pxweb-secret',
      pxwebRateLimit: { calls: 3, windowSeconds: 60 },
    });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await limited.inject({ url: '/api/v2/config' })).statusCode);
      expect(statuses).toEqual([200, 200, 200, 429]);
      const refused = await limited.inject({ url: '/api/v2/tables' });
      expect(pxwebFaults('Problem', refused.json())).toBe('');
      expect(refused.json()).toMatchObject({ status: 429, detail: 'at most 3 calls in 60 seconds' });
      expect((await limited.inject({ url: '/api/health' })).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });
});

describe('the schemas the responses are held to', () => {
  test('refuse what PxWeb and json-stat.org refuse: an index as an array, metadata without value, a time in updated', () => {
    const dataset = {
      version: '2.0',
      class: 'dataset',
      id: ['Tid'],
      size: [1],
      updated: '2026-11-23',
      dimension: { Tid: { label: 'år', category: { index: { '2021': 0 }, label: { '2021': '2021' } } } },
      value: [1],
    };
    expect(pxwebFaults('Dataset', dataset)).toBe('');
    expect(pxwebFaults('Dataset', { ...dataset, updated: '2026-11-23T12:00:00Z' })).toMatch(
      /^PxWeb Dataset: \/updated/,
    );
    const { value: _value, ...metadata } = dataset;
    expect(pxwebFaults('Dataset', metadata)).toMatch(/must have required property 'value'/);
    expect(
      pxwebFaults('Dataset', { ...dataset, dimension: { Tid: { category: { index: ['2021'] } } } }),
    ).toMatch(/PxWeb Dataset: \/dimension\/Tid\/category\/index must be object/);
    expect(pxwebFaults('Dataset', { ...dataset, value: null })).toMatch(/^json-stat.org dataset: \/value/);
    expect(pxwebFaults('TablesResponse', { language: 'no', tables: [] })).toMatch(/required property 'page'/);
  });
});
