import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cleanAccounts as accounts, recordLine } from '../domain/accounts/testing.ts';
import { definition, invitation, round } from '../domain/testing/rounds.ts';
import type { Db } from '../store/database.ts';
import { loadRoundHeader, saveRound, surveyHeader } from '../store/rounds.ts';
import { testDatabases } from '../store/testing/databases.ts';
import { ingestAccountsFile } from './ingest-accounts.ts';
import { prefillFromAccounts } from './prefill-from-accounts.ts';

const databases = await testDatabases();

describe.each(databases)('prefill from the accounts on $kind', (database) => {
  let db: Db;
  let drop: () => Promise<void>;
  let dir: string;
  beforeAll(async () => {
    ({ db, drop } = await database.open());
    dir = await mkdtemp(join(tmpdir(), 'kostra-prefill-'));
    for (const [id, year, functions] of [
      ['f254-2022', 2022, ['254']],
      ['f254-2024', 2024, ['257', '258']],
    ] as const)
      await saveRound(db, definition, {
        ...round([invitation('3401'), invitation('4601')]),
        id,
        referenceYear: year,
        functions,
      });
  });
  afterAll(async () => {
    await drop();
    await rm(dir, { recursive: true, force: true });
  });

  const file = async (name: string, text: string) => {
    const path = join(dir, name);
    await writeFile(path, text, 'latin1');
    return path;
  };
  const prefilled = (roundId: string) =>
    db
      .selectFrom('prefilled_total')
      .select(['municipality', 'measure', 'amount'])
      .where('round_id', '=', roundId)
      .where('municipality', '=', '3401')
      .orderBy('municipality')
      .orderBy('measure')
      .execute();

  test('a round on 2022 data sums function 254; one on 2024 data sums 257 and 258', async () => {
    await ingestAccountsFile(db, await file('k22.dat', accounts(2022, '340100', ['254'])), 'kari');
    await ingestAccountsFile(db, await file('k24.dat', accounts(2024, '340100', ['257', '258'])), 'kari');
    expect(await prefillFromAccounts(db, 'kari', 'f254-2022')).toEqual({
      functions: ['254'],
      filled: 1,
      missing: ['4601'],
    });
    // AGD10 = wages 1000 less refunds 100; AGD16 the same; AGD2 has no other income to take off; AGD4, as SSB
    // defines it, does not take the refunds off.
    expect(await prefilled('f254-2022')).toEqual(
      [
        ['AGD10', 900],
        ['AGD16', 900],
        ['AGD2', 900],
        ['AGD4', 1000],
      ].map(([measure, amount]) => ({ municipality: '3401', measure, amount })),
    );
    expect(await prefillFromAccounts(db, 'kari', 'f254-2024')).toMatchObject({
      functions: ['257', '258'],
      filled: 1,
    });
    expect((await prefilled('f254-2024')).find((r) => r.measure === 'AGD10')?.amount).toBe(1800);
  });

  test("the 2024 round's questionnaire speaks of 257 and 258", async () => {
    const header = surveyHeader(await loadRoundHeader(db, 'f254-2024', '3401'), 'f254-2024');
    expect(header.definition.title.nb).toBe(
      'Oppdeling av KOSTRA-funksjon 257 og 258 Helse- og omsorgstjenester til hjemmeboende',
    );
    expect(
      surveyHeader(await loadRoundHeader(db, 'f254-2022', '3401'), 'f254-2022').definition.title.nb,
    ).toContain('funksjon 254 ');
  });

  test('a file the control finds errors in is refused and nothing is stored, unless forced', async () => {
    const bad = await file(
      'bad.dat',
      accounts(2022, '460100', ['254']) +
        '\n' +
        recordLine({ year: '2022', region: '460100', function: '850', art: '800', amount: -5 }),
    );
    await expect(ingestAccountsFile(db, bad, 'kari')).rejects.toThrow(
      /the control found 1 errors \(first: 080 /,
    );
    const stored = () =>
      db.selectFrom('account_figure').select('municipality').where('municipality', '=', '4601').execute();
    expect(await stored()).toEqual([]);
    await ingestAccountsFile(db, bad, 'kari', { force: true });
    expect((await stored()).length).toBeGreaterThan(0);
    const log = await db
      .selectFrom('audit_log')
      .select(['detail'])
      .where('action', '=', 'accounts.ingest')
      .where('subject', '=', '2022/4601')
      .execute();
    expect(log).toMatchObject([{ detail: { forced: true } }]);
  });
});
