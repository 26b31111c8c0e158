import type { Db } from '../store/database.ts';
import type { RespondentIdentity, RespondentSession } from '../store/respondents.ts';
import { loadRoundHeader, type RoundHeader } from '../store/rounds.ts';

/** A respondent's round as it stands now: its header, the deadline that holds and whether it is open. */
export type RoundContext = RoundHeader & { readonly deadline: Date | null; readonly open: boolean };

export async function roundContext(
  db: Db,
  identity: RespondentIdentity | RespondentSession,
  now: Date,
): Promise<RoundContext> {
  // A session checked at the start of the request brings its header along: no second round trip.
  const header =
    'header' in identity
      ? identity.header
      : await loadRoundHeader(db, identity.roundId, identity.municipality);
  const deadline = header.effectiveDeadline;
  const open = (deadline === null || now <= deadline) && (header.closedAt === null || now < header.closedAt);
  return { ...header, deadline, open };
}
