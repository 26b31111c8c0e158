import { expect, test } from 'vitest';
import { lockoutMs } from './sign-in-throttle.ts';

test('free failures first, then a wait that doubles, up to fifteen minutes', () => {
  expect([4, 5, 6, 7, 10].map((n) => lockoutMs('account', n))).toEqual([0, 1000, 2000, 4000, 32_000]);
  expect(lockoutMs('account', 40)).toBe(15 * 60 * 1000);
  expect(lockoutMs('address', 19)).toBe(0);
  expect(lockoutMs('address', 20)).toBe(1000);
});
