import { describe, expect, test } from 'vitest';
import { populationInStructure } from './population.ts';
import { MunicipalityReforms } from './reforms.ts';

describe('the population at the end of a year of reform, in that year’s codes', () => {
  const reforms = new MunicipalityReforms([
    { year: 2024, kind: 'renumber', from: '3001', to: ['3101'], name: 'Halden' },
    { year: 2024, kind: 'split', from: '1507', to: ['1508', '1580'], name: 'Ålesund' },
    { year: 2024, kind: 'merge', from: '9001', to: ['9100'], name: 'A' },
    { year: 2024, kind: 'merge', from: '9002', to: ['9100'], name: 'A' },
  ]);
  const codes = ['3001', '1507', '4601', '9001', '9002'];
  const following = reforms.following(2024, () => codes, new Map());
  const people = (total: number) => ({ total, age67plus: total / 10, age80plus: total / 100 });
  const january2024 = new Map([
    ['3101', people(31_000)],
    ['1508', people(67_000)],
    ['1580', people(9_000)],
    ['4601', people(290_000)],
    ['9100', people(5_000)],
  ]);

  test('renumbered: the new code’s; split: the sum of the parts; merged that day: none of its own', () => {
    const result = populationInStructure(january2024, codes, 2023, following);
    expect(result.get('3001')).toEqual(people(31_000));
    expect(result.get('1507')).toEqual({ total: 76_000, age67plus: 7_600, age80plus: 760 });
    expect(result.get('4601')).toEqual(people(290_000));
    expect(result.has('9001')).toBe(false);
    expect(result.has('9002')).toBe(false);
  });
});
