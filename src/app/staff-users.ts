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

/** Checks a password and opens a session; undefined (and the refusal logged) for a wrong one. */
export async function openStaffSession(
  db: Db,
  username: string,
  password: string,
  now: Date,
  lifetimeMs: number,
): Promise<{ sessionId: string; statistician: Statistician; expiresAt: Date } | undefined> {
  const statistician = await checkPassword(db, username, password);
  if (!statistician)
    return perform(db, username, () =>
      Promise.resolve({
        result: undefined,
        audit: { action: 'session.refused', subject: null, detail: null },
      }),
    );
  const expiresAt = new Date(now.getTime() + lifetimeMs);
  return perform(db, statistician.username, async (trx) => ({
    result: { sessionId: await insertStaffSession(trx, statistician.id, expiresAt), statistician, expiresAt },
    audit: { action: 'session.open', subject: null, detail: null },
  }));
}

export function endStaffSession(db: Db, sessionId: string, actor: string): Promise<void> {
  return perform(db, actor, async (trx) => {
    await markSessionEnded(trx, sessionId);
    return { result: undefined, audit: { action: 'session.end', subject: null, detail: null } };
  });
}
