import { expect, test } from 'vitest';
import { formatNorwegian } from './number-format.ts';

test.each([
  [0, undefined, '0'],
  [999, undefined, '999'],
  [1000, undefined, '1\u00a0000'],
  [1234567, undefined, '1\u00a0234\u00a0567'],
  [-75610369, undefined, '-75\u00a0610\u00a0369'],
  [12.5, undefined, '12,5'],
  [14.5, 1, '14,5'],
  [3, 1, '3,0'],
])('formatNorwegian(%d, %s) = %s', (value, decimals, expected) => {
  expect(formatNorwegian(value, decimals)).toBe(expected);
});
