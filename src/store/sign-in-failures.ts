import { sql } from 'kysely';
import { lockoutMs, type ThrottleKind } from '../domain/sign-in-throttle.ts';
import type { Db } from './database.ts';

export interface ThrottleKey {
  readonly kind: ThrottleKind;
  readonly key: string;
}

/** The latest time any of the keys is shut until, if one is shut now. */
export async function lockedUntil(
  db: Db,
  keys: readonly ThrottleKey[],
  now: Date,
): Promise<Date | undefined> {
  if (keys.length === 0) return undefined;
  const rows = await db
    .selectFrom('sign_in_failure')
    .select('locked_until')
    .where((eb) => eb.or(keys.map((k) => eb.and([eb('kind', '=', k.kind), eb('key', '=', k.key)]))))
    .where('locked_until', '>', now)
    .execute();
  const times = rows.map((r) => r.locked_until!.getTime());
  return times.length === 0 ? undefined : new Date(Math.max(...times));
}

/**
 * Counts one more failure for each key (a failure more than a day after the last starts the count again)
 * and shuts it for as long as the count calls for. Returns the counts.
 */
export async function recordFailure(db: Db, keys: readonly ThrottleKey[], now: Date): Promise<number[]> {
  const counts: number[] = [];
  for (const { kind, key } of keys) {
    const { failures } = await db
      .insertInto('sign_in_failure')
      .values({ kind, key, failures: 1, last_failure_at: now, locked_until: null })
      .onConflict((oc) =>
        oc.columns(['kind', 'key']).doUpdateSet({
          failures: sql<number>`case when sign_in_failure.last_failure_at < ${now}::timestamptz - interval '1 day'
            then 1 else sign_in_failure.failures + 1 end`,
          last_failure_at: now,
        }),
      )
      .returning('failures')
      .executeTakeFirstOrThrow();
    const wait = lockoutMs(kind, failures);
    if (wait > 0)
      await db
        .updateTable('sign_in_failure')
        .set({ locked_until: new Date(now.getTime() + wait) })
        .where('kind', '=', kind)
        .where('key', '=', key)
        .execute();
    counts.push(failures);
  }
  return counts;
}

/** A successful sign-in forgets the failures of its keys. */
export async function clearFailures(db: Db, keys: readonly ThrottleKey[]): Promise<void> {
  for (const { kind, key } of keys)
    await db.deleteFrom('sign_in_failure').where('kind', '=', kind).where('key', '=', key).execute();
}
