import type { RegisterPopulation } from '../forms/definition.ts';
import { inYear } from '../forms/years.ts';
import type { RegisterUnit } from './unit.ts';

/**
 * The units a form asks in an årgang: the register's active units whose industry code, under either
 * standard, is one the form's population names for that year; in organisation-number order.
 */
export function unitsOfPopulation(
  units: readonly RegisterUnit[],
  population: RegisterPopulation,
  year: number,
): RegisterUnit[] {
  const lists = population.industries.filter((l) => inYear(l.years, year));
  const sn2007 = new Set(lists.filter((l) => l.standard === 'SN2007').flatMap((l) => l.codes));
  const sn2025 = new Set(lists.filter((l) => l.standard === 'SN2025').flatMap((l) => l.codes));
  return units
    .filter(
      (u) =>
        u.status === 'active' &&
        ((u.industrySn2007 !== null && sn2007.has(u.industrySn2007)) ||
          (u.industrySn2025 !== null && sn2025.has(u.industrySn2025))),
    )
    .sort((a, b) => a.orgNumber.localeCompare(b.orgNumber));
}

/** Who answers for a unit in an årgang: the municipality it serves, or (where the form says so) its enterprise. */
export function responsibleFor(unit: RegisterUnit, population: RegisterPopulation, year: number): string {
  const enterprise =
    population.enterprises_report !== undefined &&
    inYear(population.enterprises_report, year) &&
    unit.ownership !== 'municipal';
  return enterprise ? (unit.parent ?? unit.orgNumber) : unit.serves;
}
