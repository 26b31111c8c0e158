import type { Answers } from '../domain/forms/answers.ts';
import { summarizeAnswers, type PathSummary } from '../domain/forms/summary.ts';
import { loadKostraGroups } from '../files/product-data.ts';
import type { Db } from '../store/database.ts';
import { formRoundAnswers } from '../store/form-rounds.ts';

export interface FormRoundReport {
  readonly round: string;
  readonly form: string;
  readonly year: number;
  readonly invited: number;
  readonly submitted: number;
  /** What the groups are: SSB's KOSTRA groups of the year (Oslo's districts have none of their own). */
  readonly groups: string;
  readonly items: readonly PathSummary[];
}

/** The summary report of a form round per item, each municipality counted in its KOSTRA group of the year. */
export async function reportFormRound(db: Db, roundId: string): Promise<FormRoundReport> {
  const { form, invited, units } = await formRoundAnswers(db, roundId);
  const groups = await loadKostraGroups(form.year);
  return {
    round: roundId,
    form: form.id,
    year: form.year,
    invited,
    submitted: units.length,
    groups:
      groups.size > 0
        ? `KOSTRA groups (KLASS 112) valid in ${form.year}`
        : `no KOSTRA grouping for ${form.year}`,
    items: summarizeAnswers(
      form,
      units.map((u) => ({ unit: u.unit, group: groups.get(u.unit), answers: u.answers as Answers })),
    ),
  };
}
