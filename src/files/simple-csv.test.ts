import { expect, test } from 'vitest';
import { csvLines } from './simple-csv.ts';

test('skips the header and blank lines, trims fields, keeps line numbers', () => {
  expect(
    csvLines('\uFEFFmunicipality,email\r\n 0301 , post@oslo.kommune.no\n\n5041,x\n', 'municipality'),
  ).toEqual([
    { fields: ['0301', 'post@oslo.kommune.no'], number: 2 },
    { fields: ['5041', 'x'], number: 4 },
  ]);
});

test('a file without a header starts at line 1', () => {
  expect(csvLines('0301,3', 'municipality')).toEqual([{ fields: ['0301', '3'], number: 1 }]);
});
