import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { flatIndex, type PublishedDataset } from '../domain/publication/dataset.ts';
import { roundedRatio } from '../domain/rounding.ts';
import type { Db } from '../store/database.ts';
import { testDatabases } from '../store/testing/databases.ts';
import { ingestAccountsFile } from './ingest-accounts.ts';
import { keyFiguresOfYear, publishKeyFigures } from './key-figures.ts';
import { writeSyntheticNationalYear } from './synthetic-accounts.ts';
import { listPublications } from '../store/publications.ts';

const [pglite] = await testDatabases();

/** A CSV file of data/ read as rows of fields, header left out: read here, not through the product. */
async function dataRows(path: string): Promise<string[][]> {
  const text = await readFile(new URL(`../../data/${path}`, import.meta.url), 'utf8');
  return text
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(','));
}

/**
 * The test's own sum, from the files as written and the population file as shipped: AGD2 (netto
 * driftsutgifter) of the home-care functions is every operations record on them (expenses and the income
 * arts 600 and 710 the generator writes), in 1000 NOK.
 */
async function netExpenses(files: readonly string[], functions: readonly string[]) {
  const byMunicipality = new Map<string, number>();
  for (const file of files)
    for (const line of (await readFile(file, 'latin1')).split('\n')) {
      // skjema 0-1, year 2-5, quarter 6, region 7-12, organisation numbers 13-30, kontoklasse 31,
      // function 32-35, art 36-38, amount 39-47.
      if (line.length < 48 || line[31] !== '1' || !functions.includes(line.slice(32, 36).trim())) continue;
      const m = line.slice(7, 11);
      byMunicipality.set(m, (byMunicipality.get(m) ?? 0) + Number(line.slice(39, 48)));
    }
  return byMunicipality;
}

function valueOf(dataset: PublishedDataset, codes: Record<string, string>) {
  const sizes = dataset.dimensions.map((d) => d.categories.length);
  const at = flatIndex(
    sizes,
    dataset.dimensions.map((d) => d.categories.findIndex((c) => c.code === codes[d.id])),
  );
  return { value: dataset.values[at], status: dataset.status[at] };
}

describe('home care key figures from a synthetic national year of accounts', () => {
  let db: Db;
  let drop: () => Promise<void>;
  let dir: string;
  let files2022: string[];
  let files2024: string[];
  beforeAll(async () => {
    ({ db, drop } = await pglite!.open());
    dir = await mkdtemp(join(tmpdir(), 'kostra-key-figures-'));
    files2022 = await writeSyntheticNationalYear(2022, 7, join(dir, '2022'));
    files2024 = await writeSyntheticNationalYear(2024, 7, join(dir, '2024'));
    for (const file of [...files2022, ...files2024]) {
      const result = await ingestAccountsFile(db, file, 'test');
      // The generator's files pass SSB's controls: nothing of ERROR or FATAL.
      expect(result.report.findings.filter((f) => f.severity === 'ERROR' || f.severity === 'FATAL')).toEqual(
        [],
      );
    }
  }, 240_000);
  afterAll(async () => {
    await drop();
    await rm(dir, { recursive: true, force: true });
  });

  test('a KOSTRA group and a county per inhabitant: the sum of their expenses over the sum of their population', async () => {
    expect(files2022).toHaveLength(356);
    const dataset = await keyFiguresOfYear(db, 2022, new Date('2023-03-15T08:00:00Z'));
    const expenses = await netExpenses(files2022, ['254']);
    // KOSTRA divides 2022 by the population at its end: 1 January 2023, the same structure.
    const population = new Map(
      (await dataRows('reference/population/population-2023.csv')).map(([region, , total, p67, p80]) => [
        region!,
        [Number(total), Number(p67), Number(p80)] as const,
      ]),
    );
    const groups = new Map((await dataRows('reference/kostra-groups-2020.csv')).map(([m, , g]) => [m!, g!]));
    const vestland = [...expenses.keys()].filter((m) => m.startsWith('46'));
    const group5 = [...expenses.keys()].filter((m) => groups.get(m) === 'EKG05');
    expect(vestland).toHaveLength(43);
    expect(group5).toHaveLength(33);
    for (const [region, members] of [
      ['EKA46', vestland],
      ['EKG05', group5],
      ['EAKUO', [...expenses.keys()].filter((m) => m !== '0301')],
    ] as const) {
      const sum = members.reduce((s, m) => s + expenses.get(m)!, 0);
      const at = { Region: region, Funksjon: 'F254', Tid: '2022' };
      expect(valueOf(dataset, { ...at, ContentsCode: 'AGD2' }).value).toBe(sum);
      ['INNB', '67', '80'].forEach((suffix, i) => {
        const people = members.reduce((s, m) => s + population.get(m)![i]!, 0);
        expect(valueOf(dataset, { ...at, ContentsCode: `AGD2_${suffix}` }).value).toBe(
          roundedRatio(sum * 1000, people),
        );
      });
    }
    // A municipality's own figure, and 257/258 before they existed.
    const bergen = expenses.get('4601')!;
    expect(
      valueOf(dataset, { Region: '4601', Funksjon: 'F254', ContentsCode: 'AGD2_INNB', Tid: '2022' }).value,
    ).toBe(roundedRatio(bergen * 1000, population.get('4601')![0]));
    expect(valueOf(dataset, { Region: '4601', Funksjon: 'F257', ContentsCode: 'AGD2', Tid: '2022' })).toEqual(
      {
        value: null,
        status: '.',
      },
    );
  });

  test('from 2024, 254 is 257 + 258; published with 2022 the table is a series of both years', async () => {
    await publishKeyFigures(db, 2022, 'kari', new Date('2023-06-15T08:00:00Z'));
    const summary = await publishKeyFigures(db, 2024, 'kari', new Date('2025-03-15T08:00:00Z'), {
      stage: 'preliminary',
    });
    expect(summary).toMatchObject({ id: 'KF254', period: '2024', stage: 'preliminary', revision: 1 });
    const [table] = (await listPublications(db)).map((p) => p.dataset);
    expect(table!.dimensions.find((d) => d.id === 'Tid')!.categories).toEqual([
      { code: '2022', label: '2022' },
      {
        code: '2024',
        label: '2024',
        note: ['Foreløpige tall for 2024.'],
        noteEn: ['Preliminary figures for 2024.'],
      },
    ]);
    const split = await netExpenses(files2024, ['257', '258']);
    const only257 = await netExpenses(files2024, ['257']);
    const at = { Region: '4601', Tid: '2024', ContentsCode: 'AGD2' };
    expect(valueOf(table!, { ...at, Funksjon: 'F254' }).value).toBe(split.get('4601'));
    expect(valueOf(table!, { ...at, Funksjon: 'F257' }).value).toBe(only257.get('4601'));
    // Halden was 3001 until 2023: its 2022 figures continue under 3101, with a note on the break.
    const halden = table!.dimensions[0]!.categories.find((c) => c.code === '3101')!;
    expect(halden.note).toEqual(['2022: kommunenummer 3001.']);
    expect(
      valueOf(table!, { Region: '3101', Tid: '2022', ContentsCode: 'AGD2', Funksjon: 'F254' }).value,
    ).toBe((await netExpenses(files2022, ['254'])).get('3001'));
  });
});
