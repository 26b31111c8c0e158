/**
 * The one rounding rule of the product: half away from zero, as SSB rounds, computed exactly on integers
 * so that 0.5 never becomes 0.49999.
 *
 * @example roundedRatio(1, 8, 100) === 13 // 12.5 % rounds up
 * @example roundedRatio(-1, 8, 100) === -13
 */
export function roundedRatio(numerator: number, denominator: number, scale = 1, decimals = 0): number {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator)) {
    throw new RangeError(`roundedRatio takes whole numbers, got ${numerator}/${denominator}`);
  }
  if (denominator === 0) throw new RangeError('roundedRatio: denominator is zero');
  const factor = BigInt(scale) * 10n ** BigInt(decimals);
  const n = BigInt(numerator) * factor;
  const d = BigInt(denominator);
  const negative = n < 0n !== d < 0n && n !== 0n;
  const absN = n < 0n ? -n : n;
  const absD = d < 0n ? -d : d;
  const rounded = (2n * absN + absD) / (2n * absD);
  const value = Number(negative ? -rounded : rounded);
  return decimals === 0 ? value : value / 10 ** decimals;
}

/** A percentage, half away from zero; null where there is nothing to take a share of. */
export function percent(part: number, whole: number, decimals = 0): number | null {
  return whole === 0 ? null : roundedRatio(part, whole, 100, decimals);
}

/**
 * An amount to a whole number by the same rule, half away from zero (Math.round takes −2.5 to −2): for sums
 * already in the unit, such as key figures in 1000 NOK that carry a fraction.
 */
export function roundedAmount(value: number): number {
  const rounded = Math.sign(value) * Math.round(Math.abs(value));
  return rounded === 0 ? 0 : rounded;
}
