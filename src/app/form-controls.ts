import type { Answers } from '../domain/forms/answers.ts';
import {
  previousYearDeviations,
  type Deviation,
  type DeviationThresholds,
} from '../domain/forms/previous-year.ts';
import type { Db } from '../store/database.ts';
import { formRoundAnswers } from '../store/form-rounds.ts';
import { lastYearByUnit } from './last-year.ts';

export const DEFAULT_DEVIATION: DeviationThresholds = { percent: 30, absolute: 0 };

/**
 * A form round's control against the year before, as SSB followed up skjema 1 (seed 001 section 6.4): each
 * unit's numbers against its answers of last year's round of the same form, in this year's municipal
 * structure (a merged municipality against the sum of its predecessors; a split one has nothing comparable;
 * Oslo's districts by their own codes). The largest relative deviations first.
 */
export async function controlFormRoundAgainstLastYear(
  db: Db,
  roundId: string,
  thresholds: DeviationThresholds = DEFAULT_DEVIATION,
): Promise<{ compared: number; withoutLastYear: string[]; deviations: Deviation[] }> {
  const { form, units } = await formRoundAnswers(db, roundId);
  const lastYear = await lastYearByUnit(db, form);
  const deviations: Deviation[] = [];
  const withoutLastYear: string[] = [];
  for (const { unit, answers } of units) {
    const before = lastYear.get(unit);
    if (!before) {
      withoutLastYear.push(unit);
      continue;
    }
    deviations.push(...previousYearDeviations(form, unit, answers as Answers, before, thresholds));
  }
  const size = (d: Deviation) => (d.percent === null ? Infinity : Math.abs(d.percent));
  deviations.sort((a, b) => size(b) - size(a) || Math.abs(b.change) - Math.abs(a.change));
  return { compared: units.length - withoutLastYear.length, withoutLastYear, deviations };
}
