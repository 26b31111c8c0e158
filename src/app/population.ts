import { populationInStructure, type Population } from '../domain/population.ts';
import {
  loadMunicipalityReforms,
  loadMunicipalityRows,
  loadPopulationAtEndOf,
} from '../files/product-data.ts';

/**
 * Each municipality's population at the end of a year, in that year's codes (the figures of the next
 * 1 January come in the next year's structure); undefined for a year the product has no figures for.
 */
export async function yearEndPopulation(year: number): Promise<Map<string, Population> | undefined> {
  const municipalities = await loadMunicipalityRows(year);
  const atEnd = await loadPopulationAtEndOf(year);
  const next = await loadMunicipalityRows(year + 1);
  if (!municipalities || !atEnd || !next) return undefined;
  const codes = municipalities.map((m) => m.code);
  const following = (await loadMunicipalityReforms()).following(
    year + 1,
    (y) => (y === year ? codes : []),
    new Map(next.map((m) => [m.code, m.name])),
  );
  return populationInStructure(atEnd, codes, year, following);
}
