import { populationInStructure, type Population } from '../domain/population.ts';
import { loadMunicipalityRows, loadPopulationAtEndOf } from '../files/product-data.ts';
import { followingInto } from './municipal-structures.ts';

/**
 * Each municipality's population at the end of a year, in that year's codes (the figures of the next
 * 1 January come in the next year's structure); undefined for a year the product has no figures for.
 */
export async function yearEndPopulation(year: number): Promise<Map<string, Population> | undefined> {
  const municipalities = await loadMunicipalityRows(year);
  const atEnd = await loadPopulationAtEndOf(year);
  const following = await followingInto(year + 1);
  if (!municipalities || !atEnd || !following) return undefined;
  return populationInStructure(
    atEnd,
    municipalities.map((m) => m.code),
    year,
    following,
  );
}
