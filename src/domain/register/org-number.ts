/**
 * Organisation numbers of the Central Coordinating Register for Legal Entities (Enhetsregisteret): nine
 * digits, the last a modulus-11 check digit over the first eight with the weights 3 2 7 6 5 4 3 2. A
 * remainder that would need the check digit 10 is never issued, so such a number is not valid.
 */
const WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2] as const;

/** The check digit of eight digits, or undefined when none exists (the remainder asks for 10). */
export function orgNumberCheckDigit(firstEight: string): number | undefined {
  if (!/^\d{8}$/.test(firstEight)) return undefined;
  const sum = WEIGHTS.reduce((acc, weight, i) => acc + weight * Number(firstEight[i]), 0);
  const digit = (11 - (sum % 11)) % 11;
  return digit === 10 ? undefined : digit;
}

export function isOrgNumber(value: string): boolean {
  if (!/^\d{9}$/.test(value)) return false;
  return orgNumberCheckDigit(value.slice(0, 8)) === Number(value[8]);
}

/** Why a text is not an organisation number, in words for the person who typed it; undefined when it is one. */
export function orgNumberProblem(value: string): string | undefined {
  if (!/^\d{9}$/.test(value)) return `"${value}" is not nine digits`;
  return isOrgNumber(value) ? undefined : `${value} fails the modulus-11 check of its last digit`;
}
