import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { RecordKernel, STOP, type KernelKind } from './record-kernel.ts';
import { recordLine } from './testing.ts';

const DECLARED = '0A2022 340100         ';

/** A kernel with `text` in its first chunk. */
function loaded(text: string, duplicates = { kept: 0, shown: 0 }) {
  const kernel = new RecordKernel(DECLARED, duplicates);
  kernel.chunk(0, text.length).set(Uint8Array.from(text, (c) => c.charCodeAt(0)));
  return { kernel, chunk: () => kernel.chunk(0), end: text.length };
}

/** Runs over the chunk from `start`, judging each new combination as a verdict and key of its own. */
function runJudging(
  kernel: RecordKernel<unknown>,
  chunk: () => Uint8Array,
  end: number,
  flagged = false,
  start = 0,
) {
  let s = start;
  for (;;) {
    s = kernel.run(chunk(), s, end);
    if (kernel.stop === STOP.line) return s;
    if (kernel.stop === STOP.new) kernel.addVerdict(kernel.addKey(), flagged);
    else kernel.takeEvents();
  }
}

describe('the amount field', () => {
  test('"        0" is passed over: no record to the control program, as it drops such records', () => {
    const text = recordLine({ function: '254', art: '010', amount: '        0' });
    const { kernel, chunk, end } = loaded(`${text}\n${text}\n`);
    expect(kernel.run(chunk(), 0, end)).toBe(end);
    expect(kernel.records).toBe(2);
    expect(kernel.takenSums().count).toBe(0);
    expect(kernel.takeEvents()).toHaveLength(0);
  });

  test.each([
    ['       -0', 0],
    ['      000', 0],
    ['       17', 17],
    ['      -17', -17],
    ['  4410000', 4410000],
    ['99999999', 99999999],
    ['-9999999', -9999999],
  ])('%j is taken as %d', (amount, value) => {
    const { kernel, chunk, end } = loaded(`${recordLine({ function: '254', art: '010', amount })}\n`);
    // New: judged first. A zero amount is a combination of its own (some rules concern amounts not zero).
    expect(kernel.run(chunk(), 0, end)).toBe(0);
    expect([kernel.stop, kernel.stoppedAtZero]).toEqual([STOP.new, value === 0]);
    expect(runJudging(kernel, chunk, end)).toBe(end);
    expect(kernel.records).toBe(1);
    expect(kernel.takenSums().sums[1]).toBe(value);
  });

  test.each([
    '-99999999',
    '123456789',
    '000000012',
    '         ',
    '  12 34  ',
    '   --5   ',
    '       5-',
    '    +12  ',
    ' \t    12',
    '  -  5   ',
    '    12\xa0 ',
  ])('%j is left to the text path', (amount) => {
    const { kernel, chunk, end } = loaded(`${recordLine({ function: '254', art: '010', amount })}\n`);
    expect(runJudging(kernel, chunk, end)).toBe(0);
    expect(kernel.stop).toBe(STOP.line);
    expect(kernel.records).toBe(0);
  });
});

describe('the record', () => {
  const plain = recordLine({ function: '254', art: '010', amount: 5 });

  test.each([
    ['a line feed', true, `${plain}\n`],
    ['a carriage return and a line feed', true, `${plain}\r\n`],
    ['no line break yet', false, plain],
    ['a carriage return alone', false, `${plain}\rx`],
    ['one character more', false, `${plain}9\n`],
    ['another region', false, `${plain.replace('340100', '030100')}\n`],
    ['another quarter', false, `${plain.slice(0, 6)}3${plain.slice(7)}\n`],
    ['a tab in the orgnr', false, `${plain.slice(0, 15)}\t${plain.slice(16)}\n`],
    ['a control character in the art', false, `${plain.slice(0, 37)}\x01${plain.slice(38)}\n`],
  ])('with %s: taken %s', (_, taken, text) => {
    const { kernel, chunk, end } = loaded(text);
    expect(runJudging(kernel, chunk, end)).toBe(taken ? end : 0);
    expect(kernel.records).toBe(taken ? 1 : 0);
  });

  test('a declaration that is not 22 Latin-1 characters takes no record', () => {
    const kernel = new RecordKernel('0A2022340100', { kept: 0, shown: 0 });
    const text = `${plain}\n`;
    kernel.chunk(0, text.length).set(Uint8Array.from(text, (c) => c.charCodeAt(0)));
    expect(kernel.run(kernel.chunk(0), 0, text.length)).toBe(0);
    expect(kernel.stop).toBe(STOP.line);
  });
});

describe('keys, lines and events', () => {
  const line = (fn: string, amount: number) => recordLine({ function: fn, art: '010', amount });

  test('lines are numbered on from the text path; a key keeps its count and first line', () => {
    const { kernel, chunk, end } = loaded([line('254', 1), line('120', 2), line('254', 3), ''].join('\n'));
    expect(kernel.nextLine()).toBe(1);
    expect(runJudging(kernel, chunk, end)).toBe(end);
    expect(kernel.records).toBe(3);
    expect([kernel.keyCount(0), kernel.keyFirst(0), kernel.keyCount(1), kernel.keyFirst(1)]).toEqual([
      2, 2, 1, 3,
    ]);
    expect(kernel.nextLine()).toBe(5);
  });

  test('duplicates: lines kept up to those kept, events up to those shown; findings are events', () => {
    const lines = Array.from({ length: 6 }, (_, i) => line('254', i + 1));
    const { kernel, chunk, end } = loaded(`${lines.join('\n')}\n`, { kept: 3, shown: 2 });
    runJudging(kernel, chunk, end);
    // The first record of the key is no duplicate; the second to fourth are kept, the second and third shown.
    expect([...kernel.keptDuplicates()]).toEqual([0, 2, 0, 3, 0, 4]);
    expect([...kernel.takeEvents()]).toEqual([49, 2, 0, 1, 98, 3, 0, 1]);
    expect(kernel.takeEvents()).toHaveLength(0);
    kernel.keepDuplicate(0, 9);
    expect([...kernel.keptDuplicates()].slice(-2)).toEqual([0, 9]);
    const flagged = loaded(`${lines.slice(0, 2).join('\n')}\n`);
    runJudging(flagged.kernel, flagged.chunk, flagged.end, true);
    expect([...flagged.kernel.takeEvents()]).toEqual([0, 1, 0, 0, 49, 2, 0, 0]);
  });

  test('with more events than it holds, the kernel stops after the record that filled them', () => {
    const lines = Array.from({ length: 5000 }, (_, i) => line('254', i + 1));
    const { kernel, chunk, end } = loaded(`${lines.join('\n')}\n`);
    let s = 0;
    let events = 0;
    for (;;) {
      s = kernel.run(chunk(), s, end);
      events += kernel.takeEvents().length / 4;
      if (kernel.stop === STOP.new) kernel.addVerdict(kernel.addKey(), true);
      else if (kernel.stop === STOP.line) break;
    }
    expect([s, events, kernel.records, kernel.takenSums().sums[1]]).toEqual([
      end,
      5000,
      5000,
      (5000 * 5001) / 2,
    ]);
  });
});

describe('file after file', () => {
  type Kind = KernelKind<{ files: number } | undefined>;
  const kind: Kind = { kind: {}, fresh: () => ({ files: 0 }) };
  const text = `${[1, 2, 3].map((amount) => recordLine({ function: '254', art: '010', amount })).join('\n')}\n`;
  const bytes = Uint8Array.from(text, (c) => c.charCodeAt(0));

  /** `text` as a file of `kind` (or none): what the kernel took, and whether it first stopped at a new combination. */
  function file(k?: Kind) {
    const kernel = new RecordKernel(DECLARED, { kept: 5, shown: 5 }, k);
    if (kernel.state) kernel.state.files++;
    kernel.chunk(0, bytes.length).set(bytes);
    const at = kernel.run(kernel.chunk(0), 0, bytes.length);
    const stopped = kernel.stop === STOP.new;
    const end = stopped ? runJudging(kernel, () => kernel.chunk(0), bytes.length, false, at) : at;
    const { count, keys, sums } = kernel.takenSums();
    const result = {
      stopped,
      end,
      records: kernel.records,
      count: kernel.keyCount(keys[0]!),
      first: kernel.keyFirst(keys[0]!),
      sums: [count, sums[1]],
      duplicates: kernel.keptDuplicates().length / 2,
      files: kernel.state?.files,
    };
    kernel.release();
    return result;
  }

  test('a file of the same kind finds the combinations judged before, and counts its own records from nothing', () => {
    const alone = { end: bytes.length, records: 3, count: 3, first: 1, sums: [1, 6], duplicates: 2 };
    expect(file(kind)).toEqual({ ...alone, stopped: true, files: 1 });
    expect(file(kind)).toEqual({ ...alone, stopped: false, files: 2 });
    // Another kind at the same time has an instance of its own; the first kind keeps its table.
    const other: Kind = { kind: {}, fresh: () => ({ files: 0 }) };
    const held = new RecordKernel(DECLARED, { kept: 5, shown: 5 }, other);
    expect(file(kind)).toEqual({ ...alone, stopped: false, files: 3 });
    held.release();
    expect(file(other)).toEqual({ ...alone, stopped: true, files: 1 });
    expect(file(kind)).toEqual({ ...alone, stopped: false, files: 4 });
    // A file of no kind has a table of its own: the instance it takes is begun anew.
    expect(file()).toEqual({ ...alone, stopped: true, files: undefined });
  });

  test('a table of more combinations than a kept table may hold begins anew with the next file', () => {
    const many: Kind = { kind: {}, fresh: () => ({ files: 0 }) };
    const code = (i: number) => String(i % 1000).padStart(3, '0');
    // 70 000 distinct combinations: two kontoklasser, 35 functions, 1 000 arts.
    const records = Array.from({ length: 70_000 }, (_, i) =>
      recordLine({
        kontoklasse: String(i % 2),
        function: String(100 + Math.floor(i / 2000)),
        art: code(i >> 1),
        amount: 1,
      }),
    );
    const large = Uint8Array.from(`${records.join('\n')}\n`, (c) => c.charCodeAt(0));
    const kernel = new RecordKernel(DECLARED, { kept: 5, shown: 5 }, many);
    if (kernel.state) kernel.state.files++;
    kernel.reserve(records.length);
    kernel.chunk(0, large.length).set(large);
    expect(runJudging(kernel, () => kernel.chunk(0), large.length)).toBe(large.length);
    kernel.release();
    // Its first record, judged in the file before, is new to the table begun anew.
    const next = new RecordKernel(DECLARED, { kept: 5, shown: 5 }, many);
    expect(next.state).toEqual({ files: 0 });
    next.chunk(0, 49).set(large.subarray(0, 49));
    expect([next.run(next.chunk(0), 0, 49), next.stop]).toEqual([0, STOP.new]);
  });
});

test('after `reserve(n)`, taking n records, new combinations or duplicates, does not grow the memory', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 3000 }),
      fc.integer({ min: 0, max: 3000 }),
      fc.integer({ min: 1, max: 6000 }),
      (n, before, distinct) => {
        // Record i has combination i % distinct: each a new verdict, key and slot, or a kept duplicate.
        const code = (i: number) => String(i % 1000).padStart(3, '0');
        const line = (i: number) =>
          recordLine({
            function: code(Math.floor((i % distinct) / 1000)),
            art: code(i % distinct),
            amount: 1,
          });
        const { kernel, chunk, end } = loaded(
          `${Array.from({ length: before + n }, (_, i) => line(i)).join('\n')}\n`,
          { kept: 200, shown: 5 },
        );
        runJudging(kernel, chunk, before * 49);
        kernel.reserve(n);
        const view = chunk();
        expect(runJudging(kernel, () => view, end, false, before * 49)).toBe(end);
        // The view made before is still of the kernel's memory: nothing grew (growing detaches it).
        expect(kernel.holds(view) && view.length > 0).toBe(true);
        expect(kernel.records).toBe(before + n);
      },
    ),
    { numRuns: 60 },
  );
});
