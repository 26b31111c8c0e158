import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadReferenceData, loadSurveyDefinition } from '../files/product-data.ts';
import type { PilotReport } from '../domain/statistics/pilot-report.ts';
import { testDatabases } from '../store/testing/databases.ts';
import { importRound } from './import-round.ts';
import { reportRound } from './report-round.ts';
import { PILOT } from '../testing/shared-data.ts';

const databases = await testDatabases();

describe.each(databases)('the pilot round on $kind reproduces the published note', (database) => {
  let report: PilotReport;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const opened = await database.open();
    drop = opened.drop;
    const reference = await loadReferenceData();
    await importRound(opened.db, PILOT, await loadSurveyDefinition('f254'), reference);
    report = (await reportRound(opened.db, 'f254-pilot-2022', reference)).report;
  });
  afterAll(async () => drop());

  const rows = (key: string) => report.tables[key] as Record<string, unknown>[];
  const column = (key: string, field: string) => rows(key).map((r) => r[field]);

  test('table 3.1 by criterion, with 5 for the KOSTRA working group as appendix A.1 gives', () => {
    expect(rows('table-3.1')).toEqual([
      { criterion: 'KOSTRA_AG', count: 5 },
      { criterion: 'OSLO_ECONOMICS', count: 10 },
      { criterion: 'ASSS', count: 12 },
      { criterion: 'SIO', count: 11 },
      { criterion: 'RANDOM', count: 22 },
      { criterion: 'TOTAL', count: 50 },
    ]);
  });

  test('table 3.2 by size group: 10, 8, 7, 7, 18 of 50', () => {
    expect(column('table-3.2', 'count')).toEqual([10, 8, 7, 7, 18, 50]);
  });

  test('table 3.3: 50 received, 41 attended the meeting (82 %), 31 responded (62 %)', () => {
    expect(rows('table-3.3')).toEqual([
      { status: 'RECEIVED', count: 50, percent: 100 },
      { status: 'ATTENDED_MEETING', count: 41, percent: 82 },
      { status: 'RESPONDED', count: 31, percent: 62 },
    ]);
    expect(report.facts.meetingParticipants).toBe(85);
  });

  test('table 4.1: respondents by size group', () => {
    expect(column('table-4.1', 'responded')).toEqual([7, 7, 6, 3, 8, 31]);
    expect(column('table-4.1', 'percent')).toEqual([70, 88, 86, 43, 44, 62]);
  });

  test.each([
    ['table-4.2', [20, 14, 15, 17, 23], [65, 45, 48, 55, 74], [87, 61, 65, 74, 100]],
    ['table-4.4', [16, 16, 14, 18], [52, 52, 45, 58], [89, 89, 78, 100]],
    ['table-4.6', [15, 13, 13, 15], [48, 42, 42, 48], [100, 87, 87, 100]],
  ])('%s: counts and both shares', (key, counts, ofAll, ofSplitters) => {
    expect(column(key, 'count')).toEqual(counts);
    expect(column(key, 'share_of_all')).toEqual(ofAll);
    expect(column(key, 'share_of_splitters')).toEqual(ofSplitters);
  });

  test.each([
    ['table-4.3', [7, 7, 6, 5]],
    ['table-4.5', [5, 5, 4, 4]],
    ['table-4.7', [5, 5, 4, 4]],
  ])("%s: methods in the note's order", (key, counts) => {
    expect(column(key, 'method')).toEqual(['RESPONSIBILITY', 'KOSTRA_4_DIGIT', 'COST_STRUCTURE', 'OTHER']);
    expect(column(key, 'count')).toEqual(counts);
  });

  test('appendix A.1 lists the 50 invited with their criteria, ASSS first', () => {
    const a1 = rows('table-A.1');
    expect(a1).toHaveLength(50);
    expect(a1[0]).toMatchObject({ size_group: 'ASSS' });
    expect(a1.find((r) => r.name === 'Tolga')).toMatchObject({
      KOSTRA_AG: true,
      OSLO_ECONOMICS: true,
      RANDOM: false,
    });
    expect(a1.filter((r) => r.KOSTRA_AG === true).map((r) => r.name)).toEqual([
      'Bergen',
      'Oslo',
      'Hamar',
      'Tolga',
      'Vågå',
    ]);
  });

  test('appendix A.2 sums to 23, 18 and 15, with one row per respondent', () => {
    const a2 = rows('table-A.2');
    expect(a2).toHaveLength(31);
    const yes = (field: string) => a2.filter((r) => r[field] === 'Ja').length;
    expect([yes('business_types'), yes('target_groups'), yes('housing_base_target_groups')]).toEqual([
      23, 18, 15,
    ]);
    expect(column('table-A.2', 'size_group').filter((g) => g === 'ASSS')).toHaveLength(7);
  });

  test('figure 4.1: 8 none, 3 business types only, 5 with target groups, 2 with housing bases, 13 all three', () => {
    expect(rows('figure-4.1')).toEqual([
      { level: 'NONE', count: 8 },
      { level: 'BUSINESS_TYPES_ONLY', count: 3 },
      { level: 'BUSINESS_TYPES_AND_TARGET_GROUPS', count: 5 },
      { level: 'BUSINESS_TYPES_AND_HOUSING_BASE_TARGET_GROUPS', count: 2 },
      { level: 'ALL_THREE', count: 13 },
    ]);
  });

  test('figures 4.2 and 4.3 cover every respondent, each bar adding to 100 % give or take rounding', () => {
    for (const [key, categories] of [
      ['figure-4.2', 5],
      ['figure-4.3', 4],
    ] as const) {
      const figure = rows(key);
      expect(figure).toHaveLength(31 * categories);
      for (const m of new Set(figure.map((r) => r.municipality))) {
        const sum = figure.filter((r) => r.municipality === m).reduce((s, r) => s + (r.share as number), 0);
        expect(Math.abs(sum - 100)).toBeLessThanOrEqual(0.3);
      }
    }
  });

  test('figure 4.4 holds the 15 that split housing bases, each adding to 100 % give or take rounding', () => {
    const figure = rows('figure-4.4');
    const municipalities = new Set(figure.map((r) => r.municipality));
    expect(municipalities.size).toBe(15);
    for (const m of municipalities) {
      const sum = figure.filter((r) => r.municipality === m).reduce((s, r) => s + (r.share as number), 0);
      expect(Math.abs(sum - 100)).toBeLessThanOrEqual(0.2);
    }
  });
});
