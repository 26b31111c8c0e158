import { describe, expect, test } from 'vitest';
import type { PublishedDataset } from './dataset.ts';
import { defaultSelection, runQuery } from './query.ts';

/** Regions × measures × two years, values numbering the cells. */
const table: PublishedDataset = {
  id: 'T1',
  label: 'Test',
  description: '',
  source: 'Statistisk sentralbyrå',
  updated: '2026-11-23T12:00:00.000Z',
  decimals: 0,
  dimensions: [
    {
      id: 'Region',
      label: 'region',
      role: 'geo',
      elimination: 'I_ALT',
      categories: [
        { code: 'I_ALT', label: 'Alle', members: ['0301', '1103'] },
        { code: '0301', label: 'Oslo' },
        { code: '1103', label: 'Stavanger' },
      ],
      codelists: [
        {
          id: 'agg_Fylker2021',
          label: 'Fylker',
          values: [
            { code: 'EKA03', label: 'Oslo', valueMap: ['0301'] },
            { code: 'EKA11', label: 'Rogaland', valueMap: ['1103'] },
          ],
        },
      ],
    },
    {
      id: 'ContentsCode',
      label: 'statistikkvariabel',
      role: 'metric',
      categories: [
        { code: 'AGD10', label: 'Brutto' },
        { code: 'AGD2', label: 'Netto' },
      ],
    },
    {
      id: 'Tid',
      label: 'år',
      role: 'time',
      categories: [
        { code: '2021', label: '2021' },
        { code: '2022', label: '2022' },
      ],
    },
  ],
  values: Array.from({ length: 12 }, (_, i) => i),
  status: Array.from({ length: 12 }, () => null),
  notes: [],
  protection: { primary: 0, secondary: 0, checked: [] },
};

const codes = (d: PublishedDataset) => d.dimensions.map((x) => [x.id, x.categories.map((c) => c.code)]);

describe('PxWeb queries', () => {
  test('no selection gives the default: every value of the latest period, measures and years across', () => {
    const { dataset, placement } = runQuery(table, { selection: [] });
    expect(codes(dataset)).toEqual([
      ['Region', ['I_ALT', '0301', '1103']],
      ['ContentsCode', ['AGD10', 'AGD2']],
      ['Tid', ['2022']],
    ]);
    expect(dataset.values).toEqual([1, 3, 5, 7, 9, 11]);
    expect(placement).toEqual({ stub: ['Region'], heading: ['ContentsCode', 'Tid'] });
    expect(defaultSelection(table).selection[2]).toEqual({ variableCode: 'Tid', valueCodes: ['2022'] });
  });

  test('a variable left out gets its total; one without a total must be selected, by name', () => {
    const { dataset } = runQuery(table, {
      selection: [
        { variableCode: 'ContentsCode', valueCodes: ['AGD2'] },
        { variableCode: 'Tid', valueCodes: ['2021'] },
      ],
    });
    expect(codes(dataset)[0]).toEqual(['Region', ['I_ALT']]);
    expect(dataset.values).toEqual([2]);
    expect(() => runQuery(table, { selection: [{ variableCode: 'Tid', valueCodes: ['*'] }] })).toThrow(
      'selection, ContentsCode: variable ContentsCode must be selected: it has no total to leave it out by',
    );
  });

  test('unknown variables, twice-selected ones and outputValues without a codelist are refused by name', () => {
    expect(() => runQuery(table, { selection: [{ variableCode: 'Kjønn', valueCodes: ['1'] }] })).toThrow(
      'no variable "Kjønn" in T1',
    );
    const tid = { variableCode: 'Tid', valueCodes: ['*'] };
    expect(() => runQuery(table, { selection: [tid, tid] })).toThrow('variable Tid is selected twice');
    expect(() => runQuery(table, { selection: [{ ...tid, outputValues: 'single' }] })).toThrow(
      'outputValues needs a codelist for variable Tid',
    );
  });

  test('a codelist selects among its groups, which come out aggregated', () => {
    const { dataset } = runQuery(table, {
      selection: [
        { variableCode: 'Region', codelist: 'agg_Fylker2021', valueCodes: ['EKA11'] },
        { variableCode: 'ContentsCode', valueCodes: ['*'] },
        { variableCode: 'Tid', valueCodes: ['2021'] },
      ],
    });
    expect(codes(dataset)[0]).toEqual(['Region', ['EKA11']]);
    expect(dataset.values).toEqual([8, 10]);
  });

  test('heading and stub reorder the dimensions, the cells moving with them', () => {
    const { dataset, placement } = runQuery(table, {
      selection: [
        { variableCode: 'Region', valueCodes: ['0301', '1103'] },
        { variableCode: 'ContentsCode', valueCodes: ['AGD10'] },
        { variableCode: 'Tid', valueCodes: ['*'] },
      ],
      placement: { heading: ['Region'] },
    });
    expect(placement).toEqual({ stub: ['ContentsCode', 'Tid'], heading: ['Region'] });
    expect(dataset.dimensions.map((d) => d.id)).toEqual(['ContentsCode', 'Tid', 'Region']);
    // AGD10 2021: Oslo 4, Stavanger 8; AGD10 2022: 5, 9.
    expect(dataset.values).toEqual([4, 8, 5, 9]);
    expect(() => runQuery(table, { selection: [], placement: { heading: ['Tid'], stub: ['Tid'] } })).toThrow(
      'variable Tid is placed twice',
    );
  });
});
