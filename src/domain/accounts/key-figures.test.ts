import { describe, expect, test } from 'vitest';
import { formatNorwegian } from '../number-format.ts';
import {
  arithmetic,
  definitionsFor,
  FunctionArtSums,
  keyFiguresOf,
  type KeyFigureDefinition,
} from './key-figures.ts';

const definitions: KeyFigureDefinition[] = [
  {
    code: 'AGD10',
    label: 'Brutto',
    valid_from: 2020,
    valid_to: null,
    arts: [
      ['010', '285'],
      ['710', '710'],
    ],
    explanation: '',
  },
  {
    code: 'AGD10',
    label: 'Brutto',
    valid_from: 2015,
    valid_to: 2019,
    arts: [['010', '285']],
    explanation: '',
  },
  {
    code: 'AGD2',
    label: 'Netto',
    valid_from: 2015,
    valid_to: null,
    base: 'AGD10',
    arts: [['600', '689']],
    explanation: '',
  },
];

describe('key figures from art definitions by year', () => {
  const sums = new FunctionArtSums();
  const arts = sums.arts('254')!;
  arts[10] = 1000;
  arts[710] = -100;
  arts[600] = -250;

  test('the definition of the year, a base measure and each art with its sign', () => {
    const [agd10, agd2] = keyFiguresOf(sums.byFunction.get('254'), definitionsFor(definitions, 2022));
    expect(agd10).toMatchObject({ code: 'AGD10', value: 900 });
    expect(agd2).toMatchObject({
      code: 'AGD2',
      value: 650,
      terms: [
        { what: 'AGD10', amount: 900 },
        { what: 'art 600', amount: -250 },
      ],
    });
    expect(arithmetic(agd10!, formatNorwegian)).toBe('1\u00a0000 (art 010) − 100 (art 710)');
    // Before 2020 the sick-pay refunds were not in this (test) definition.
    expect(keyFiguresOf(arts, definitionsFor(definitions, 2019))[0]!.value).toBe(1000);
  });

  test('sums of the functions asked for only', () => {
    const some = new FunctionArtSums(['254']);
    expect(some.arts('254')).toHaveLength(1000);
    expect(some.arts('120')).toBeUndefined();
    expect([...some.byFunction.keys()]).toEqual(['254']);
  });

  test('a year without a definition is named', () => {
    expect(() => definitionsFor(definitions, 2010)).toThrow(
      'key-figures.json: no definition of AGD10 for 2010',
    );
  });
});
