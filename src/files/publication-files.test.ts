import { describe, expect, test } from 'vitest';
import type { PublishedDataset } from '../domain/publication/dataset.ts';
import { datasetCsv, datasetStatbank } from './publication-files.ts';

const dataset: PublishedDataset = {
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
      categories: [
        { code: '0301', label: 'Oslo' },
        { code: '3414', label: 'Nord-Odal' },
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
    { id: 'Tid', label: 'år', role: 'time', categories: [{ code: '2021', label: '2021' }] },
  ],
  values: [100, 90, null, null],
  status: [null, null, ':', '..'],
  notes: [],
  protection: { primary: 1, secondary: 0, checked: ['exact'] },
};

describe('publication files', () => {
  test('StatBank load file: semicolons, no header, each value followed by its suppression code', () => {
    expect(datasetStatbank(dataset)).toBe('0301;2021;100;;90;\n3414;2021;;:;;..\n');
  });

  test('CSV: codes and labels, the value or its symbol', () => {
    expect(datasetCsv(dataset).split('\n').slice(0, 2)).toEqual([
      'Region,Region (tekst),ContentsCode,ContentsCode (tekst),Tid,Tid (tekst),verdi',
      '0301,Oslo,AGD10,Brutto,2021,2021,100',
    ]);
    expect(datasetCsv(dataset)).toContain('3414,Nord-Odal,AGD10,Brutto,2021,2021,:\n');
  });
});
