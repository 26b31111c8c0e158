/**
 * Norwegian number display, the same on every machine (no dependence on the ICU data Node was built
 * with): groups of three split by a no-break space, decimal comma, hyphen-minus.
 *
 * @example formatNorwegian(1234567.5) === '1\u00a0234\u00a0567,5'
 */
export function formatNorwegian(value: number, decimals?: number): string {
  const text = decimals === undefined ? String(Math.abs(value)) : Math.abs(value).toFixed(decimals);
  const point = text.indexOf('.');
  const whole = point < 0 ? text : text.slice(0, point);
  // Groups of three from the right, by hand: a regular expression with lookahead took a microsecond a number,
  // and the key figures print thousands of them.
  let grouped = whole.slice(0, ((whole.length - 1) % 3) + 1);
  for (let i = grouped.length; i < whole.length; i += 3) grouped += `\u00a0${whole.slice(i, i + 3)}`;
  return `${value < 0 ? '-' : ''}${grouped}${point < 0 ? '' : `,${text.slice(point + 1)}`}`;
}

/**
 * Reads a number as people type and paste it in Norway: "1 234", "1234", "1 234,0", "1.234.567"
 * (full stops as thousands separators), "-5", with ordinary or no-break spaces. Empty text is null; text
 * that is no number is NaN, so that the caller can say so.
 *
 * @example parseNorwegian('1 234,0') === 1234
 */
export function parseNorwegian(text: string): number | null {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '').replace(/^\u2212/, '-');
  if (compact === '') return null;
  let normalised = compact;
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(compact)) normalised = compact.replace(/\./g, '');
  normalised = normalised.replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(normalised) ? Number(normalised) : Number.NaN;
}
