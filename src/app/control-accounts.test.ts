import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { controlAccountsFile } from './control-accounts.ts';
const DECLARED = { skjema: '0A', year: 2019, quarter: '4', region: '040200' };
import { KONGSVINGER } from '../testing/shared-data.ts';

describe('Kongsvinger 2019 (real), controlled as a 2019 file', () => {
  let dir: string;
  let original: string[];
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kostra-accounts-'));
    original = (await readFile(KONGSVINGER, 'latin1')).split('\n');
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  /** The file with some of its lines changed, written as the municipality would send it. */
  /** The file with its records' quarter blanked, declared as an annual file. */
  const controlAnnual = async () => {
    const path = join(dir, 'annual.dat');
    await writeFile(
      path,
      original.map((l) => (l.length >= 7 ? `${l.slice(0, 6)} ${l.slice(7)}` : l)).join('\n'),
      'latin1',
    );
    return controlAccountsFile(path, { ...DECLARED, quarter: ' ' });
  };
  const mutated = async (change: (lines: string[]) => string[]) => {
    const path = join(dir, `m${Math.random().toString(36).slice(2)}.dat`);
    await writeFile(path, change([...original]).join('\n'), 'latin1');
    return controlAccountsFile(path, DECLARED);
  };

  test("as SSB's quarterly program controls it: no sum rules, only the two illogical functions in investment", async () => {
    const { report } = await controlAccountsFile(KONGSVINGER, DECLARED);
    expect(report.records).toBe(1644);
    expect(report.findings.map((f) => [f.rule, f.severity, f.lines])).toEqual([
      ['045', 'INFO', [1537, 1592]],
      ['045', 'INFO', [1539, 1553, 1594]],
    ]);
    expect(report.highest).toBe('INFO');
    expect(original[1536]).toMatch(/^0A20194040200 {18}0100 /);
    // Art 877 on function 325 (line 1463) is no error: 877 is not among the arts that need function 800.
    expect(original[1462]).toMatch(/^0A20194040200 {18}1325 877/);
  });

  test('as an annual file (its quarter blanked): every finding traced to its rule, with its lines', async () => {
    const { report } = await controlAnnual();
    const byRule: Record<string, (typeof report.findings)[number][]> = {};
    for (const f of report.findings) (byRule[f.rule] ??= []).push(f);
    expect(Object.keys(byRule).sort()).toEqual(['045', '095', '110', 'K18']);
    expect(byRule['110']![0]!.message).toContain('differansen (35838)');
    // The 2019 program's control 18: function 290 (internal service units) not distributed in investment.
    expect(byRule.K18).toMatchObject([
      {
        severity: 'ERROR',
        message:
          'Korrigér slik at summen (97) av funksjon 290, art 010-590 og 600-990 i investeringsregnskapet blir 0 (margin på ±29).',
      },
    ]);
    for (const f of report.findings) for (const line of f.lines) expect(original[line - 1]).toHaveLength(48);
  });

  test('its function 254 key figures, with the arithmetic', async () => {
    const { functions } = await controlAccountsFile(KONGSVINGER, DECLARED);
    const f254 = functions.find((f) => f.function === '254')!;
    expect(f254.name).toBe('Helse- og omsorgstjenester til hjemmeboende');
    const figure = (code: string) => f254.figures.find((k) => k.code === code)!;
    // Summed by hand from the file's function-254 operations records, by SSB's definitions: arts 010-480
    // (263 121) + 590 (388) + 690 (-153) + 710 (-9 829) + 729 (-2 504).
    expect(figure('AGD10').value).toBe(251023);
    // 010-290 (238 771) + 429 (2 504) + 590 (388) + 690 (-153) + 729 (-2 504) + 790 (none).
    expect(figure('AGD4')).toMatchObject({ value: 239006 });
    expect(figure('AGD4').terms).toContainEqual({ what: 'art 429', amount: 2504 });
    expect(figure('AGD4').terms.some((t) => t.what === 'art 370')).toBe(false);
    expect(figure('AGD16').value).toBe(211266);
    // AGD10 + the other income arts 600-895: 600 (-6 700), 650 (-3), 700 (-1 767), 730 (-813), 750 (-349),
    // 770 (-244), 890 (-44).
    expect(figure('AGD2').value).toBe(241103);
    expect(figure('AGD2').terms[0]).toEqual({ what: 'AGD10', amount: 251023 });
    // The arithmetic adds up: every term of AGD10 summed is its value.
    expect(figure('AGD10').terms.reduce((s, t) => s + t.amount, 0)).toBe(251023);
  });

  test('read in small chunks into the kernel memory, or given at once: the same result', async () => {
    // Chunks of an odd size cut records anywhere; a line longer than a chunk makes the reader's room grow.
    const path = join(dir, 'long-line.dat');
    const lines = [...original.slice(0, 700), 'x'.repeat(5000), ...original.slice(700)];
    await writeFile(path, lines.join('\r\n'), 'latin1');
    const atOnce = await controlAccountsFile(await readFile(path), DECLARED);
    for (const chunkBytes of [997, 64 * 1024]) {
      const chunked = await controlAccountsFile(path, DECLARED, { chunkBytes });
      expect({ ...chunked, file: '' }).toEqual({ ...atOnce, file: '' });
    }
    expect(atOnce.report.findings.map((f) => f.rule)).toEqual(['001']);
    const whole = await controlAccountsFile(KONGSVINGER, DECLARED, { chunkBytes: 997 });
    expect(whole).toEqual(await controlAccountsFile(KONGSVINGER, DECLARED));
  });

  test.each([
    [
      'a short record',
      '001',
      'FATAL',
      (l: string[]) => {
        l[10] = l[10]!.slice(0, 30);
        return l;
      },
    ],
    [
      'a function not valid that year (257 in 2019)',
      '010',
      'ERROR',
      (l: string[]) => {
        l[20] = l[20]!.slice(0, 32) + '257 ' + l[20]!.slice(36);
        return l;
      },
    ],
    [
      'art 800 on another function',
      '080',
      'ERROR',
      (l: string[]) => [...l, '0A20194040200                  1850 800      -10'],
    ],
    [
      'art 589 off function 899',
      '065',
      'ERROR',
      (l: string[]) => [...l, '0A20194040200                  1120 589     5000'],
    ],
    [
      'a wrong region',
      '006',
      'ERROR',
      (l: string[]) => {
        l[0] = l[0]!.replace('040200', '340100');
        return l;
      },
    ],
  ])('%s: rule %s, %s', async (_, rule, severity, change) => {
    const { report } = await mutated(change);
    const found = report.findings.filter((f) => f.rule === rule);
    expect(found.map((f) => f.severity)).toContain(severity);
  });
});
