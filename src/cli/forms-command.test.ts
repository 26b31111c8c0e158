import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kostra, kostraWith, ROOT } from './testing/kostra-process.ts';
import { afterAll, expect, test } from 'vitest';

const temp = await mkdtemp(join(tmpdir(), 'kostra-forms-'));
afterAll(() => rm(temp, { recursive: true, force: true }));

test('forms list names the forms and their years', async () => {
  const { code, stdout } = await kostra('forms', 'list');
  expect(code).toBe(0);
  expect(stdout).toContain(
    'kostra-skjema-1\t2019–2021\tmunicipality, oslo_district\tKOSTRA skjema 1 Kommunehelse',
  );
});

test('forms show prints the form as asked that year, as JSON with what is new', async () => {
  const { code, stdout } = await kostra('forms', 'show', 'kostra-skjema-1', '--year', '2021', '--json');
  expect(code).toBe(0);
  const form = JSON.parse(stdout) as {
    year: number;
    sections: { key: string; items: { key: string; rows?: { code: string; labels: { nb: string } }[] }[] }[];
    new_this_year: { kind: string; path: string }[];
  };
  expect(form.year).toBe(2021);
  expect(form.sections.map((s) => s.key)).toEqual(['del2', 'del3', 'del4', 'del5', 'del7', 'legevakt']);
  const p21 = form.sections[0]!.items[0]!;
  expect(p21.rows!.map((r) => r.labels.nb)).toEqual([
    'Lege i spesialisering 1 (LIS1) / turnuslege',
    'Leger uten avtale',
  ]);
  expect(form.new_this_year).toContainEqual(
    expect.objectContaining({ kind: 'added', path: 'p2_1/rows/UTEN_AVTALE' }),
  );
  const text = await kostra('forms', 'show', 'kostra-skjema-1', '--year', '2020');
  expect(text.stdout).toContain('rader: Turnuslege\n');
  expect(text.stdout).toContain('Nytt i årets skjema:');
});

test('forms show refuses a year the form does not cover, and a form that does not exist', async () => {
  const late = await kostra('forms', 'show', 'kostra-skjema-1', '--year', '2030');
  expect(late.code).toBe(1);
  expect(late.stderr).toContain('the form covers 2019–2021, not 2030');
  const none = await kostra('forms', 'show', 'skjema-99', '--year', '2020');
  expect(none.code).toBe(1);
  expect(none.stderr).toContain('no form skjema-99; there are f254, kostra-skjema-1, kostra-skjema-4');
});

test('forms check names every mistake of a file with its path', async () => {
  const definition = JSON.parse(await readFile(join(ROOT, 'data/forms/kostra-skjema-1.json'), 'utf8')) as {
    sections: { items: { key: string; rows?: { code_list: string } }[] }[];
    rules: { part?: string }[];
  };
  definition.sections[0]!.items[0]!.rows = { code_list: 'avtaleformer' };
  definition.sections[1]!.items[0]!.key = 'p2_1';
  const file = join(temp, 'broken.json');
  await writeFile(file, JSON.stringify(definition));
  const broken = await kostra('forms', 'check', file);
  expect(broken.code).toBe(1);
  expect(broken.stderr.trim().split('\n')).toEqual([
    `${file}, sections.0.items.0.rows.code_list: unknown code list avtaleformer`,
    `${file}, sections.1.items.0.key: duplicate key p2_1`,
    // The renamed item is gone, and the dated change that names it says so.
    `${file}, changes.2.paths.0: no item p3_2`,
  ]);
  const good = await kostra('forms', 'check', join(ROOT, 'data/forms/kostra-skjema-1.json'));
  expect(good.code).toBe(0);
  await writeFile(join(temp, 'not-json.json'), '{"id": ');
  const junk = await kostra('forms', 'check', join(temp, 'not-json.json'));
  expect(junk.code).toBe(1);
  expect(junk.stderr).toContain('not-json.json: ');
});

test(
  'forms round opens a round of a form for its units; tokens gives their links',
  { timeout: 60_000 },
  async () => {
    const env = { KOSTRA_DATA_DIR: join(temp, 'data') };
    const units = join(temp, 'units.csv');
    await writeFile(units, 'code,name\n4640,Sogndal\n030105,Bydel Frogner\n');
    const opened = await kostraWith(
      env,
      ...[
        'forms',
        'round',
        '--form',
        'kostra-skjema-4',
        '--year',
        '2021',
        '--units',
        units,
        '--id',
        's4-2021',
      ],
      ...['--deadline', '2022-01-15'],
    );
    expect(opened.stderr).toBe('');
    expect(opened.stdout).toContain('s4-2021: kostra-skjema-4 for 2021, 2 units');
    const tokens = await kostraWith(env, 'tokens', '--survey', 's4-2021');
    expect(
      tokens.stdout
        .trim()
        .split('\n')
        .map((l) => l.split(' ')[0]),
    ).toEqual(['030105', '4640']);

    await writeFile(units, 'code,name\n4640,Sogndal\n0301-05,Frogner\n');
    const bad = await kostraWith(
      env,
      ...['forms', 'round', '--form', 'kostra-skjema-4', '--year', '2021', '--units', units, '--id', 's4-b'],
    );
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(
      'units.csv, line 3: "0301-05" is no 4-digit municipality or 6-digit district code',
    );
  },
);
