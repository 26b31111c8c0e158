import { NotFoundError } from '../domain/errors.ts';
import {
  compareMunicipality,
  type Comparison,
  type RegionsOfPeriod,
} from '../domain/publication/comparison.ts';
import type { PublishedDataset } from '../domain/publication/dataset.ts';
import { KEY_FIGURES_TABLE } from '../domain/publication/key-figures-publication.ts';
import { inLanguage, type TableLanguage } from '../domain/publication/language.ts';
import { followingInto, regionsInYear } from './municipal-structures.ts';

/** Where published tables are found (the server's cache of them). */
export type FindTable = (id: string) => Promise<PublishedDataset | undefined>;

const MUNICIPALITY = /^\d{4}$/;

/** The published key figures, in a language; not found until a year of them is published. */
async function keyFigures(find: FindTable, language: TableLanguage): Promise<PublishedDataset> {
  const dataset = await find(KEY_FIGURES_TABLE);
  if (!dataset) throw new NotFoundError('no key figures are published yet');
  return inLanguage(dataset, language);
}

/** The municipalities one can compare: those of the key figures' table, with their names. */
export async function comparableMunicipalities(find: FindTable, language: TableLanguage) {
  const dataset = await keyFigures(find, language);
  const geo = dataset.dimensions.find((d) => d.role === 'geo')!;
  const functions = dataset.dimensions.find((d) => d.id === 'Funksjon');
  return {
    table: { id: dataset.id, label: dataset.label },
    municipalities: geo.categories
      .filter((c) => MUNICIPALITY.test(c.code))
      .map((c) => ({ code: c.code, label: c.label })),
    functions: (functions?.categories ?? []).map((c) => ({ code: c.code, label: c.label })),
  };
}

/**
 * A municipality of the newest structure against its KOSTRA group, county, the country and the country
 * without Oslo in the published key figures: for each year, the group and county its predecessor had that
 * year (a county renumbered in 2024 is EKA30 before and EKA32 after).
 */
export async function municipalityComparison(
  find: FindTable,
  municipality: string,
  language: TableLanguage,
  fixed: Readonly<Record<string, string>> = {},
): Promise<Comparison> {
  const dataset = await keyFigures(find, language);
  const periods = dataset.dimensions.find((d) => d.role === 'time')!.categories.map((c) => Number(c.code));
  const newest = Math.max(...periods);
  const years = new Map<number, Awaited<ReturnType<typeof regionsInYear>>>();
  for (const year of periods) years.set(year, await regionsInYear(year));
  const following = (await followingInto(newest))!;
  const regions = new Map<string, RegionsOfPeriod>();
  for (const year of periods) {
    const before = following.predecessors(municipality, year)[0] ?? municipality;
    const county = years.get(year)?.counties.get(before);
    const group = years.get(year)?.groups.get(before);
    regions.set(String(year), { ...(county ? { county } : {}), ...(group ? { group } : {}) });
  }
  return compareMunicipality(dataset, municipality, regions, fixed);
}
