import { clearFailures, recordFailure, type ThrottleKey } from '../store/sign-in-failures.ts';
import { refuseWhileLocked } from './sign-in-throttle.ts';
import type { Db } from '../store/database.ts';
import {
  checkPassword,
  insertStaffSession,
  insertStatistician,
  markSessionEnded,
  type StaffRole,
  type Statistician,
} from '../store/statisticians.ts';
import { perform } from './action.ts';

/** Adds a statistician (an administrator's act from the command line: the actor is "system"). */
export function addStatistician(
  db: Db,
  user: { username: string; displayName: string; role: StaffRole; password: string },
): Promise<Statistician> {
  return perform(db, 'system', async (trx) => ({
    result: await insertStatistician(trx, user),
    audit: { action: 'user.add', subject: user.username, detail: { role: user.role } },
  }));
}

/**
 * Checks a password and opens a session; undefined (and the refusal logged) for a wrong one. While the
 * account or the address has failed too often (sign-in-throttle.ts) the password is not even checked:
 * TooManyAttemptsError, and that refusal logged too.
 */
export async function openStaffSession(
  db: Db,
  username: string,
  password: string,
  now: Date,
  lifetimeMs: number,
  address = 'unknown',
): Promise<{ sessionId: string; statistician: Statistician; expiresAt: Date } | undefined> {
  const keys: ThrottleKey[] = [
    { kind: 'account', key: `staff ${username.toLowerCase()}` },
    { kind: 'address', key: `staff ${address}` },
  ];
  await refuseWhileLocked(db, keys, now, username, address);
  const statistician = await checkPassword(db, username, password);
  if (!statistician)
    return perform(db, username, async (trx) => {
      const [failures] = await recordFailure(trx, keys, now);
      return {
        result: undefined,
        audit: { action: 'session.refused', subject: null, detail: { address, failures } },
      };
    });
  const expiresAt = new Date(now.getTime() + lifetimeMs);
  return perform(db, statistician.username, async (trx) => {
    // The account's failures only: one's own good password must not reset an address's guesses.
    await clearFailures(trx, keys.slice(0, 1));
    return {
      result: {
        sessionId: await insertStaffSession(trx, statistician.id, expiresAt),
        statistician,
        expiresAt,
      },
      audit: { action: 'session.open', subject: null, detail: null },
    };
  });
}

export function endStaffSession(db: Db, sessionId: string, actor: string): Promise<void> {
  return perform(db, actor, async (trx) => {
    await markSessionEnded(trx, sessionId);
    return { result: undefined, audit: { action: 'session.end', subject: null, detail: null } };
  });
}
