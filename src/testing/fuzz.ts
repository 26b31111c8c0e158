import fc from 'fast-check';

/**
 * Seeded mutations of a valid input, as a fuzzer makes them: characters and whole lines inserted, deleted,
 * doubled or replaced, from an alphabet of what breaks parsers (separators, quotes, line ends, NUL, a lone
 * surrogate, signs, exponents, digits enough to overflow an integer). Bench scripts run many; `npm test` a
 * few hundred (FUZZ_RUNS sets how many).
 */
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 200);
/** A test's time limit: the usual one, or long enough for FUZZ_RUNS cases that each go through the database. */
export const FUZZ_TIMEOUT = process.env.FUZZ_RUNS ? 1_800_000 : 30_000;
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 16);

const nasty = fc.constantFrom(
  ',',
  ';',
  '"',
  "'",
  '\n',
  '\r\n',
  '\r',
  '\0',
  '\uD800',
  '\uFFFD',
  'ø',
  '-',
  '+',
  '.',
  'e',
  'E',
  ' ',
  '\t',
  '{',
  '}',
  '[',
  ']',
  ':',
  '9'.repeat(12),
  '99999999999999999999',
  '2147483648',
  'NaN',
  'Infinity',
  'null',
  'true',
  '0x10',
  '1e308',
  '__proto__',
  '*',
  '?',
  '(',
  ')',
  '%',
  '&',
  '=',
);

type Mutation = {
  at: number;
  kind: 'insert' | 'delete' | 'replace' | 'double-line' | 'drop-line';
  text: string;
};

const mutation: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('insert', 'delete', 'replace', 'double-line', 'drop-line'),
  text: fc.oneof(nasty, fc.string({ maxLength: 4 }), fc.stringMatching(/^-?\d{1,25}$/)),
});

function apply(text: string, m: Mutation): string {
  const at = text.length === 0 ? 0 : m.at % text.length;
  if (m.kind === 'insert') return text.slice(0, at) + m.text + text.slice(at);
  if (m.kind === 'delete') return text.slice(0, at) + text.slice(at + 1 + (m.at % 7));
  if (m.kind === 'replace') return text.slice(0, at) + m.text + text.slice(at + m.text.length);
  const lines = text.split('\n');
  const line = m.at % Math.max(1, lines.length);
  if (m.kind === 'double-line') lines.splice(line, 0, lines[line] ?? '');
  else lines.splice(line, 1);
  return lines.join('\n');
}

/** A valid text with one to eight mutations applied. */
export const mutated = (valid: string): fc.Arbitrary<string> =>
  fc.array(mutation, { minLength: 1, maxLength: 8 }).map((ms) => ms.reduce(apply, valid));

/** fast-check's settings: the given number of runs (a slow property's own), or FUZZ_RUNS when set. */
export const fuzzParameters = (runs = FUZZ_RUNS) => ({
  seed: FUZZ_SEED,
  numRuns: process.env.FUZZ_RUNS ? FUZZ_RUNS : runs,
});
