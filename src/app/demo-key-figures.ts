import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KEY_FIGURES_TABLE } from '../domain/publication/key-figures-publication.ts';
import type { Db } from '../store/database.ts';
import { ingestAccountsFile } from './ingest-accounts.ts';
import { publishKeyFigures } from './key-figures.ts';
import { writeSyntheticNationalYear } from './synthetic-accounts.ts';

/** The demo's accounting years: two final, the newest preliminary, as in March of a KOSTRA year. */
export const DEMO_ACCOUNT_YEARS = [
  { year: 2022, stage: 'final' },
  { year: 2023, stage: 'final' },
  { year: 2024, stage: 'preliminary' },
] as const;

/**
 * The first time: a synthetic national year of accounts for each demo year, ingested (controlled as any
 * file is), and its key figures published as a period of KF254, marked synthetic, so that «Sammenlign»
 * and the API have years to compare. Returns whether it did anything.
 */
export async function ensureDemoKeyFigures(db: Db, now: Date): Promise<boolean> {
  const published = await db
    .selectFrom('published_period')
    .select('period')
    .where('table_id', '=', KEY_FIGURES_TABLE)
    .executeTakeFirst();
  if (published) return false;
  const dir = await mkdtemp(join(tmpdir(), 'kostra-demo-accounts-'));
  try {
    for (const { year, stage } of DEMO_ACCOUNT_YEARS) {
      for (const file of await writeSyntheticNationalYear(year, 1, join(dir, String(year))))
        await ingestAccountsFile(db, file, 'demo');
      await publishKeyFigures(db, year, 'demo', now, { stage, synthetic: true });
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return true;
}
