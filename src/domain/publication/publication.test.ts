import { describe, expect, test } from 'vitest';
import { DomainError } from '../errors.ts';
import { selectCategories } from './dataset.ts';
import { toJsonStat } from './json-stat.ts';
import { selectValues } from './selection.ts';
import { testDataset } from './testing.ts';

const region = {
  id: 'Region',
  label: 'region',
  categories: ['0301', '1103', '3401', '3403', '4601'].map((code) => ({ code, label: code })),
};
const codes = (expression: string) => selectValues(region, expression).map((i) => region.categories[i]!.code);

describe('PxWeb selection expressions', () => {
  test.each([
    ['*', ['0301', '1103', '3401', '3403', '4601']],
    ['3403,0301', ['3403', '0301']],
    ['34*', ['3401', '3403']],
    ['*01', ['0301', '3401', '4601']],
    ['340?', ['3401', '3403']],
    ['top(2)', ['4601', '3403']],
    ['top(2,1)', ['3403', '3401']],
    ['bottom(2)', ['0301', '1103']],
    ['from(3403)', ['3403', '4601']],
    ['to(1103)', ['0301', '1103']],
    ['range(1103,3403)', ['1103', '3401', '3403']],
    ['range(1103,3401),4601', ['1103', '3401', '4601']],
  ])('%s', (expression, expected) => {
    expect(codes(expression)).toEqual(expected);
  });

  test('an unknown code, a selection of nothing and a malformed function are named', () => {
    expect(() => codes('9999')).toThrow(
      new DomainError('no value "9999" in variable Region', ['valueCodes', 'Region']),
    );
    expect(() => codes('99*')).toThrow(/picks no value/);
    expect(() => codes('top(x)')).toThrow(/"top\(x\)" needs a whole number/);
  });
});

describe('JSON-stat 2.0', () => {
  const dataset = testDataset(
    [
      { code: 'A', label: 'A' },
      { code: 'B', label: 'B' },
    ],
    [{ code: 'AGD10', label: 'Brutto', unit: '1000 kr' }],
    { values: [10, null], status: [null, ':'] },
  );

  const options = {
    withValues: true,
    language: 'no' as const,
    placement: { stub: ['Region'], heading: ['ContentsCode', 'Tid'] },
    codelistHref: (id: string) => `/api/v2/codelists/${id}`,
  };

  test('suppressed cells are null with their symbol; roles, units and the index as an object', () => {
    const json = toJsonStat(dataset, options);
    expect(json).toMatchObject({
      version: '2.0',
      class: 'dataset',
      id: ['Region', 'ContentsCode', 'Tid'],
      size: [2, 1, 1],
      role: { geo: ['Region'], metric: ['ContentsCode'], time: ['Tid'] },
      value: [10, null],
      status: { '1': ':' },
    });
    expect(json['dimension']).toMatchObject({
      Region: { category: { index: { A: 0, B: 1 } }, extension: { elimination: false } },
      ContentsCode: { category: { unit: { AGD10: { label: '1000 kr', base: '1000 kr', decimals: 0 } } } },
    });
    // PxWeb's schema allows no time in `updated`.
    expect(json['updated']).toBe('2026-11-23');
    expect(json['extension']).toMatchObject({ px: { heading: ['ContentsCode', 'Tid'], stub: ['Region'] } });
    expect(json['extension']).not.toHaveProperty('noteMandatory');
    const noted = toJsonStat({ ...dataset, notes: ['Gjelder kommunene som svarte.'] }, options);
    expect(noted['extension']).toMatchObject({ noteMandatory: { '0': true } });
    const metadata = toJsonStat(dataset, { ...options, withValues: false });
    expect(metadata['value']).toEqual([]);
    expect(metadata).not.toHaveProperty('status');
  });

  test('a selection keeps the chosen categories in the chosen order with their values and statuses', () => {
    const picked = selectCategories(dataset, [[1, 0], [0], [0]]);
    expect(picked.values).toEqual([null, 10]);
    expect(picked.status).toEqual([':', null]);
    expect(picked.dimensions[0]!.categories.map((c) => c.code)).toEqual(['B', 'A']);
  });
});
