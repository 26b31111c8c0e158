import { responseStatus, type ResponseStatus } from '../domain/collection/status-list.ts';
import { noSurveyRound, NotFoundError } from '../domain/errors.ts';
import type { Db } from '../store/database.ts';
import { findRound } from '../store/rounds.ts';

/** Where a unit stands in a round (`domain/collection/status-list.ts` decides it). */
export type MunicipalityStatus = ResponseStatus;

export interface StatusRow {
  readonly municipality: string;
  readonly name: string;
  readonly status: MunicipalityStatus;
  readonly extendedDeadline: Date | null;
  readonly lastSaved: Date | null;
}

/**
 * Where each invited municipality stands: not started, a draft, submitted once, or submitted again; with
 * its extension if it has one.
 */
export async function roundStatus(db: Db, roundId: string): Promise<StatusRow[]> {
  if (!(await findRound(db, roundId))) throw new NotFoundError(noSurveyRound(roundId));
  const invited = await db
    .selectFrom('invitation')
    .select(['municipality', 'name', 'extended_deadline'])
    .where('round_id', '=', roundId)
    .orderBy('municipality')
    .execute();
  const versions = await db
    .selectFrom('response')
    .select(['municipality', 'status', 'created_at'])
    .where('round_id', '=', roundId)
    .orderBy('version')
    .execute();
  const versionsOf = new Map<string, typeof versions>();
  for (const v of versions) {
    const mine = versionsOf.get(v.municipality);
    if (mine) mine.push(v);
    else versionsOf.set(v.municipality, [v]);
  }
  return invited.map((i) => {
    const mine = versionsOf.get(i.municipality) ?? [];
    const status = responseStatus(mine.length, mine.filter((v) => v.status === 'submitted').length);
    return {
      municipality: i.municipality,
      name: i.name,
      status,
      extendedDeadline: i.extended_deadline,
      lastSaved: mine.at(-1)?.created_at ?? null,
    };
  });
}
