import { TooManyAttemptsError } from '../domain/errors.ts';
import type { Db } from '../store/database.ts';
import { lockedUntil, type ThrottleKey } from '../store/sign-in-failures.ts';
import { perform } from './action.ts';

/** Throws TooManyAttemptsError (and logs the attempt) while one of the keys is shut. */
export async function refuseWhileLocked(
  db: Db,
  keys: readonly ThrottleKey[],
  now: Date,
  actor: string,
  address: string,
): Promise<void> {
  const until = await lockedUntil(db, keys, now);
  if (until === undefined) return;
  const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  await perform(db, actor, () =>
    Promise.resolve({
      result: undefined,
      audit: { action: 'session.throttled', subject: null, detail: { address, retry_after: seconds } },
    }),
  );
  throw new TooManyAttemptsError(seconds);
}
