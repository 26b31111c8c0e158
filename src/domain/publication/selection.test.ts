import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { DatasetDimension } from './dataset.ts';
import { matchesWildcard, selectValues } from './selection.ts';

const region: DatasetDimension = {
  id: 'Region',
  label: 'region',
  categories: ['0301', '1103', '3401', '3403', '4601', '5001', '5401'].map((code) => ({
    code,
    label: code,
  })),
};
const codes = (indices: number[]) => indices.map((i) => region.categories[i]!.code);

/** The meaning of a wildcard, as a regular expression over a pattern short enough for it. */
const reference = (pattern: string, code: string) =>
  new RegExp(
    `^${pattern
      .split('')
      .map((ch) => (ch === '*' ? '.*' : ch === '?' ? '.' : ch.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
      .join('')}$`,
    's',
  ).test(code);

describe('PxWeb selections', () => {
  test('wildcards match as the regular expression they mean, for any pattern and code', () => {
    const alphabet = fc.constantFrom('0', '1', '3', '*', '?', '.', '(', '[', '\\');
    fc.assert(
      fc.property(
        fc.string({ unit: alphabet, maxLength: 8 }),
        fc.string({ unit: alphabet, maxLength: 8 }),
        (p, c) => matchesWildcard(p, c) === reference(p, c),
      ),
      { seed: 16, numRuns: 2000 },
    );
  });

  test('forty stars, which backtrack without end as a regular expression, are answered', () => {
    expect(codes(selectValues(region, `${'*'.repeat(40)}1`))).toEqual([
      '0301',
      '3401',
      '4601',
      '5001',
      '5401',
    ]);
    expect(() => selectValues(region, `${'*0'.repeat(20)}x`)).toThrow('picks no value');
  });

  test('? and * together, and characters a regular expression would read as syntax', () => {
    expect(codes(selectValues(region, '?*'))).toHaveLength(7);
    expect(codes(selectValues(region, '34??'))).toEqual(['3401', '3403']);
    expect(() => selectValues(region, '(*')).toThrow('picks no value');
  });

  test('top and bottom with counts and offsets beyond the dimension are clamped to it', () => {
    expect(codes(selectValues(region, 'top(5000000000)'))).toEqual(codes([6, 5, 4, 3, 2, 1, 0]));
    expect(codes(selectValues(region, 'top(2,1)'))).toEqual(['5001', '4601']);
    expect(codes(selectValues(region, 'bottom(20000000)'))).toHaveLength(7);
    expect(() => selectValues(region, 'bottom(1,5000000000)')).toThrow('picks no value');
    expect(codes(selectValues(region, '0301,top(1),0301'))).toEqual(['0301', '5401']);
  });
});
