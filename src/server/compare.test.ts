import type { FastifyInstance } from 'fastify';
import JSONstat from 'jsonstat-toolkit';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ensureDemoKeyFigures } from '../app/demo-key-figures.ts';
import type { Db } from '../store/database.ts';
import { testDatabases } from '../store/testing/databases.ts';
import { wireComparable, wireComparison, type WireComparison } from '../wire/compare.ts';
import { buildApp } from './app.ts';

const [pglite] = await testDatabases();

describe('«Sammenlign»: a municipality against its KOSTRA group, county and the country', () => {
  let db: Db;
  let drop: () => Promise<void>;
  let app: FastifyInstance;
  beforeAll(async () => {
    ({ db, drop } = await pglite!.open());
    expect(await ensureDemoKeyFigures(db, new Date('2025-03-15T08:00:00Z'))).toBe(true);
    app = await buildApp({ db, cookieSecret: 'compare-secret-compare-secret-compare' });
  }, 120_000);
  afterAll(async () => {
    await app.close();
    await drop();
  });

  test('before any key figures are published, there is nothing to compare (404, as a problem)', async () => {
    const { db: empty, drop: dropEmpty } = await pglite!.open();
    const bare = await buildApp({ db: empty, cookieSecret: 'compare-secret-compare-secret-compare' });
    try {
      const answer = await bare.inject({ url: '/api/compare' });
      expect(answer.statusCode).toBe(404);
      expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
    } finally {
      await bare.close();
      await dropEmpty();
    }
  });

  test('the municipalities of the newest structure, and the functions', async () => {
    const list = wireComparable.parse((await app.inject({ url: '/api/compare?lang=en' })).json());
    expect(list.municipalities).toHaveLength(357);
    expect(list.municipalities.find((m) => m.code === '3101')?.label).toBe('3101 Halden');
    expect(list.functions.map((f) => f.code)).toEqual(['F254', 'F257', 'F258']);
  });

  test('each year against that year’s group and county, the same numbers as the PxWeb API gives', async () => {
    const answer = await app.inject({ url: '/api/compare/3101?lang=nb' });
    expect(answer.statusCode).toBe(200);
    const comparison: WireComparison = wireComparison.parse(answer.json());
    expect(comparison.periods.map((p) => p.code)).toEqual(['2022', '2023', '2024']);
    expect(comparison.periods[2]!.note).toEqual(['Foreløpige tall for 2024.']);
    expect(comparison.municipality.note).toEqual(['2022: kommunenummer 3001.', '2023: kommunenummer 3001.']);
    expect(comparison.figures.map((f) => f.code)).toContain('AGD2_80');
    const figure = comparison.figures.find((f) => f.code === 'AGD2_INNB')!;
    const series = (compared: string) => figure.series.find((s) => s.compared === compared)!;
    // Halden was in Viken (30) until 2023, in Østfold (31) from 2024.
    expect(series('county').values.map((v) => v.region)).toEqual(['EKA30', 'EKA30', 'EKA31']);
    expect(series('county').label).toBe('Østfold');
    expect(series('country_without_oslo').values.map((v) => v.region)).toEqual(['EAKUO', 'EAKUO', 'EAKUO']);
    expect(series('municipality').values.every((v) => typeof v.value === 'number')).toBe(true);

    const data = JSONstat((await app.inject({ url: comparison.downloads.json_stat })).json());
    for (const s of figure.series)
      for (const v of s.values) {
        const cell = data.Data({
          Region: v.region!,
          Funksjon: 'F254',
          ContentsCode: 'AGD2_INNB',
          Tid: v.period,
        });
        expect(cell, `${v.region} ${v.period}`).toEqual({ value: v.value, status: v.status });
      }
    // Aggregated by the KOSTRA groups' codelist, the group's figure is the table's own: a ratio is not summed.
    const group = series('group').values.at(-1)!;
    const byGroup = JSONstat(
      (
        await app.inject({
          url: `/api/v2/tables/KF254/data?valuecodes[Region]=*&codelist[Region]=agg_KOSTRAgrupper2024&valuecodes[Funksjon]=F254&valuecodes[ContentsCode]=AGD2_INNB,AGD2&valuecodes[Tid]=2024`,
        })
      ).json(),
    );
    expect(
      byGroup.Data({ Region: group.region!, Funksjon: 'F254', ContentsCode: 'AGD2_INNB', Tid: '2024' }),
    ).toEqual({
      value: group.value,
      status: null,
    });
    const csv = await app.inject({ url: comparison.downloads.csv });
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.body).toContain('3101 Halden');
    // Made for Norwegian Excel: a byte-order mark and semicolons.
    expect(csv.body.startsWith('\uFEFF')).toBe(true);
    const xlsx = await app.inject({ url: comparison.downloads.xlsx });
    expect(xlsx.statusCode).toBe(200);
  });

  test('a figure’s chart is SVG; an unknown municipality or figure is a problem naming it', async () => {
    const comparison = wireComparison.parse(
      (await app.inject({ url: '/api/compare/4601?Funksjon=F258' })).json(),
    );
    expect(comparison.fixed).toEqual({ Funksjon: 'F258' });
    const chart = await app.inject({ url: comparison.figures[0]!.chart });
    expect(chart.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(chart.body).toContain('<svg');
    const unknown = await app.inject({ url: '/api/compare/9999' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json<{ detail: string }>().detail).toContain('9999');
    expect((await app.inject({ url: '/api/compare/4601/NOPE.svg' })).statusCode).toBe(404);
    expect((await app.inject({ url: '/api/compare/4601?lang=de' })).statusCode).toBe(400);
  });
});
