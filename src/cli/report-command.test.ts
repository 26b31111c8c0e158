import { mkdtemp, readFile, readdir, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kostra, kostraWith } from './testing/kostra-process.ts';
import { afterAll, describe, expect, test } from 'vitest';
import { KONGSVINGER, PILOT } from '../testing/shared-data.ts';

const temp = await mkdtemp(join(tmpdir(), 'kostra-cli-'));
afterAll(() => rm(temp, { recursive: true, force: true }));

describe('kostra report', () => {
  test('writes report.json, a CSV per table, the SVG figures and one HTML page', async () => {
    const out = join(temp, 'report');
    const result = await kostra('report', '--data', PILOT, '--out', out);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('f254-pilot-2022: 31 of 50 responded, 23 could split');

    const json = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as Record<string, unknown[]>;
    expect(Object.keys(json).sort()).toEqual(
      [
        'table-3.1',
        'table-3.2',
        'table-3.3',
        'table-4.1',
        'table-4.2',
        'table-4.3',
        'table-4.4',
        'table-4.5',
        'table-4.6',
        'table-4.7',
        'table-A.1',
        'table-A.2',
        'figure-4.1',
        'figure-4.2',
        'figure-4.3',
        'figure-4.4',
      ].sort(),
    );
    expect((await readdir(join(out, 'tables'))).sort()).toEqual(
      Object.keys(json)
        .map((k) => `${k}.csv`)
        .sort(),
    );
    expect(await readFile(join(out, 'tables', 'table-4.3.csv'), 'utf8')).toBe(
      'method,count\r\nRESPONSIBILITY,7\r\nKOSTRA_4_DIGIT,7\r\nCOST_STRUCTURE,6\r\nOTHER,5\r\n',
    );
    expect((await readdir(join(out, 'figures'))).sort()).toEqual([
      'figure-4.1.svg',
      'figure-4.2.svg',
      'figure-4.3.svg',
      'figure-4.4.svg',
    ]);
    const svg = await readFile(join(out, 'figures', 'figure-4.2.svg'), 'utf8');
    expect(svg).toMatch(/^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg).toContain('1 - ASSS-kommune');
    expect(svg).toContain('Ambulerende hjemmetjeneste');

    const html = await readFile(join(out, 'index.html'), 'utf8');
    expect(html).toContain('<html lang="nb">');
    expect(html).toContain(
      'Det var i alt 31 kommuner som besvarte spørreundersøkelsen, en svarprosent på 62 prosent.',
    );
    expect(html).toMatch(
      /oppgir 3 kommuner for KOSTRA arbeidsgruppe i tabell 3.1, men notatets egen vedleggstabell A.1\s+viser 5/,
    );
    expect(html).toContain('<figure class="chart" id="figure-4.4">');
    // Appendix A.1 names who was invited, as the note does; no answer is tied to a name.
    expect(html).toMatch(/id="table-A.1"[\s\S]*Trondheim/);
    const answers = html.slice(html.indexOf('<h2>4 Resultater</h2>'), html.indexOf('<h2>Vedlegg A</h2>'));
    const appendixA2 = html.slice(html.indexOf('id="table-A.2"'));
    for (const part of [answers, appendixA2, svg]) {
      expect(part).not.toContain('Trondheim');
      expect(part).not.toContain('5001');
    }
  });

  test('bad data exits 1 and says what and where, writing nothing', async () => {
    const data = join(temp, 'bad-data');
    await mkdir(data);
    await writeFile(
      join(data, 'responses.json'),
      '{"survey": "x", "reference_year": 2021, "unit": "1000 NOK", "responses": [{}]}',
    );
    const out = join(temp, 'never');
    const result = await kostra('report', '--data', data, '--out', out);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('responses.json, response 1 (municipality ?)');
    await expect(readdir(out)).rejects.toThrow();
  });

  test('a folder with other files is not overwritten', async () => {
    const out = join(temp, 'precious');
    await mkdir(out);
    await writeFile(join(out, 'thesis.docx'), 'mine');
    const result = await kostra('report', '--data', PILOT, '--out', out);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('the folder holds other files than a report');
    expect(await readdir(out)).toEqual(['thesis.docx']);
  });

  test('import stores a round in the embedded database, and report --round reads it back', async () => {
    const env = { KOSTRA_DATA_DIR: join(temp, 'pgdata') };
    const imported = await kostraWith(env, 'import', '--data', PILOT);
    expect(imported).toMatchObject({
      code: 0,
      stdout: 'imported f254-pilot-2022: 50 invited, 31 responses\n',
    });
    const again = await kostraWith(env, 'import', '--data', PILOT);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('survey round f254-pilot-2022 exists already');
    const tokens = await kostraWith(env, 'tokens', '--survey', 'f254-pilot-2022');
    expect(tokens.code).toBe(0);
    const lines = tokens.stdout.trim().split('\n');
    expect(lines).toHaveLength(50);
    expect(lines.every((line) => /^\d{4} [A-Za-z0-9_-]{43}$/.test(line))).toBe(true);
    // New links every time (only hashes are kept), for the same municipalities.
    const anew = (await kostraWith(env, 'tokens', '--survey', 'f254-pilot-2022')).stdout.trim().split('\n');
    expect(anew.map((l) => l.slice(0, 4))).toEqual(lines.map((l) => l.slice(0, 4)));
    expect(anew.filter((l) => lines.includes(l))).toEqual([]);
    expect((await kostraWith(env, 'tokens', '--survey', 'nope')).stderr).toContain('no survey round nope');
    const out = join(temp, 'from-store');
    const reported = await kostraWith(env, 'report', '--round', 'f254-pilot-2022', '--out', out);
    expect(reported.code).toBe(0);
    const json = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as Record<string, unknown[]>;
    expect(json['table-4.2']?.at(-1)).toEqual({
      category: 'ANY',
      count: 23,
      share_of_all: 74,
      share_of_splitters: 100,
    });

    const statbank = join(temp, 'statbank');
    const published = await kostraWith(env, 'publish', '--round', 'f254-pilot-2022', '--statbank', statbank);
    expect(published.code).toBe(0);
    expect(published.stdout).toContain(
      `F254VIRKSOMHET: StatBank load file ${join(statbank, 'f254virksomhet1.dat')}`,
    );
    expect((await readdir(statbank)).sort()).toEqual(['f254malgruppe1.dat', 'f254virksomhet1.dat']);
    const load = await readFile(join(statbank, 'f254virksomhet1.dat'), 'utf8');
    const rows = load.split('\r\n');
    expect(rows.at(-1)).toBe('');
    // Region, category, year; four measures; their four suppression codes (04 where withheld).
    expect(rows[0]).toMatch(/^I_ALT;AMBULANT;2021;\d+;\d+;\d+;-?\d+;;;;$/);
    expect(rows).toContain('3414;BPA;2021;;;;;04;04;04;04');
    // All respondents, 5 size groups and the 31 respondents; the country without Oslo, their counties and
    // KOSTRA groups (20 more); seven categories each.
    expect(rows).toHaveLength((37 + 20) * 7 + 1);
  }, 60_000);

  test('user add makes a statistician from KOSTRA_PASSWORD, and refuses a weak password', async () => {
    const env = { KOSTRA_DATA_DIR: join(temp, 'users'), KOSTRA_PASSWORD: 'et langt og godt passord' };
    const added = await kostraWith(
      env,
      'user',
      'add',
      '--username',
      'kari',
      '--name',
      'Kari Nordmann',
      '--role',
      'admin',
    );
    expect(added).toMatchObject({ code: 0, stdout: 'added kari (admin)\n' });
    const weak = await kostraWith(
      { ...env, KOSTRA_PASSWORD: 'kort' },
      'user',
      'add',
      '--username',
      'per',
      '--name',
      'Per',
    );
    expect(weak.code).toBe(1);
    expect(weak.stderr).toContain('at least 12 characters');
    expect(
      (await kostraWith(env, 'user', 'add', '--username', 'x', '--name', 'X', '--role', 'boss')).code,
    ).toBe(2);
  });

  test('a wrong command exits 2 with the help', async () => {
    const result = await kostra('report', '--data', PILOT);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('report needs --out OUT');
    expect(result.stderr).toContain('Usage:');
    expect((await kostra('frobnicate')).code).toBe(2);
    expect((await kostra('report', '--nonsense')).code).toBe(2);
  });
});

describe('kostra control and figures', () => {
  test('control exits by the highest severity and writes the JSON and HTML reports', async () => {
    const html = join(temp, 'control.html');
    const json = join(temp, 'control.json');
    const result = await kostra(
      'control',
      KONGSVINGER,
      '--year',
      '2019',
      '--skjema',
      '0A',
      '--region',
      '040200',
      '--html',
      html,
      '--json',
      json,
    );
    // A fourth quarter's file, as its name says: SSB's quarterly program has no sum rules, and art 877 off
    // function 800 is no error; two functions illogical in investment inform.
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'INFO    045 Kombinasjon i investeringsregnskapet, kontoklasse og funksjon',
    );
    expect(result.stdout).not.toMatch(/ERROR|WARNING/);
    const page = await readFile(html, 'utf8');
    expect(page).toContain('Funksjon 254 Helse- og omsorgstjenester til hjemmeboende');
    expect(page).toContain('251\u00a0023');
    const report = JSON.parse(await readFile(json, 'utf8')) as { report: { declared: { quarter: string } } };
    expect(report.report.declared.quarter).toBe('4');
  });

  test('a clean file exits 0; a file with warnings only exits 1; a wrong command 2', async () => {
    const line = (fn: string, art: string, amount: number) =>
      `0A2022 340100                  1${fn.padEnd(4)}${art}${String(amount).padStart(9)}`;
    const clean = [
      line('254', '010', 2000),
      line('254', '590', 50),
      line('860', '990', -50),
      line('800', '870', -600),
      line('840', '800', -400),
      line('254', '600', -1000),
    ];
    const file = join(temp, 'clean.dat');
    await writeFile(file, clean.join('\n'));
    expect(
      (await kostra('control', file, '--year', '2022', '--skjema', '0A', '--region', '340100')).code,
    ).toBe(0);
    await writeFile(file, [...clean, line('254', '010', 5)].join('\n'));
    const warned = await kostra('control', file, '--year', '2022', '--skjema', '0A', '--region', '340100');
    expect(warned.code).toBe(1);
    expect(warned.stdout).toContain('WARNING 015 Dubletter');
    expect((await kostra('control', file, '--year', '2022')).code).toBe(2);
    // A skjema the control does not know is a usage error, not a file full of findings.
    const county = await kostra('control', file, '--year', '2022', '--skjema', '0C', '--region', '340100');
    expect([county.code, county.stderr]).toEqual([
      2,
      expect.stringContaining('--skjema must be one of 0A, 0B, 0M, 0N'),
    ]);
  });

  test('control with an organisation number: records of another number are refused', async () => {
    const line = (orgnr: string, fn: string, art: string, amount: number) =>
      `0A2022 340100${orgnr.padEnd(9)}         1${fn.padEnd(4)}${art}${String(amount).padStart(9)}`;
    const file = join(temp, 'orgnr.dat');
    await writeFile(
      file,
      [line('964950113', '254', '010', 5), line('123456789', '254', '600', -5)].join('\n'),
    );
    const args = ['control', file, '--year', '2022', '--skjema', '0A', '--region', '340100'];
    const declared = await kostra(...args, '--orgnr', '964950113');
    expect(declared.stdout).toContain(
      "ERROR   007 Organisasjonsnummer: Fant ugyldig organisasjonsnummer '123456789'",
    );
    expect(declared.stdout).toContain('(1: linje 2)');
    // Without one, the program expects the field blank, as most municipalities send it.
    const blank = (await kostra(...args)).stdout;
    expect(blank).toContain(
      "Fant ugyldig organisasjonsnummer '964950113'. Korrigér til '         '. (1: linje 1)",
    );
    expect(blank).toContain(
      "Fant ugyldig organisasjonsnummer '123456789'. Korrigér til '         '. (1: linje 2)",
    );
    expect((await kostra(...args, '--orgnr', '12345')).stderr).toContain('--orgnr must be nine digits');
  });

  test('figures prints each function with its arithmetic', async () => {
    const result = await kostra('figures', KONGSVINGER);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'AGD2       241\u00a0103  = 251\u00a0023 (AGD10) − 6\u00a0700 (art 600) − 3 (art 650) − 1\u00a0767 (art 700)',
    );
    expect(result.stdout).toMatch(
      /AGD4 {7}239\u00a0006 {2}= 137\u00a0496 \(art 010\).* − 2\u00a0504 \(art 729\)\n/,
    );
  });
});
