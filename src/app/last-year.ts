import type { Answers } from '../domain/forms/answers.ts';
import { mergeAnswers } from '../domain/forms/previous-year.ts';
import type { ResolvedForm } from '../domain/forms/resolve.ts';
import { loadMunicipalityReforms } from '../files/product-data.ts';
import type { Db } from '../store/database.ts';
import { answersOfYear } from '../store/form-rounds.ts';

/**
 * Last year's submitted answers of the same form, by the code each unit has this year: a renumbered
 * municipality under its new code, a merged one as the sum of its predecessors (mergeAnswers); a split one
 * has nothing comparable and is left out. Oslo's districts keep their codes.
 */
export async function lastYearByUnit(db: Db, form: ResolvedForm): Promise<Map<string, Answers>> {
  const before = await answersOfYear(db, form.id, form.year - 1);
  if (before.size === 0) return new Map();
  const reforms = await loadMunicipalityReforms();
  const partsOf = new Map<string, Answers[]>();
  for (const [code, answers] of before) {
    const codes = code.length === 4 ? reforms.toStructure(code, form.year - 1, form.year) : [code];
    if (codes.length !== 1) continue;
    const list = partsOf.get(codes[0]!) ?? [];
    list.push(answers as Answers);
    partsOf.set(codes[0]!, list);
  }
  return new Map([...partsOf].map(([unit, parts]) => [unit, mergeAnswers(parts)]));
}
