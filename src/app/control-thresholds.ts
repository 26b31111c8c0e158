import type { ControlThresholds } from '../domain/collection/controls.ts';
import { noSurveyRound, NotFoundError } from '../domain/errors.ts';
import type { Db } from '../store/database.ts';
import { perform } from './action.ts';
import type { Statistician } from '../store/statisticians.ts';

/** The thresholds a round is controlled with until a statistician sets its own: 10 % and 1 000 (1000 NOK). */
export const DEFAULT_THRESHOLDS: ControlThresholds = { relative: 0.1, absolute: 1000 };

/** A round's control thresholds, its own or the defaults, and who set them. */
export async function roundThresholds(
  db: Db,
  roundId: string,
): Promise<ControlThresholds & { setBy: string | null; setAt: Date | null }> {
  const round = await db.selectFrom('survey_round').select('id').where('id', '=', roundId).executeTakeFirst();
  if (!round) throw new NotFoundError(noSurveyRound(roundId));
  const row = await db
    .selectFrom('control_threshold')
    .selectAll()
    .where('round_id', '=', roundId)
    .executeTakeFirst();
  return row
    ? { relative: row.relative, absolute: row.absolute, setBy: row.set_by, setAt: row.set_at }
    : { ...DEFAULT_THRESHOLDS, setBy: null, setAt: null };
}

/** Sets a round's control thresholds; the worklist and the overview use them from then on. */
export async function setRoundThresholds(
  db: Db,
  user: Statistician,
  roundId: string,
  thresholds: ControlThresholds,
): Promise<void> {
  const old = await roundThresholds(db, roundId); // an unknown round: not found
  return perform(db, user.username, async (trx) => {
    await trx
      .insertInto('control_threshold')
      .values({ round_id: roundId, ...thresholds, set_by: user.username })
      .onConflict((oc) =>
        oc.column('round_id').doUpdateSet({ ...thresholds, set_by: user.username, set_at: new Date() }),
      )
      .execute();
    return {
      result: undefined,
      audit: {
        action: 'control.thresholds',
        subject: roundId,
        detail: { old: { relative: old.relative, absolute: old.absolute }, new: thresholds },
      },
    };
  });
}
