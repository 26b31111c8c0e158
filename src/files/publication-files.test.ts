import { describe, expect, test } from 'vitest';
import { testDataset } from '../domain/publication/testing.ts';
import { datasetCsv } from './publication-files.ts';

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
  test('CSV: one row per cell without a heading, the value or its symbol', () => {
    expect(datasetCsv(dataset)).toBe(
      'region,statistikkvariabel,år,verdi\nOslo,Brutto,2021,100\nOslo,Netto,2021,90\nNord-Odal,Brutto,2021,:\nNord-Odal,Netto,2021,..\n',
    );
  });

  test('CSV: the heading across, codes or texts, a separator, a title, quotes where a field needs them', () => {
    const layout = { headingCount: 2, labels: 'codes', title: true, separator: ';', language: 'no' } as const;
    // Semicolons make the file Norwegian Excel's: a byte-order mark, Windows line ends, decimal commas.
    expect(datasetCsv(dataset, layout)).toBe(
      '\uFEFFTest\r\nRegion;AGD10 2021;AGD2 2021\r\n0301;100;90\r\n3414;:;..\r\n',
    );
    const decimals = testDataset(
      [{ code: '0301', label: 'Oslo' }],
      [{ code: 'AGD10_INNB', label: 'Per innbygger' }],
      {
        values: [1234.5],
        status: [null],
      },
    );
    expect(datasetCsv(decimals, { ...layout, title: false, headingCount: 0 })).toBe(
      '\uFEFFRegion;ContentsCode;Tid;verdi\r\n0301;AGD10_INNB;2021;1234,5\r\n',
    );
    const both = { ...layout, labels: 'codesAndTexts', separator: ' ', title: false } as const;
    expect(datasetCsv(dataset, both).split('\n')[1]).toBe('"0301 Oslo" 100 90');
  });
});
