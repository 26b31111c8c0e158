import type { Db } from '../store/database.ts';
import { createFormRound, type NewFormRound } from '../store/form-rounds.ts';
import { perform } from './action.ts';

/** A statistician opens a round of a form for an årgang with its units; the audit log says who and what. */
export function openFormRound(db: Db, actor: string, round: NewFormRound): Promise<void> {
  return perform(db, actor, async (trx) => {
    await createFormRound(trx, round);
    return {
      result: undefined,
      audit: {
        action: 'form_round.create',
        subject: round.id,
        detail: { form: round.definition.id, year: round.year, units: round.units.length },
      },
    };
  });
}
