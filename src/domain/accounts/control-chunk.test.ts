import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { AccountsControl } from './control.ts';
import { parseControlRules } from './control-rules.ts';
import { FunctionArtSums } from './key-figures.ts';
import type { Declared } from './record.ts';
import { recordLine, testChart } from './testing.ts';

const rules = parseControlRules(
  JSON.parse(readFileSync(new URL('../../../data/accounts/controls.json', import.meta.url), 'utf8')),
  'controls.json',
);
const DECLARED: Declared = { skjema: '0A', year: 2022, quarter: ' ', region: '340100' };
const chart = testChart();
const ORGNR = '940155223';

/** Lines of all kinds: records that pass, that break a rule, that repeat a key, and lines that are no record. */
const line = fc.oneof(
  fc
    .record({
      kontoklasse: fc.constantFrom('1', '0', '3', 'x'),
      function: fc.constantFrom('254', '120', '860', '999', '25', '254x', '2\t4', '190', '290'),
      art: fc.constantFrom('010', '590', '600', '990', '800', '570', '97 ', '0\x010', '490'),
      amount: fc.oneof(fc.integer({ min: -999_999, max: 99_999_999 }), fc.constant(0)),
    })
    .map((f) => recordLine(f)),
  // The amount field written in ways the fast path must leave to the text path, or take as it does.
  fc
    .constantFrom(
      '       -0',
      '-12345678',
      '123456789',
      '  12 34  ',
      '   --5   ',
      '         ',
      '       5-',
      ' \t    12',
      '000000012',
      '    +12  ',
      // Plain amounts of the same combination: a wrongly taken field would share their verdicts.
      '        0',
      '       17',
    )
    .map((amount) => recordLine({ function: '254', art: '010', amount })),
  // Declared fields that differ, a tab, control characters, the wrong length, Latin-1 letters.
  fc.constantFrom(
    recordLine({ region: '030100', function: '254', art: '010', amount: 5 }),
    recordLine({ quarter: '3', function: '254', art: '010', amount: 5 }),
    // Organisation numbers: the declared one (or none), another, a foretaksnummer of its own.
    recordLine({ orgnr: ORGNR, function: '254', art: '010', amount: 5 }),
    recordLine({ orgnr: ORGNR, foretaksnr: ORGNR, function: '254', art: '010', amount: 5 }),
    recordLine({ orgnr: '964965226', function: '254', art: '010', amount: 5 }),
    recordLine({ foretaksnr: '964965226', function: '254', art: '010', amount: 5 }),
    recordLine({ orgnr: ORGNR, foretaksnr: '9649652', function: '254', art: '010', amount: 5 }),
    recordLine({ function: '254', art: '010', amount: 5 }).replace('    ', '\t   '),
    recordLine({ function: '254', art: '010', amount: 5 }).replace(' ', '\x01'),
    recordLine({ function: '254', art: '010', amount: 5 }).slice(0, 40),
    `${recordLine({ function: '254', art: '010', amount: 5 })}9`,
    recordLine({ function: '254', art: '010', amount: 5 }).replace('     ', 'Ærø  '),
    '',
  ),
);

/** The report and the key-figure sums, every line given to `accept` as text. */
function byText(lines: readonly string[], declared: Declared) {
  const sums = new FunctionArtSums();
  const control = new AccountsControl(rules, declared, chart.codeList(declared.year), sums);
  lines.forEach((text, i) => control.accept(text, i + 1));
  return { report: control.finish(), sums: sums.byFunction };
}

/**
 * The same through `acceptChunk`, the file cut into chunks where `cuts` say, as the reader does: the rest of
 * a chunk that `acceptChunk` leaves is carried to the front of the next.
 */
function byChunks(lines: readonly string[], lineBreak: string, cuts: readonly number[], declared: Declared) {
  const file = Uint8Array.from(lines.join(lineBreak), (c) => c.charCodeAt(0));
  const sums = new FunctionArtSums();
  const control = new AccountsControl(rules, declared, chart.codeList(declared.year), sums);
  let carried = new Uint8Array(0);
  let at = 0;
  for (const cut of [...cuts.filter((c) => c < file.length)].sort((a, b) => a - b).concat(file.length)) {
    const chunk = new Uint8Array(carried.length + cut - at);
    chunk.set(carried);
    chunk.set(file.subarray(at, cut), carried.length);
    at = cut;
    const last = cut === file.length;
    const rest = control.acceptChunk(chunk, 0, chunk.length, last);
    carried = chunk.slice(rest);
  }
  return { report: control.finish(), sums: sums.byFunction };
}

describe('the fast path judges as the text path does', () => {
  test('the same findings, lines, counts, examples and key-figure sums, however the file is cut', () => {
    fc.assert(
      fc.property(
        fc.array(line, { maxLength: 60, size: 'max' }),
        fc.constantFrom('\n', '\r\n'),
        fc.array(fc.nat({ max: 3000 }), { maxLength: 8 }),
        // 2019 has rules of its own (sums of functions 190 and 290, art 490).
        fc.constantFrom(2019, 2022),
        // Oslo keeps county functions; its districts are spared some sums.
        fc.constantFrom('340100', '030100', '030102'),
        // Files with an organisation number declared, and without.
        fc.constantFrom(undefined, ORGNR),
        (generated, lineBreak, cuts, year, region, orgnr) => {
          const declared = { ...DECLARED, year, region, ...(orgnr ? { orgnr } : {}) };
          const lines = generated.map((l) =>
            l.startsWith('0A2022 340100') ? `0A${year} ${region}${l.slice(13)}` : l,
          );
          // A line break at the very end ends the last line; it does not begin an empty one.
          const read = lines.at(-1) === '' ? lines.slice(0, -1) : lines;
          expect(byChunks(lines, lineBreak, cuts, declared)).toEqual(byText(read, declared));
        },
      ),
      { numRuns: 400 },
    );
  });

  test('files one after another, and two at a time, as a national year in one process: each as alone', () => {
    // The kernel keeps the combinations judged for the next file of the same kind: nothing of a file's own
    // (counts, first lines, sums, duplicates, findings) may reach the next, of its kind or another.
    const file = fc.record({
      lines: fc.array(line, { maxLength: 40, size: 'max' }),
      year: fc.constantFrom(2019, 2022),
      // Two municipalities of one kind (their files share a kernel's table), and Oslo, of another.
      region: fc.constantFrom('340100', '300100', '030100'),
    });
    fc.assert(
      fc.property(fc.array(file, { minLength: 2, maxLength: 6 }), (files) => {
        const declared = files.map(({ year, region }) => ({ ...DECLARED, year, region }));
        const texts = files.map(({ lines }, i) =>
          lines.map((l) =>
            l.startsWith('0A2022 340100') ? `0A${declared[i]!.year} ${declared[i]!.region}${l.slice(13)}` : l,
          ),
        );
        const alone = texts.map((lines, i) =>
          byText(lines.at(-1) === '' ? lines.slice(0, -1) : lines, declared[i]!),
        );
        // One after another.
        texts.forEach((lines, i) => expect(byChunks(lines, '\n', [], declared[i]!)).toEqual(alone[i]));
        // Two at a time: the second begins before the first has finished.
        for (let i = 0; i + 1 < texts.length; i += 2) {
          const [a, b] = [0, 1].map((j) => {
            const sums = new FunctionArtSums();
            const d = declared[i + j]!;
            return { sums, control: new AccountsControl(rules, d, chart.codeList(d.year), sums) };
          });
          for (const [j, { control }] of [a!, b!].entries()) {
            const bytes = Uint8Array.from(texts[i + j]!.join('\n'), (c) => c.charCodeAt(0));
            control.acceptChunk(bytes, 0, bytes.length, true);
          }
          for (const [j, { control, sums }] of [a!, b!].entries())
            expect({ report: control.finish(), sums: sums.byFunction }).toEqual(alone[i + j]);
        }
      }),
      { numRuns: 80 },
    );
  });

  test('more records to note than the kernel holds between its runs: every one noted, in order', () => {
    // Art 800 on function 254 breaks a combination rule, and the key repeats: each record is noted twice.
    const lines = Array.from({ length: 9000 }, (_, i) =>
      recordLine({ function: i % 3 === 0 ? '120' : '254', art: '800', amount: i + 1 }),
    );
    const chunked = byChunks(lines, '\n', [200_000], DECLARED);
    const noted = (rule: string) =>
      chunked.report.findings.filter((f) => f.rule === rule).reduce((sum, f) => sum + f.count, 0);
    expect(noted('080')).toBe(9000);
    expect(noted('015')).toBe(8998);
    expect(chunked).toEqual(byText(lines, DECLARED));
  });

  test('more combinations than the kernel first makes room for: its table grows, the sums stay', () => {
    // 6000 combinations of kontoklasse, function and art (most of them invalid: findings too), twice each.
    const lines = Array.from({ length: 12_000 }, (_, i) =>
      recordLine({
        kontoklasse: String(i % 2),
        function: String(100 + ((i >> 1) % 30)),
        art: String(Math.floor(i / 60) % 100).padStart(3, '0'),
        amount: ((i * 7919) % 2001) - 1000,
      }),
    );
    expect(byChunks(lines, '\n', [], DECLARED)).toEqual(byText(lines, DECLARED));
  });

  test('a file that ends with a line break has no empty last line', () => {
    const lines = [recordLine({ function: '254', art: '010', amount: 5 })];
    const withBreak = byChunks([...lines, ''], '\n', [], DECLARED);
    expect(withBreak.report.records).toBe(1);
    expect(withBreak).toEqual(byText(lines, DECLARED));
  });
});
