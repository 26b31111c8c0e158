import type { DatasetCategory, DatasetDimension, PublishedDataset } from './dataset.ts';

/** A small published dataset for tests: the dimensions given, then contents and year, with its cells. */
export function testDataset(
  regions: readonly DatasetCategory[],
  measures: readonly { code: string; label: string; unit?: string }[],
  cells: { values: (number | null)[]; status: PublishedDataset['status'] },
): PublishedDataset {
  const dimensions: DatasetDimension[] = [
    { id: 'Region', label: 'region', role: 'geo', categories: regions },
    { id: 'ContentsCode', label: 'statistikkvariabel', role: 'metric', categories: measures },
    { id: 'Tid', label: 'år', role: 'time', categories: [{ code: '2021', label: '2021' }] },
  ];
  return {
    id: 'T1',
    label: 'Test',
    description: 'A test table',
    source: 'Statistisk sentralbyrå',
    updated: '2026-11-23T12:00:00.000Z',
    decimals: 0,
    dimensions,
    ...cells,
    notes: [],
    protection: { primary: 1, secondary: 0, checked: ['exact'] },
  };
}
