import { describe, expect, test } from 'vitest';
import { testDataset } from '../domain/publication/testing.ts';
import { datasetCsv, datasetStatbank } from './publication-files.ts';

const dataset = testDataset(
  [
    { code: '0301', label: 'Oslo' },
    { code: '3414', label: 'Nord-Odal' },
  ],
  [
    { code: 'AGD10', label: 'Brutto' },
    { code: 'AGD2', label: 'Netto' },
  ],
  { values: [100, 90, null, null], status: [null, null, ':', '..'] },
);

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
