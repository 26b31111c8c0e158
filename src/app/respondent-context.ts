import type { Db } from '../store/database.ts';
import type { RespondentIdentity, RespondentSession } from '../store/respondents.ts';
import { lastSubmission, type StoredVersion } from '../store/responses.ts';
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

/**
 * The submitted version that stands: the latest when it was submitted, else the one submitted before the
 * draft now edited (looked up only then), so the respondent is told an earlier submission exists.
 */
export async function standingSubmission(
  db: Db,
  identity: RespondentIdentity | RespondentSession,
  latest: StoredVersion | undefined,
): Promise<{ version: number; submittedAt: Date } | undefined> {
  if (latest === undefined) return undefined;
  if (latest.status === 'submitted' && latest.submittedAt)
    return { version: latest.version, submittedAt: latest.submittedAt };
  return lastSubmission(db, identity.roundId, identity.municipality);
}
