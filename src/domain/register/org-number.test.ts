import { describe, expect, it } from 'vitest';
import { isOrgNumber, orgNumberCheckDigit, orgNumberProblem } from './org-number.ts';

describe('organisation numbers', () => {
  it('accepts numbers the register has issued', () => {
    // Brønnøysundregistrene's own and Statistics Norway's, as printed on their pages.
    expect(isOrgNumber('974760673')).toBe(true);
    expect(isOrgNumber('971526920')).toBe(true);
  });

  it('refuses a changed digit, the wrong length and letters', () => {
    expect(isOrgNumber('974760674')).toBe(false);
    expect(isOrgNumber('97476067')).toBe(false);
    expect(isOrgNumber('97476067a')).toBe(false);
    expect(orgNumberProblem('974760674')).toBe('974760674 fails the modulus-11 check of its last digit');
    expect(orgNumberProblem('12')).toBe('"12" is not nine digits');
  });

  it('computes the check digit as weights 3 2 7 6 5 4 3 2 modulo 11', () => {
    // 9*3+7*2+4*7+7*6+6*5+0*4+6*3+7*2 = 173; 173 mod 11 = 8; 11 - 8 = 3.
    expect(orgNumberCheckDigit('97476067')).toBe(3);
    // A remainder of 0 gives the check digit 0, not 11.
    const zero = Array.from({ length: 1000 }, (_, i) => String(80000000 + i)).find(
      (eight) => orgNumberCheckDigit(eight) === 0,
    );
    expect(zero).toBeDefined();
  });

  it('issues no number whose remainder asks for the check digit 10', () => {
    // 1*3 + 0 + … + 3*2 = 9 → 11 - 9 = 2; find an eight-digit start whose digit would be 10.
    const tens = Array.from({ length: 200 }, (_, i) => String(10000000 + i)).filter(
      (eight) => orgNumberCheckDigit(eight) === undefined,
    );
    expect(tens.length).toBeGreaterThan(0);
    for (const eight of tens) for (let d = 0; d <= 9; d++) expect(isOrgNumber(`${eight}${d}`)).toBe(false);
  });
});
