import type { RegionFollowing } from '../domain/publication/series.ts';
import { loadKostraGroups, loadMunicipalityReforms, loadMunicipalityRows } from '../files/product-data.ts';

/** The first year the product has a municipal structure for (data/reference/municipality-structures.json). */
const FIRST_YEAR = 2019;

/**
 * Each municipality's county (EKA… and the county's own code and name) and KOSTRA group in a year: shipped reference data, read once per
 * process (a comparison asks for it at every request).
 */
const regionsOf = new Map<
  number,
  Promise<{
    counties: Map<string, string>;
    countyOf: Map<string, { code: string; name: string }>;
    groups: ReadonlyMap<string, string>;
  }>
>();
export function regionsInYear(year: number) {
  let held = regionsOf.get(year);
  if (!held) {
    held = (async () => {
      const rows = (await loadMunicipalityRows(year)) ?? [];
      return {
        counties: new Map(rows.map((m) => [m.code, `EKA${m.countyCode}`])),
        countyOf: new Map(rows.map((m) => [m.code, { code: m.countyCode, name: m.countyName }])),
        groups: await loadKostraGroups(year),
      };
    })();
    regionsOf.set(year, held);
  }
  return held;
}

/**
 * How municipalities of earlier years are found in `year`'s structure (successors, predecessors, `year`'s
 * names), or undefined for a year without a shipped structure; built once per process and year.
 */
const followingOf = new Map<number, Promise<RegionFollowing | undefined>>();
export function followingInto(year: number): Promise<RegionFollowing | undefined> {
  let held = followingOf.get(year);
  if (!held) {
    held = (async () => {
      const target = await loadMunicipalityRows(year);
      if (!target) return undefined;
      const codes = new Map<number, string[]>();
      for (let y = FIRST_YEAR; y < year; y++)
        codes.set(
          y,
          ((await loadMunicipalityRows(y)) ?? []).map((m) => m.code),
        );
      return (await loadMunicipalityReforms()).following(
        year,
        (y) => codes.get(y) ?? [],
        new Map(target.map((m) => [m.code, m.name])),
      );
    })();
    followingOf.set(year, held);
  }
  return held;
}
