import { describe, expect, test } from 'vitest';
import { percent, roundedAmount, roundedRatio } from './rounding.ts';

describe('roundedRatio', () => {
  test.each([
    [1, 8, 100, 0, 13], // 12.5 rounds away from zero
    [-1, 8, 100, 0, -13],
    [3, 8, 100, 0, 38], // 37.5
    [1, 3, 100, 0, 33],
    [2, 3, 100, 0, 67],
    [7, 8, 100, 0, 88], // table 4.1: 7 of 8
    [6, 7, 100, 0, 86],
    [3, 7, 100, 0, 43],
    [8, 18, 100, 0, 44],
    [1, 16, 100, 1, 6.3], // 6.25 to one decimal
    [-1, 16, 100, 1, -6.3],
    [1, -8, 100, 0, -13],
    [0, 5, 100, 0, 0],
  ])('%i/%i × %i to %i decimals = %d', (n, d, scale, decimals, expected) => {
    expect(roundedRatio(n, d, scale, decimals)).toBe(expected);
  });

  test('is exact where floating point is not', () => {
    // 1.005 × 100 is 100.49999999999999 in floating point; as a ratio it is exactly 100.5.
    expect(roundedRatio(201, 200, 100, 0)).toBe(101);
  });

  test('refuses fractions and a zero denominator', () => {
    expect(() => roundedRatio(0.5, 2)).toThrow(RangeError);
    expect(() => roundedRatio(1, 0)).toThrow(/zero/);
  });
});

describe('percent', () => {
  test('is null of nothing', () => {
    expect(percent(0, 0)).toBeNull();
  });
  test('rounds to whole numbers by default', () => {
    expect(percent(31, 50)).toBe(62);
    expect(percent(41, 50)).toBe(82);
  });
});

describe('roundedAmount', () => {
  test('half away from zero, as roundedRatio, never -0', () => {
    expect([2.5, -2.5, 1.4999, -0.4, 0].map(roundedAmount)).toEqual([3, -3, 1, 0, 0]);
    expect(Object.is(roundedAmount(-0.4), -0)).toBe(false);
  });
});
