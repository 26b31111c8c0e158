import { DomainError } from '../domain/errors.ts';
import type { Db } from '../store/database.ts';
import { setUnitDisowned } from '../store/form-rounds.ts';
import type { Disowning } from '../store/schema.ts';
import { perform } from './action.ts';

/**
 * A unit the responsible does not answer for, with why: not theirs, no agreement with it, or closed. It is no
 * longer expected (the response rates leave it out) until the mark is taken back (`mark: null`). The audit
 * log has the old and the new mark.
 */
export function disownUnit(
  db: Db,
  actor: string,
  roundId: string,
  unit: string,
  mark: { readonly kind: Disowning; readonly reason: string } | null,
  now: Date,
): Promise<void> {
  if (mark && mark.reason.trim() === '')
    throw new DomainError('say why the unit is not answered for', ['reason']);
  return perform(db, actor, async (trx) => {
    const before = await setUnitDisowned(
      trx,
      roundId,
      unit,
      mark && { ...mark, reason: mark.reason.trim(), at: now },
    );
    return {
      result: undefined,
      audit: { action: 'unit.disown', subject: `${roundId}/${unit}`, detail: { old: before, new: mark } },
    };
  });
}
