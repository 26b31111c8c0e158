import type { Answers } from '../domain/forms/answers.ts';
import {
  mergeAnswers,
  previousYearDeviations,
  type Deviation,
  type DeviationThresholds,
} from '../domain/forms/previous-year.ts';
import { loadMunicipalityReforms } from '../files/product-data.ts';
import type { Db } from '../store/database.ts';
import { answersOfYear, formRoundAnswers } from '../store/form-rounds.ts';

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
  const before = await answersOfYear(db, form.id, form.year - 1);
  const reforms = await loadMunicipalityReforms();
  // Last year's units by the code they have this year.
  const partsOf = new Map<string, Answers[]>();
  for (const [code, answers] of before) {
    const codes = code.length === 4 ? reforms.toStructure(code, form.year - 1, form.year) : [code];
    if (codes.length !== 1) continue;
    const list = partsOf.get(codes[0]!) ?? [];
    list.push(answers as Answers);
    partsOf.set(codes[0]!, list);
  }
  const deviations: Deviation[] = [];
  const withoutLastYear: string[] = [];
  for (const { unit, answers } of units) {
    const parts = partsOf.get(unit);
    if (!parts) {
      withoutLastYear.push(unit);
      continue;
    }
    deviations.push(
      ...previousYearDeviations(form, unit, answers as Answers, mergeAnswers(parts), thresholds),
    );
  }
  const size = (d: Deviation) => (d.percent === null ? Infinity : Math.abs(d.percent));
  deviations.sort((a, b) => size(b) - size(a) || Math.abs(b.change) - Math.abs(a.change));
  return { compared: units.length - withoutLastYear.length, withoutLastYear, deviations };
}
