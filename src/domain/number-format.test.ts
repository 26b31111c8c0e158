import { expect, test } from 'vitest';
import { formatNorwegian, parseNorwegian } from './number-format.ts';

test.each([
  [0, undefined, '0'],
  [999, undefined, '999'],
  [1000, undefined, '1\u00a0000'],
  [1234567, undefined, '1\u00a0234\u00a0567'],
  [12345, undefined, '12\u00a0345'],
  [123456, undefined, '123\u00a0456'],
  [-100, undefined, '-100'],
  [1234567.25, 2, '1\u00a0234\u00a0567,25'],
  [-75610369, undefined, '-75\u00a0610\u00a0369'],
  [12.5, undefined, '12,5'],
  [14.5, 1, '14,5'],
  [3, 1, '3,0'],
])('formatNorwegian(%d, %s) = %s', (value, decimals, expected) => {
  expect(formatNorwegian(value, decimals)).toBe(expected);
});

test.each([
  ['', null],
  ['  ', null],
  ['1234', 1234],
  ['1 234', 1234],
  ['1\u00a0234\u00a0567', 1234567],
  ['1 234,0', 1234],
  ['12,5', 12.5],
  ['1.234.567', 1234567],
  ['-5', -5],
  ['\u22125', -5],
])('parseNorwegian(%j) = %s', (text, expected) => {
  expect(parseNorwegian(text)).toBe(expected);
});

test.each(['12 kr', 'abc', '1,2,3', '1.5.2', '--5'])('parseNorwegian(%j) is NaN', (text) => {
  expect(parseNorwegian(text)).toBeNaN();
});
