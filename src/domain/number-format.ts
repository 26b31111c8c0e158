/**
 * Norwegian number display, the same on every machine (no dependence on the ICU data Node was built
 * with): groups of three split by a no-break space, decimal comma, hyphen-minus.
 *
 * @example formatNorwegian(1234567.5) === '1\u00a0234\u00a0567,5'
 */
export function formatNorwegian(value: number, decimals?: number): string {
  const text = decimals === undefined ? String(Math.abs(value)) : Math.abs(value).toFixed(decimals);
  const [whole = '', fraction] = text.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  return `${value < 0 ? '-' : ''}${grouped}${fraction === undefined ? '' : `,${fraction}`}`;
}
