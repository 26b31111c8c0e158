import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DomainError } from '../domain/errors.ts';
import { syntheticAccountsFile } from '../domain/accounts/synthetic-accounts.ts';
import { loadMunicipalityRows, loadPopulationAtEndOf } from '../files/product-data.ts';

/**
 * Writes a synthetic national year of accounting files (skjema 0A), one per municipality of the year, sized
 * by its population at the start of the year (the only figures in the year's own codes for every year).
 * Returns the files written.
 */
export async function writeSyntheticNationalYear(year: number, seed: number, out: string): Promise<string[]> {
  const municipalities = await loadMunicipalityRows(year);
  const population = await loadPopulationAtEndOf(year - 1);
  if (!municipalities || !population)
    throw new DomainError(`the product has no municipalities or population for ${year}`, [String(year)]);
  await mkdir(out, { recursive: true });
  const files: string[] = [];
  for (const m of municipalities) {
    const people = population.get(m.code);
    if (!people)
      throw new DomainError(`no population for ${m.code} ${m.name} on 1.1.${year}`, [String(year)]);
    const file = join(out, `0A_V${year}_R${m.code}00.dat`);
    await writeFile(file, syntheticAccountsFile(year, m.code, people, seed), 'latin1');
    files.push(file);
  }
  return files;
}
