import { describe, expect, test } from 'vitest';
import { answered, definition, given } from '../testing/rounds.ts';
import type { ResponseContent } from '../survey/response.ts';
import { controlResponse, worklist } from './controls.ts';
import { responsesByDay } from './tracking.ts';
import { diffVersions } from './version-diff.ts';

const content = (tables: ResponseContent['tables'], comments = ''): ResponseContent => ({ tables, comments });
const thresholds = { relative: 0.1, absolute: 100 };

describe('controlResponse', () => {
  test('a table with a residual row that does not add up to the KOSTRA total is flagged with the deviation', () => {
    const split = content({ business_types: answered({ AMBULANT: given(3000), OTHER: given(1000) }) });
    expect(controlResponse(definition, '3403', split, { AGD10: 5000 }, undefined, thresholds)).toEqual([
      {
        municipality: '3403',
        kind: 'kostra_total',
        table: 'business_types',
        measure: 'AGD10',
        reported: 4000,
        reference: 5000,
        deviation: -1000,
      },
    ]);
  });

  test('a partial split without the residual row is not flagged for falling short, only for exceeding', () => {
    const partial = content({ business_types: answered({ AMBULANT: given(3000) }) });
    expect(controlResponse(definition, '3403', partial, { AGD10: 5000 }, undefined, thresholds)).toEqual([]);
    const over = content({ business_types: answered({ AMBULANT: given(6000) }) });
    expect(
      controlResponse(definition, '3403', over, { AGD10: 5000 }, undefined, thresholds)[0],
    ).toMatchObject({ deviation: 1000 });
  });

  test('small deviations stay under the thresholds', () => {
    const close = content({ business_types: answered({ AMBULANT: given(4950), OTHER: given(0) }) });
    expect(controlResponse(definition, '3403', close, { AGD10: 5000 }, undefined, thresholds)).toEqual([]);
  });

  test('amounts far from the previous round are flagged per row', () => {
    const now = content({
      target_groups: answered({ ELDERLY: given(2000), INTELLECTUAL_DISABILITY: given(1000) }),
    });
    const before = content({
      target_groups: answered({ ELDERLY: given(1000), INTELLECTUAL_DISABILITY: given(1050) }),
    });
    expect(controlResponse(definition, '5041', now, {}, before, thresholds)).toEqual([
      {
        municipality: '5041',
        kind: 'previous_round',
        table: 'target_groups',
        row: 'ELDERLY',
        measure: 'AGD10',
        reported: 2000,
        reference: 1000,
        deviation: 1000,
      },
    ]);
  });

  test('the worklist orders by the size of the deviation in NOK', () => {
    const flag = (municipality: string, deviation: number) => ({
      municipality,
      kind: 'kostra_total' as const,
      table: 't',
      measure: 'AGD10',
      reported: 0,
      reference: 0,
      deviation,
    });
    expect(worklist([flag('a', 5), flag('b', -50), flag('c', 20)]).map((f) => f.municipality)).toEqual([
      'b',
      'c',
      'a',
    ]);
  });
});

describe('diffVersions', () => {
  test('names every changed field with old and new value', () => {
    const before = content(
      { business_types: answered({ AMBULANT: given(100), BPA: given(5) }, ['RESPONSIBILITY']) },
      'Første',
    );
    const after = content(
      {
        business_types: answered({ AMBULANT: given(120), BPA: given(null, true) }, [
          'RESPONSIBILITY',
          'OTHER',
        ]),
      },
      'Rettet',
    );
    expect(diffVersions(definition, before, after)).toEqual([
      { field: 'business_types/AMBULANT/AGD10', old: 100, new: 120 },
      { field: 'business_types/BPA/fewer_than_5', old: false, new: true },
      { field: 'business_types/BPA/AGD10', old: 5, new: null },
      { field: 'business_types/methods', old: 'RESPONSIBILITY', new: 'OTHER;RESPONSIBILITY' },
      { field: 'comments', old: 'Første', new: 'Rettet' },
    ]);
  });

  test('the first version is a change from nothing', () => {
    expect(diffVersions(definition, undefined, content({}, ''))).toEqual([]);
  });
});

describe('responsesByDay', () => {
  test('cumulative by Oslo day, with the deadlines marked', () => {
    const first = new Map([
      ['a', new Date('2022-05-13T08:00:00Z')],
      ['b', new Date('2022-05-19T22:30:00Z')], // 20 May in Oslo
      ['c', new Date('2022-05-27T10:00:00Z')],
    ]);
    const days = responsesByDay(
      first,
      4,
      new Date('2022-05-13T06:00:00Z'),
      new Date('2022-05-30T06:00:00Z'),
      new Date('2022-05-20T21:59:00Z'),
      new Date('2022-05-27T21:59:00Z'),
    );
    expect(days).toHaveLength(18);
    expect(days[0]).toEqual({
      date: '2022-05-13',
      responded: 1,
      percent: 25,
      deadline: false,
      extendedDeadline: false,
    });
    expect(days.find((d) => d.date === '2022-05-19')?.responded).toBe(1);
    expect(days.find((d) => d.date === '2022-05-20')).toEqual({
      date: '2022-05-20',
      responded: 2,
      percent: 50,
      deadline: true,
      extendedDeadline: false,
    });
    expect(days.find((d) => d.extendedDeadline)).toMatchObject({
      date: '2022-05-27',
      responded: 3,
      percent: 75,
    });
  });
});
