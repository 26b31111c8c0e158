import { describe, expect, test } from 'vitest';
import { applyCodelist } from './codelist.ts';
import type { CellSymbol, Codelist, PublishedDataset } from './dataset.ts';
import { testDataset } from './testing.ts';

/** Five municipalities and all of them, one measure: the respondents' table in small. */
function table(values: (number | null)[], status: (CellSymbol | null)[]): PublishedDataset {
  const dataset = testDataset(
    [
      { code: 'I_ALT', label: 'Alle', members: ['0301', '1103', '1106', '3401', '3403'] },
      { code: '0301', label: 'Oslo' },
      { code: '1103', label: 'Stavanger' },
      { code: '1106', label: 'Haugesund' },
      { code: '3401', label: 'Kongsvinger' },
      { code: '3403', label: 'Hamar' },
    ],
    [{ code: 'AGD10', label: 'Brutto' }],
    { values, status },
  );
  return dataset;
}

const counties: Codelist = {
  id: 'agg_Fylker2021',
  label: 'Fylker',
  values: [
    { code: 'EKA03', label: 'Oslo', valueMap: ['0301'] },
    { code: 'EKA11', label: 'Rogaland', valueMap: ['1101', '1103', '1106'] },
    { code: 'EKA18', label: 'Nordland', valueMap: ['1804'] },
    { code: 'EKA34', label: 'Innlandet', valueMap: ['3401', '3403', '3405'] },
  ],
};
const country: Codelist = {
  id: 'agg_Landet2021',
  label: 'Landet',
  values: [{ code: 'EAK', label: 'Landet', valueMap: ['0301', '1101', '1103', '1106', '3401', '3403'] }],
};

const cells = (d: PublishedDataset) =>
  d.dimensions[0]!.categories.map((c, i) => [c.code, d.status[i] ?? d.values[i]]);

describe('aggregation codelists', () => {
  test('a group is the sum of the members the table has; groups without members are left out', () => {
    const aggregated = applyCodelist(
      table([150, 100, 20, 5, 10, 15], [null, null, null, null, null, null]),
      'Region',
      counties,
      undefined,
      'aggregated',
    );
    expect(cells(aggregated)).toEqual([
      ['EKA03', 100],
      ['EKA11', 25],
      ['EKA34', 25],
    ]);
    expect(aggregated.dimensions[0]!.categories[1]!.members).toEqual(['1103', '1106']);
  });

  test('a group with a withheld member is withheld: its sum would give the member away', () => {
    const aggregated = applyCodelist(
      table([150, 100, null, 5, 10, null], [null, null, ':', null, null, '..']),
      'Region',
      counties,
      undefined,
      'aggregated',
    );
    expect(cells(aggregated)).toEqual([
      ['EKA03', 100],
      ['EKA11', ':'],
      ['EKA34', '..'],
    ]);
  });

  test('where the table has the aggregate itself, its protected cell is used, withheld members or not', () => {
    const withheld = table([150, 100, null, 5, 10, 15], [null, null, ':', null, null, null]);
    expect(cells(applyCodelist(withheld, 'Region', country, undefined, 'aggregated'))).toEqual([
      ['EAK', 150],
    ]);
    const hidden = table([null, 100, null, 5, 10, 15], [':', null, ':', null, null, null]);
    expect(cells(applyCodelist(hidden, 'Region', country, undefined, 'aggregated'))).toEqual([['EAK', ':']]);
  });

  test('single gives the chosen groups’ members as they are, group after group', () => {
    const single = applyCodelist(
      table([150, 100, 20, 5, 10, 15], [null, null, null, null, null, null]),
      'Region',
      counties,
      [2, 0],
      'single',
    );
    expect(cells(single)).toEqual([
      ['3401', 10],
      ['3403', 15],
      ['0301', 100],
    ]);
  });
});
