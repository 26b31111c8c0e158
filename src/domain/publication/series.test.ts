import { describe, expect, test } from 'vitest';
import { MunicipalityReforms } from '../reforms.ts';
import type { PublishedDataset } from './dataset.ts';
import { mergeSeries, type PeriodSlice } from './series.ts';

/** One period of a table of regions by one measure: each region's value, or a symbol. */
function slice(
  period: string,
  cells: Record<string, number | ':'>,
  extra: Partial<PeriodSlice> = {},
): PeriodSlice {
  const codes = Object.keys(cells);
  const dataset: PublishedDataset = {
    id: 'KF',
    label: 'Netto driftsutgifter',
    description: 'test',
    source: 'Statistisk sentralbyrå',
    updated: `${period}-06-15T08:00:00.000Z`,
    decimals: 0,
    dimensions: [
      {
        id: 'Region',
        label: 'region',
        role: 'geo',
        categories: codes.map((code) => ({ code, label: code })),
      },
      {
        id: 'ContentsCode',
        label: 'statistikkvariabel',
        role: 'metric',
        categories: [{ code: 'A', label: 'A' }],
      },
      { id: 'Tid', label: 'år', role: 'time', categories: [{ code: period, label: period }] },
    ],
    values: codes.map((c) => (cells[c] === ':' ? null : (cells[c] as number))),
    status: codes.map((c) => (cells[c] === ':' ? ':' : null)),
    notes: [`Tall for ${period}.`],
    protection: { primary: 1, secondary: 0, checked: ['exact'] },
  };
  return { period, stage: 'final', dataset, revision: 1, ...extra };
}

/** The value and symbol of a region in a period. */
function cell(dataset: PublishedDataset, region: string, period: string) {
  const regions = dataset.dimensions[0]!.categories.map((c) => c.code);
  const periods = dataset.dimensions[2]!.categories.map((c) => c.code);
  const r = regions.indexOf(region);
  const t = periods.indexOf(period);
  if (r < 0 || t < 0) throw new Error(`no ${region} ${period}`);
  const at = r * periods.length + t;
  return { value: dataset.values[at], status: dataset.status[at] };
}

describe('a table published period by period', () => {
  test('two periods make one series: every region of either, "not available" where a period has none', () => {
    const series = mergeSeries([
      slice('2023', { EAK: 30, '1103': 10 }),
      slice('2022', { EAK: 20, '4601': 5 }),
    ]);
    expect(series.dimensions[2]!.categories.map((c) => c.code)).toEqual(['2022', '2023']);
    expect(series.dimensions[0]!.categories.map((c) => c.code)).toEqual(['EAK', '1103', '4601']);
    expect(cell(series, 'EAK', '2022')).toEqual({ value: 20, status: null });
    expect(cell(series, '1103', '2022')).toEqual({ value: null, status: '..' });
    expect(cell(series, '4601', '2023')).toEqual({ value: null, status: '..' });
    expect(series.label).toBe('Netto driftsutgifter 2022–2023');
    expect(series.notes).toEqual(['Tall for 2023.', 'Tall for 2022.']);
    expect(series.protection.primary).toBe(2);
  });

  test('a final publication is served over the preliminary one; a preliminary one alone is marked', () => {
    const preliminary = slice('2023', { EAK: 29 }, { stage: 'preliminary' });
    const final = slice('2023', { EAK: 31 });
    const both = mergeSeries([final, preliminary]);
    expect(cell(both, 'EAK', '2023').value).toBe(31);
    expect(both.dimensions[2]!.categories[0]!.note).toBeUndefined();
    const early = mergeSeries([preliminary, slice('2022', { EAK: 20 })]);
    expect(cell(early, 'EAK', '2023').value).toBe(29);
    expect(early.dimensions[2]!.categories[1]).toMatchObject({
      code: '2023',
      note: ['Foreløpige tall for 2023.'],
      noteEn: ['Preliminary figures for 2023.'],
    });
  });

  test('a revised period says so on that period, with the day and the reason', () => {
    const series = mergeSeries([
      slice('2022', { EAK: 20 }),
      slice(
        '2023',
        { EAK: 32 },
        { revision: 2, revisedAt: '2026-12-03T10:00:00Z', revisionNote: 'Bergen rettet.' },
      ),
    ]);
    const [first, second] = series.dimensions[2]!.categories;
    expect(first!.note).toBeUndefined();
    expect(second!.note).toEqual(['Tallene for 2023 er revidert 03.12.2026 (revisjon 2). Bergen rettet.']);
  });

  test('periods of different tables or variables are refused, naming them', () => {
    const other = slice('2022', { EAK: 1 });
    expect(() =>
      mergeSeries([slice('2023', { EAK: 2 }), { ...other, dataset: { ...other.dataset, id: 'X' } }]),
    ).toThrow('the period 2022 belongs to table X, not KF');
    const fewer = { ...other, dataset: { ...other.dataset, dimensions: other.dataset.dimensions.slice(1) } };
    expect(() => mergeSeries([slice('2023', { EAK: 2 }), fewer])).toThrow(
      'the period 2022 has the variables',
    );
  });
});

describe('a series in the newest municipal structure', () => {
  const reforms = new MunicipalityReforms([
    { year: 2024, kind: 'renumber', from: '3001', to: ['3101'], name: 'Halden' },
    { year: 2024, kind: 'split', from: '1507', to: ['1508', '1580'], name: 'Ålesund' },
    { year: 2020, kind: 'merge', from: '0101', to: ['3001'], name: 'Halden' },
    { year: 2020, kind: 'merge', from: '0102', to: ['3001'], name: 'Halden' },
  ]);
  const lists: Record<number, string[]> = { 2019: ['0101', '0102'], 2023: ['3001', '1507', '4601'] };
  const following = reforms.following(
    2024,
    (year) => lists[year] ?? [],
    new Map([
      ['3101', 'Halden'],
      ['1508', 'Ålesund'],
      ['1580', 'Haram'],
      ['4601', 'Bergen'],
    ]),
  );

  test('a renumbered municipality continues under its new code, with a note on the break', () => {
    const series = mergeSeries(
      [slice('2023', { '3001': 7, '4601': 9 }), slice('2024', { '3101': 8, '4601': 10 })],
      following,
    );
    expect(series.dimensions[0]!.categories.map((c) => c.code)).toEqual(['3101', '4601']);
    expect(cell(series, '3101', '2023')).toEqual({ value: 7, status: null });
    expect(cell(series, '3101', '2024')).toEqual({ value: 8, status: null });
    expect(series.dimensions[0]!.categories[0]!.note).toEqual(['2023: kommunenummer 3001.']);
    expect(series.dimensions[0]!.categories[1]!.note).toBeUndefined();
  });

  test('a region of an earlier structure keeps its code, noted with the periods it has figures for', () => {
    const series = mergeSeries(
      [slice('2023', { EKA30: 70, '3001': 7 }), slice('2024', { EKA31: 40, '3101': 8 })],
      following,
    );
    expect(series.dimensions[0]!.categories.find((c) => c.code === 'EKA30')!.note).toEqual([
      'Tall bare for 2023.',
    ]);
    expect(series.dimensions[0]!.categories.find((c) => c.code === 'EKA31')!.note).toBeUndefined();
    expect(cell(series, 'EKA30', '2024')).toEqual({ value: null, status: '..' });
  });

  test('a split municipality is not carried over: its successors have no figures before the split', () => {
    const series = mergeSeries(
      [slice('2023', { '1507': 50 }), slice('2024', { '1508': 40, '1580': 12 })],
      following,
    );
    expect(cell(series, '1508', '2023')).toEqual({ value: null, status: '..' });
    expect(cell(series, '1580', '2023')).toEqual({ value: null, status: '..' });
    expect(cell(series, '1580', '2024')).toEqual({ value: 12, status: null });
    expect(series.dimensions[0]!.categories.find((c) => c.code === '1580')!.note![0]).toContain(
      'ble senere delt',
    );
  });

  test('merged municipalities are summed where all are in the period, withheld where one is withheld', () => {
    const to2023 = reforms.following(2023, (year) => lists[year] ?? [], new Map([['3001', 'Halden']]));
    const summed = mergeSeries(
      [slice('2019', { '0101': 3, '0102': 4 }), slice('2023', { '3001': 9 })],
      to2023,
    );
    expect(cell(summed, '3001', '2019')).toEqual({ value: 7, status: null });
    expect(summed.dimensions[0]!.categories[0]!.note).toEqual([
      '2019: summen av 0101, 0102, som senere ble slått sammen.',
    ]);
    const withheld = mergeSeries(
      [slice('2019', { '0101': 3, '0102': ':' }), slice('2023', { '3001': 9 })],
      to2023,
    );
    expect(cell(withheld, '3001', '2019')).toEqual({ value: null, status: ':' });
    const partial = mergeSeries([slice('2019', { '0101': 3 }), slice('2023', { '3001': 9 })], to2023);
    expect(cell(partial, '3001', '2019')).toEqual({ value: null, status: '..' });
  });
});
