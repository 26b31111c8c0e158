import { expect, test } from 'vitest';
import lists from '../../../data/forms/code-lists.json' with { type: 'json' };
import skjema1 from '../../../data/forms/kostra-skjema-1.json' with { type: 'json' };
import plan from '../../../data/publication/kostra-skjema-1.json' with { type: 'json' };
import { parseCodeLists, parseFormDefinition } from './check.ts';
import { COUNTRY, OSLO_DISTRICTS, publishGrid, TOTAL, type GridTablePlan } from './grid-publication.ts';
import { resolveForm } from './resolve.ts';
import { flatIndex } from '../publication/dataset.ts';

const shared = parseCodeLists(lists, 'code-lists.json');
const form = resolveForm(parseFormDefinition(skjema1, 'skjema-1', shared), 2021, shared);

test('punkt 2-1 by unit, Oslo districts in total, KOSTRA group and country, each total the sum of its cells', () => {
  const dataset = publishGrid(
    form,
    plan.tables[0] as GridTablePlan,
    [
      {
        unit: '4640',
        name: 'Sogndal',
        group: 'EKG08',
        answers: { 'p2_1/LIS1/241': 37.5, 'p2_1/UTEN_AVTALE/120': 4 },
      },
      { unit: '030105', name: 'Bydel Frogner', answers: { 'p2_1/LIS1/241': 100 } },
      { unit: '030106', name: 'Bydel Ullern', answers: { 'p2_1/LIS1/232': 20.25 } },
    ],
    new Map([['EKG08', 'KOSTRA-gruppe 8']]),
    '2026-12-02T12:00:00Z',
  );
  const [regions, rows, columns] = dataset.dimensions.map((d) => d.categories.map((c) => c.code));
  expect(regions).toEqual([COUNTRY, OSLO_DISTRICTS, 'EKG08', '030105', '030106', '4640']);
  const sizes = dataset.dimensions.map((d) => d.categories.length);
  const value = (region: string, row: string, column: string) =>
    dataset.values[
      flatIndex(sizes, [regions!.indexOf(region), rows!.indexOf(row), columns!.indexOf(column), 0, 0])
    ];
  expect(value(COUNTRY, TOTAL, TOTAL)).toBe(161.8);
  expect(value(OSLO_DISTRICTS, 'LIS1', TOTAL)).toBe(120.3);
  expect(value('EKG08', TOTAL, TOTAL)).toBe(41.5);
  expect(value('4640', 'UTEN_AVTALE', '241')).toBe(0);
  expect(dataset.status.every((s) => s === null)).toBe(true);
});
