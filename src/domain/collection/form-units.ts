import { DomainError } from '../errors.ts';
import { drawSample } from './sample.ts';

/** A unit that fills one form: a municipality (4 digits) or one of Oslo's districts (6 digits). */
export interface ChosenUnit {
  readonly code: string;
  readonly name: string;
  readonly kind: 'municipality' | 'oslo_district';
}

/** Who is asked: every municipality of the year, Oslo's districts, or the units named. */
export type UnitChoice =
  | { readonly from: 'municipalities' }
  /** Every municipality and Oslo's districts: KOSTRA's 371 of 2020 for skjema 1 and 4 (356 + 15). */
  | { readonly from: 'municipalities_and_districts' }
  | { readonly from: 'oslo_districts' }
  | { readonly from: 'codes'; readonly codes: readonly string[] };

/**
 * A seeded draw among the chosen municipalities, stratified by KOSTRA group: how many from each group. The
 * same seed and units give the same draw, so it can be audited.
 */
export interface GroupDraw {
  readonly perGroup: Readonly<Record<string, number>>;
  readonly seed: number;
}

export interface UnitPlaces {
  /** The municipalities of the round's year, code → name. */
  readonly municipalities: ReadonlyMap<string, string>;
  readonly districts: ReadonlyMap<string, string>;
  /** Each municipality's KOSTRA group of the year (EKG01 …); empty for a year without a grouping. */
  readonly groups: ReadonlyMap<string, string>;
}

const municipality = (code: string, name: string): ChosenUnit => ({ code, name, kind: 'municipality' });
const district = (code: string, name: string): ChosenUnit => ({ code, name, kind: 'oslo_district' });

/**
 * The units of a form round, named as the reference data of the year names them, in code order. A code the
 * year does not have is refused with its place in the list; a draw needs the year's KOSTRA groups.
 */
export function chooseFormUnits(choice: UnitChoice, places: UnitPlaces, draw?: GroupDraw): ChosenUnit[] {
  let chosen: ChosenUnit[];
  if (choice.from === 'municipalities')
    chosen = [...places.municipalities].map(([code, name]) => municipality(code, name));
  else if (choice.from === 'municipalities_and_districts')
    chosen = [
      ...[...places.municipalities].map(([code, name]) => municipality(code, name)),
      ...[...places.districts].map(([code, name]) => district(code, name)),
    ];
  else if (choice.from === 'oslo_districts')
    chosen = [...places.districts].map(([code, name]) => district(code, name));
  else {
    const seen = new Set<string>();
    chosen = choice.codes.map((code, i) => {
      const where = ['units', `codes.${i}`];
      if (seen.has(code)) throw new DomainError(`${code} is listed twice`, where);
      seen.add(code);
      const name = places.municipalities.get(code);
      if (name !== undefined) return municipality(code, name);
      const districtName = places.districts.get(code);
      if (districtName !== undefined) return district(code, districtName);
      throw new DomainError(
        `${code} is neither a municipality of the year nor one of Oslo's districts`,
        where,
      );
    });
  }
  if (chosen.length === 0) throw new DomainError('no units chosen', ['units']);
  if (draw) {
    if (chosen.some((u) => u.kind !== 'municipality'))
      throw new DomainError("a draw by KOSTRA group is among municipalities, not Oslo's districts", ['draw']);
    if (places.groups.size === 0) throw new DomainError('the year has no KOSTRA groups to draw by', ['draw']);
    const byCode = new Map(chosen.map((u) => [u.code, u]));
    const drawn = drawSample(
      chosen.map((u) => ({ municipality: u.code, sizeGroup: places.groups.get(u.code) ?? '', criteria: [] })),
      { takeAllWith: [], drawPerSizeGroup: draw.perGroup, seed: draw.seed },
    );
    chosen = drawn.map((s) => byCode.get(s.municipality)!);
  }
  return chosen.sort((a, b) => a.code.localeCompare(b.code));
}
