import { describe, expect, test } from 'vitest';
import { parseMinutes } from './minutes.ts';

describe('the time a form took, as people write it', () => {
  test.each([
    ['45', 45],
    ['45 min', 45],
    ['45min', 45],
    ['45 minutter', 45],
    ['45 minuttar', 45],
    ['45 minutes', 45],
    ['1 t 30 min', 90],
    ['1 time og 30 minutter', 90],
    ['1,5 timer', 90],
    ['2 hours', 120],
    ['1:30', 90],
    ['  90  ', 90],
  ])('«%s» is %i minutes', (text, minutes) => {
    expect(parseMinutes(text)).toBe(minutes);
  });

  test.each(['', 'ca. en halvtime', '45 sekunder', 'min', '1:75', '-5'])(
    '«%s» is no time it can read',
    (text) => {
      expect(parseMinutes(text)).toBeUndefined();
    },
  );
});
