import { expect, test } from 'vitest';
import { mergeAnswers } from './previous-year.ts';

test("a merged unit's last year is the sum of its predecessors' numbers; other answers only where they agree", () => {
  expect(
    mergeAnswers([
      { a: 10, b: true, c: ['X'], d: 'tekst' },
      { a: 2, b: true, c: ['Y'] },
    ]),
  ).toEqual({ a: 12, b: true, d: 'tekst' });
  const one = { a: 1 };
  expect(mergeAnswers([one])).toBe(one);
});
