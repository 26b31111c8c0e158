import { describe, expect, test } from 'vitest';
import {
  answered,
  definition,
  given,
  invitation,
  reference,
  response,
  round,
  ticked,
} from '../testing/rounds.ts';
import { buildPilotReport } from './pilot-report.ts';

const report = (r: Parameters<typeof buildPilotReport>[1]) =>
  buildPilotReport(definition, r, reference).tables;

describe('an empty round (nobody invited)', () => {
  const tables = report(round([]));

  test('counts zero everywhere and gives no percentages', () => {
    expect(tables['table-3.1'].at(-1)).toEqual({ criterion: 'TOTAL', count: 0 });
    expect(tables['table-3.3']).toEqual([
      { status: 'RECEIVED', count: 0, percent: null },
      { status: 'ATTENDED_MEETING', count: 0, percent: null },
      { status: 'RESPONDED', count: 0, percent: null },
    ]);
    expect(tables['table-4.1'].at(-1)).toEqual({ size_group: 'TOTAL', responded: 0, percent: null });
    expect(tables['table-4.2']?.at(-1)).toEqual({
      category: 'ANY',
      count: 0,
      share_of_all: null,
      share_of_splitters: null,
    });
    expect(tables['table-4.3']).toEqual(definition.methods.map((m) => ({ method: m.code, count: 0 })));
    expect(tables['table-A.2']).toEqual([]);
    expect(tables['figure-4.1'].map((l) => l.count)).toEqual([0, 0, 0, 0, 0]);
    expect(tables['figure-4.2']).toEqual([]);
  });
});

describe('invitations', () => {
  const invited = [
    invitation('0301', {
      sizeGroup: 'ASSS',
      asss: true,
      criteria: ['ASSS', 'KOSTRA_AG'],
      attendedMeeting: true,
      meetingParticipants: 3,
    }),
    invitation('3025', {
      sizeGroup: '20000+',
      criteria: ['ASSS', 'OSLO_ECONOMICS'],
      attendedMeeting: true,
      meetingParticipants: 1,
    }),
    invitation('3401', { sizeGroup: '20000+', criteria: ['SIO'] }),
    invitation('5041'),
  ];
  const tables = report(round(invited, [response('3025')]));

  test('table 3.1 counts a municipality under each of its criteria, TOTAL the invited', () => {
    expect(tables['table-3.1']).toEqual([
      { criterion: 'KOSTRA_AG', count: 1 },
      { criterion: 'OSLO_ECONOMICS', count: 1 },
      { criterion: 'ASSS', count: 2 },
      { criterion: 'SIO', count: 1 },
      { criterion: 'RANDOM', count: 1 },
      { criterion: 'TOTAL', count: 4 },
    ]);
  });

  test("table 3.2 counts by size group, in the note's order", () => {
    expect(tables['table-3.2']).toEqual([
      { size_group: 'ASSS', count: 1 },
      { size_group: '20000+', count: 2 },
      { size_group: '10000-19999', count: 0 },
      { size_group: '5000-9999', count: 0 },
      { size_group: '<5000', count: 1 },
      { size_group: 'TOTAL', count: 4 },
    ]);
  });

  test('table 3.3 and 4.1 give percentages of the invited, half away from zero', () => {
    expect(tables['table-3.3']).toEqual([
      { status: 'RECEIVED', count: 4, percent: 100 },
      { status: 'ATTENDED_MEETING', count: 2, percent: 50 },
      { status: 'RESPONDED', count: 1, percent: 25 },
    ]);
    expect(tables['table-4.1']).toEqual([
      { size_group: 'ASSS', responded: 0, percent: 0 },
      { size_group: '20000+', responded: 1, percent: 50 },
      { size_group: '10000-19999', responded: 0, percent: null },
      { size_group: '5000-9999', responded: 0, percent: null },
      { size_group: '<5000', responded: 0, percent: 0 },
      { size_group: 'TOTAL', responded: 1, percent: 25 },
    ]);
  });
});

describe('one respondent that split business types only', () => {
  const r = response('1001', {
    business_types: answered(
      {
        AMBULANT: given(300),
        BPA: ticked,
        CARE_ALLOWANCE: given(null),
        HOUSING_BASE: given(500),
        OTHER: given(50),
      },
      ['RESPONSIBILITY', 'OTHER'],
    ),
  });
  const tables = report(round([invitation('1001', { prefilled: { AGD10: 1000 } })], [r]));

  test('table 4.2 counts the categories it could separate; a ticked box or a missing amount is not separated', () => {
    expect(tables['table-4.2']).toEqual([
      { category: 'AMBULANT', count: 1, share_of_all: 100, share_of_splitters: 100 },
      { category: 'BPA', count: 0, share_of_all: 0, share_of_splitters: 0 },
      { category: 'CARE_ALLOWANCE', count: 0, share_of_all: 0, share_of_splitters: 0 },
      { category: 'HOUSING_BASE', count: 1, share_of_all: 100, share_of_splitters: 100 },
      { category: 'ANY', count: 1, share_of_all: 100, share_of_splitters: 100 },
    ]);
    expect(tables['table-4.4']?.at(-1)).toEqual({
      category: 'ANY',
      count: 0,
      share_of_all: 0,
      share_of_splitters: null,
    });
  });

  test('table 4.3 counts its methods; the other tables none', () => {
    expect(tables['table-4.3']).toEqual([
      { method: 'RESPONSIBILITY', count: 1 },
      { method: 'KOSTRA_4_DIGIT', count: 0 },
      { method: 'COST_STRUCTURE', count: 0 },
      { method: 'OTHER', count: 1 },
    ]);
    expect(tables['table-4.5']?.every((m) => (m as { count: number }).count === 0)).toBe(true);
  });

  test('A.2 and figure 4.1 place it at business types only', () => {
    expect(tables['table-A.2']).toEqual([
      {
        size_group: '<5000',
        municipality: '1001',
        business_types: 'Ja',
        target_groups: 'Nei',
        housing_base_target_groups: 'Nei',
      },
    ]);
    expect(tables['figure-4.1']).toContainEqual({ level: 'BUSINESS_TYPES_ONLY', count: 1 });
  });

  test('figure 4.2 puts the residual of the KOSTRA total into "other" (footnote 13)', () => {
    expect(tables['figure-4.2']).toEqual([
      { municipality: '1001', size_group: '<5000', category: 'AMBULANT', amount: 300, share: 30 },
      { municipality: '1001', size_group: '<5000', category: 'BPA', amount: 0, share: 0 },
      { municipality: '1001', size_group: '<5000', category: 'CARE_ALLOWANCE', amount: 0, share: 0 },
      { municipality: '1001', size_group: '<5000', category: 'HOUSING_BASE', amount: 500, share: 50 },
      { municipality: '1001', size_group: '<5000', category: 'OTHER', amount: 200, share: 20 },
    ]);
  });

  test('figure 4.3 shows it as 100 % other; figure 4.4 leaves it out', () => {
    expect(tables['figure-4.3']).toEqual([
      { municipality: '1001', size_group: '<5000', category: 'INTELLECTUAL_DISABILITY', amount: 0, share: 0 },
      { municipality: '1001', size_group: '<5000', category: 'MENTAL_HEALTH_SUBSTANCE', amount: 0, share: 0 },
      { municipality: '1001', size_group: '<5000', category: 'ELDERLY', amount: 0, share: 0 },
      { municipality: '1001', size_group: '<5000', category: 'OTHER', amount: 1000, share: 100 },
    ]);
    expect(tables['figure-4.4']).toEqual([]);
  });
});

test('every box ticked: nobody separated anything, all is other', () => {
  const allTicked = Object.fromEntries(
    definition.tables.map((t) => [t.key, answered(Object.fromEntries(t.rows.map((r) => [r.key, ticked])))]),
  );
  const tables = report(
    round(
      [invitation('1001'), invitation('1002')],
      [response('1001', allTicked), response('1002', allTicked)],
    ),
  );
  expect(tables['table-4.2']?.at(-1)).toEqual({
    category: 'ANY',
    count: 0,
    share_of_all: 0,
    share_of_splitters: null,
  });
  expect(tables['table-4.3']?.every((m) => (m as { count: number }).count === 0)).toBe(true);
  expect(tables['figure-4.1']).toContainEqual({ level: 'NONE', count: 2 });
  expect(tables['table-A.2'].every((r) => (r as Record<string, string>).business_types === 'Nei')).toBe(true);
  const other = tables['figure-4.2']?.filter((r) => (r as { category: string }).category === 'OTHER');
  expect(other).toEqual([
    { municipality: '1001', size_group: '<5000', category: 'OTHER', amount: 1000, share: 100 },
    { municipality: '1002', size_group: '<5000', category: 'OTHER', amount: 1000, share: 100 },
  ]);
});

test('nobody could split: every respondent answered with no tables', () => {
  const invited = ['1001', '1002', '1003'].map((m) => invitation(m));
  const tables = report(round(invited, [response('1001'), response('1003')]));
  expect(tables['table-3.3'].at(-1)).toEqual({ status: 'RESPONDED', count: 2, percent: 67 });
  expect(tables['figure-4.1']).toEqual([
    { level: 'NONE', count: 2 },
    { level: 'BUSINESS_TYPES_ONLY', count: 0 },
    { level: 'BUSINESS_TYPES_AND_TARGET_GROUPS', count: 0 },
    { level: 'BUSINESS_TYPES_AND_HOUSING_BASE_TARGET_GROUPS', count: 0 },
    { level: 'ALL_THREE', count: 0 },
  ]);
  expect(tables['table-4.6']?.at(-1)).toEqual({
    category: 'ANY',
    count: 0,
    share_of_all: 0,
    share_of_splitters: null,
  });
});

describe('housing bases and unusual combinations', () => {
  const r = response('1001', {
    target_groups: answered({ ELDERLY: given(400) }),
    housing_base_target_groups: answered({
      INTELLECTUAL_DISABILITY: given(150),
      ELDERLY: given(50),
      OTHER: ticked,
    }),
  });
  const tables = report(round([invitation('1001')], [r]));

  test("a combination that is none of the note's levels is counted, not lost", () => {
    expect(tables['figure-4.1']).toContainEqual({ level: 'OTHER_COMBINATION', count: 1 });
    expect(tables['figure-4.1'].reduce((s, l) => s + (l as { count: number }).count, 0)).toBe(1);
  });

  test("figure 4.4 gives shares of the rows' own sum", () => {
    expect(tables['figure-4.4']).toEqual([
      {
        municipality: '1001',
        size_group: '<5000',
        category: 'INTELLECTUAL_DISABILITY',
        amount: 150,
        share: 75,
      },
      { municipality: '1001', size_group: '<5000', category: 'MENTAL_HEALTH_SUBSTANCE', amount: 0, share: 0 },
      { municipality: '1001', size_group: '<5000', category: 'ELDERLY', amount: 50, share: 25 },
      { municipality: '1001', size_group: '<5000', category: 'OTHER', amount: 0, share: 0 },
    ]);
  });
});

test('rows above the KOSTRA total: no negative residual, and shares of the reported sum', () => {
  const r = response('1001', {
    business_types: answered({ AMBULANT: given(900), HOUSING_BASE: given(300) }),
  });
  const tables = report(round([invitation('1001', { prefilled: { AGD10: 1000 } })], [r]));
  const shares = tables['figure-4.2']?.map((row) => (row as { share: number }).share);
  expect(shares).toEqual([75, 0, 0, 25, 0]);
});

test('respondents are ordered by size group as in the note, then by code', () => {
  const invited = [
    invitation('5041'),
    invitation('0301', { sizeGroup: 'ASSS', asss: true }),
    invitation('3403', { sizeGroup: '20000+' }),
    invitation('1145'),
  ];
  const tables = report(
    round(
      invited,
      ['5041', '0301', '3403', '1145'].map((m) => response(m)),
    ),
  );
  expect(tables['table-A.2'].map((r) => (r as { municipality: string }).municipality)).toEqual([
    '0301',
    '3403',
    '1145',
    '5041',
  ]);
});

test('a response from a municipality that was not invited is left out of the statistics', () => {
  const tables = report(round([invitation('1001')], [response('1001'), response('9999')]));
  expect(tables['table-3.3'].at(-1)).toEqual({ status: 'RESPONDED', count: 1, percent: 100 });
  expect(tables['table-A.2']).toHaveLength(1);
});

test('a later round changes rows and measures by changing data, not code', async () => {
  const { parseSurveyDefinition } = await import('../survey/definition.ts');
  const { validateResponse } = await import('../validation/validate.ts');
  const business = definition.tables[0]!;
  const labels = { nb: 'Dagaktivitet', nn: 'Dagaktivitet', en: 'Day activities' };
  const changed = parseSurveyDefinition({
    ...definition,
    measures: definition.measures.filter((m) => m.code === 'AGD10' || m.code === 'AGD2'),
    rules: definition.rules.filter((r) => r.kind !== 'measure_not_above'),
    tables: [
      {
        ...business,
        rows: [
          ...business.rows.slice(0, 2),
          { key: 'DAY_CARE', labels, guidance: labels },
          ...business.rows.slice(2),
        ],
      },
      ...definition.tables.slice(1),
    ],
  });
  const dayCare = { fewerThan5: false, amounts: { AGD10: 100, AGD2: 90 } };
  const answer = response('1001', { business_types: answered({ DAY_CARE: dayCare }) });
  expect(validateResponse(changed, answer, { AGD10: 1000 }, 'nb')).toEqual({ errors: [], warnings: [] });
  const old = validateResponse(definition, answer, { AGD10: 1000 }, 'nb');
  expect(old.errors.map((e) => e.ruleId)).toEqual(['unknown-row']);
  const agd4 = response('1001', {
    business_types: answered({ AMBULANT: { fewerThan5: false, amounts: { AGD4: 5 } } }),
  });
  expect(validateResponse(changed, agd4, {}, 'nb').errors.map((e) => e.message)).toEqual([
    'Tabell 1 Virksomhetstyper, rad Ambulerende hjemmetjeneste, AGD4: skjemaet har ingen utgiftstype «AGD4».',
  ]);

  const tables = buildPilotReport(changed, round([invitation('1001')], [answer]), reference).tables;
  expect(tables['table-4.2']).toContainEqual({
    category: 'DAY_CARE',
    count: 1,
    share_of_all: 100,
    share_of_splitters: 100,
  });
  expect(tables['figure-4.2']).toContainEqual({
    municipality: '1001',
    size_group: '<5000',
    category: 'DAY_CARE',
    amount: 100,
    share: 10,
  });
});
