import { contextTables, type ContextMunicipality } from '../domain/accounts/context-tables.ts';
import { DomainError } from '../domain/errors.ts';
import { loadChartOfAccounts } from '../files/accounts-data.ts';
import { loadAsssMembers, loadMunicipalityRows, loadReferenceData } from '../files/product-data.ts';
import { readPopulationCsv } from '../files/population-csv.ts';
import type { Db } from '../store/database.ts';

/**
 * Tables 2.1-2.3 of the note for a year, from the ingested accounts and a population file: the survey
 * function (254, or 257 + 258 from 2024) against all service functions (100-799), municipalities with both
 * accounts and population. Says which municipalities of the year lack either.
 */
export async function contextForYear(db: Db, year: number, populationCsv: string, file: string) {
  const municipalities = await loadMunicipalityRows(year);
  if (!municipalities) throw new DomainError(`no list of municipalities for ${year}`, ['--year']);
  const population = readPopulationCsv(populationCsv, year, file);
  const asss = await loadAsssMembers(year);
  const functions = (await loadChartOfAccounts()).successors('254', year);
  const rows = await db
    .selectFrom('account_figure')
    .select(['municipality', 'function', 'value'])
    .where('year', '=', year)
    .where('measure', '=', 'AGD10')
    .execute();
  const amount = new Map<string, number>();
  const total = new Map<string, number>();
  for (const r of rows) {
    const value = Number(r.value);
    const fn = Number(r.function);
    if (fn >= 100 && fn <= 799) total.set(r.municipality, (total.get(r.municipality) ?? 0) + value);
    if (functions.includes(r.function)) amount.set(r.municipality, (amount.get(r.municipality) ?? 0) + value);
  }
  const included: ContextMunicipality[] = [];
  const missing: string[] = [];
  for (const m of municipalities) {
    const inhabitants = population.get(m.code);
    if (!total.has(m.code) || inhabitants === undefined) {
      missing.push(m.code);
      continue;
    }
    included.push({
      code: m.code,
      county: m.countyCode,
      countyName: m.countyName,
      asss: asss.has(m.code),
      population: inhabitants,
      amount: amount.get(m.code) ?? 0,
      total: total.get(m.code)!,
    });
  }
  const { sizeGroups } = await loadReferenceData();
  return { year, functions, tables: contextTables(included, sizeGroups), missing };
}
