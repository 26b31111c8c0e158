import { openSession, type RespondentIdentity } from '../store/respondents.ts';
import { openResponsibleSession, type ResponsibleIdentity } from '../store/responsibles.ts';
import { recordFailure } from '../store/sign-in-failures.ts';
import type { Db } from '../store/database.ts';
import { perform } from './action.ts';
import { refuseWhileLocked } from './sign-in-throttle.ts';

/** A unit's form (an invitation, a delegated link) or a responsible's list of units (a list link). */
export type SignedIn =
  | { kind: 'unit'; sessionId: string; identity: RespondentIdentity; expiresAt: Date }
  | { kind: 'list'; sessionId: string; identity: ResponsibleIdentity; expiresAt: Date };

/**
 * A respondent signs in with the token of an invitation link. Wrong tokens are counted per address and,
 * beyond what people mistyping a code need, shut sign-in from that address for a while (logged), so that
 * tokens cannot be guessed at speed. Undefined for a token that opens nothing.
 */
export async function signInRespondent(
  db: Db,
  token: string,
  now: Date,
  lifetimeMs: number,
  address = 'unknown',
): Promise<SignedIn | undefined> {
  const keys = [{ kind: 'address', key: `token ${address}` }] as const;
  await refuseWhileLocked(db, keys, now, 'respondent', address);
  const opened = await openSession(db, token, now, lifetimeMs);
  if (opened) return { kind: 'unit', ...opened };
  const list = await openResponsibleSession(db, token, now, lifetimeMs);
  if (list) return { kind: 'list', ...list };
  return perform(db, 'respondent', async (trx) => {
    const [failures] = await recordFailure(trx, keys, now);
    return {
      result: undefined,
      audit: { action: 'session.refused', subject: null, detail: { address, failures } },
    };
  });
}
