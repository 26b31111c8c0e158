import { roundedRatio } from '../rounding.ts';
import { sizeGroupOf, type SizeGroup } from '../reference.ts';

/** One municipality of the year: where it belongs, its population and its accounts. */
export interface ContextMunicipality {
  readonly code: string;
  readonly county: string;
  readonly countyName: string;
  readonly asss: boolean;
  readonly population: number;
  /** Gross operating expenses (AGD10) on the function(s), 1000 NOK. */
  readonly amount: number;
  /** Gross operating expenses on all service functions, 1000 NOK. */
  readonly total: number;
}

export interface ContextRow {
  readonly code: string;
  readonly label: string;
  readonly municipalities: number;
  /** 1000 NOK: the sum (tables 2.1 and 2.2) or the average per municipality (table 2.3). */
  readonly amount: number;
  /** Share of all gross operating expenses, per cent with one decimal. */
  readonly share: number | null;
  /** NOK per inhabitant. */
  readonly perInhabitant: number | null;
}

function row(
  code: string,
  label: string,
  members: readonly ContextMunicipality[],
  average: boolean,
): ContextRow {
  const amount = members.reduce((s, m) => s + m.amount, 0);
  const total = members.reduce((s, m) => s + m.total, 0);
  const population = members.reduce((s, m) => s + m.population, 0);
  return {
    code,
    label,
    municipalities: members.length,
    amount: average ? (members.length === 0 ? 0 : roundedRatio(amount, members.length)) : amount,
    share: total === 0 ? null : roundedRatio(amount, total, 100, 1),
    perInhabitant: population === 0 ? null : roundedRatio(amount * 1000, population),
  };
}

/**
 * The pilot note's context tables: function 254 (or its successors) in 1000 NOK, as a share of all gross
 * operating expenses and per inhabitant, for the country (2.1), by county (2.2) and by size group (2.3, the
 * average municipality; share and per inhabitant of the group as a whole). Rounded half away from zero.
 */
export function contextTables(
  municipalities: readonly ContextMunicipality[],
  sizeGroups: readonly SizeGroup[],
) {
  const counties = [...new Map(municipalities.map((m) => [m.county, m.countyName])).entries()];
  const groupOf = (m: ContextMunicipality) => sizeGroupOf(sizeGroups, m);
  return {
    'table-2.1': [row('0', 'Hele landet', municipalities, false)],
    'table-2.2': counties.map(([code, name]) =>
      row(
        code,
        name,
        municipalities.filter((m) => m.county === code),
        false,
      ),
    ),
    'table-2.3': sizeGroups.map((g) =>
      row(
        g.code,
        g.labels.nb,
        municipalities.filter((m) => groupOf(m) === g.code),
        true,
      ),
    ),
  };
}
