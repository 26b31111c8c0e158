import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cleanAccounts } from '../domain/accounts/testing.ts';
import type { Db } from '../store/database.ts';
import { testDatabases } from '../store/testing/databases.ts';
import { contextForYear } from './context-tables.ts';
import { ingestAccountsFile } from './ingest-accounts.ts';

const [pglite] = await testDatabases();

describe('the context tables 2.1-2.3', () => {
  let db: Db;
  let drop: () => Promise<void>;
  let dir: string;
  beforeAll(async () => {
    ({ db, drop } = await pglite!.open());
    dir = await mkdtemp(join(tmpdir(), 'kostra-context-'));
    // Oslo (ASSS) with two home-care functions' worth, Kongsvinger and Hamar (Innlandet) with one.
    for (const [region, functions] of [
      ['030100', ['254', '253']],
      ['340100', ['254']],
      ['340300', ['254']],
    ] as const) {
      const path = join(dir, `${region}.dat`);
      await writeFile(path, cleanAccounts(2022, region, functions));
      await ingestAccountsFile(db, path, 'test');
    }
  });
  afterAll(async () => {
    await drop();
    await rm(dir, { recursive: true, force: true });
  });

  test('country, counties and size groups from the accounts and a 07459-shaped population file', async () => {
    const population = [
      '"region";"år";"07459: Befolkning"',
      '"0301 Oslo";"2022";"700000"',
      '"3401 Kongsvinger";"2022";"18000"',
      '"3403 Hamar";"2022";"31000"',
      '"3403 Hamar";"2021";"30000"',
    ].join('\n');
    const result = await contextForYear(db, 2022, population, 'pop.csv');
    // Function 254: 900 each. All service functions: 254 and 253 (900 each) and 120 (50 depreciation).
    expect(result.tables['table-2.1']).toEqual([
      { code: '0', label: 'Hele landet', municipalities: 3, amount: 2700, share: 72, perInhabitant: 4 },
    ]);
    expect(result.tables['table-2.2']).toEqual([
      { code: '03', label: 'Oslo', municipalities: 1, amount: 900, share: 48.6, perInhabitant: 1 },
      { code: '34', label: 'Innlandet', municipalities: 2, amount: 1800, share: 94.7, perInhabitant: 37 },
    ]);
    expect(result.tables['table-2.3'].find((r) => r.code === '20000+')).toMatchObject({
      municipalities: 1,
      amount: 900,
    });
    expect(result.tables['table-2.3'].find((r) => r.code === '10000-19999')).toMatchObject({
      municipalities: 1,
      perInhabitant: 50,
    });
    expect(result.missing).toHaveLength(356 - 3);
  });

  test('a population file without a year column is refused with where', async () => {
    await expect(contextForYear(db, 2022, '"region";"value"\n"0301";"1"', 'pop.csv')).rejects.toThrow(
      'pop.csv, line 1: no column "år" (or "tid", "year") in the header',
    );
  });
});
