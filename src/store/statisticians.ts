import { hash, verify } from '@node-rs/argon2';
import { createHash } from 'node:crypto';
import { DomainError } from '../domain/errors.ts';
import type { Db } from './database.ts';
import { newSecret } from './respondents.ts';

export type StaffRole = 'statistician' | 'admin';

export interface Statistician {
  readonly id: number;
  readonly username: string;
  readonly displayName: string;
  readonly role: StaffRole;
}

const sessionHash = (id: string) => createHash('sha256').update(id).digest('base64url');

/** Stores a statistician with an argon2id-hashed password; refuses a weak password or a taken name. */
export async function insertStatistician(
  db: Db,
  user: { username: string; displayName: string; role: StaffRole; password: string },
): Promise<Statistician> {
  if (user.password.length < 12)
    throw new DomainError('the password must have at least 12 characters', ['password']);
  if (!/^[a-z0-9._-]{2,64}$/.test(user.username))
    throw new DomainError('use 2-64 lower-case letters, digits, dot, dash or underscore', ['username']);
  const taken = await db
    .selectFrom('statistician')
    .select('id')
    .where('username', '=', user.username)
    .executeTakeFirst();
  if (taken) throw new DomainError(`the user ${user.username} exists already`, ['username']);
  const row = await db
    .insertInto('statistician')
    .values({
      username: user.username,
      display_name: user.displayName,
      role: user.role,
      password_hash: await hash(user.password),
    })
    .returning(['id', 'username', 'display_name', 'role'])
    .executeTakeFirstOrThrow();
  return { id: row.id, username: row.username, displayName: row.display_name, role: row.role };
}

/** The statistician of a name and password; undefined for a wrong name or password or a disabled user. */
export async function checkPassword(
  db: Db,
  username: string,
  password: string,
): Promise<Statistician | undefined> {
  const row = await db
    .selectFrom('statistician')
    .selectAll()
    .where('username', '=', username)
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  // Verify against something even for an unknown name, so that timing does not tell which names exist.
  const ok = await verify(row?.password_hash ?? (await dummyHash()), password).catch(() => false);
  return row && ok
    ? { id: row.id, username: row.username, displayName: row.display_name, role: row.role }
    : undefined;
}

/** Stores a new session of a statistician; returns its secret id (only its hash is kept). */
export async function insertStaffSession(db: Db, statisticianId: number, expiresAt: Date): Promise<string> {
  const sessionId = newSecret();
  await db
    .insertInto('statistician_session')
    .values({ id_hash: sessionHash(sessionId), statistician_id: statisticianId, expires_at: expiresAt })
    .execute();
  return sessionId;
}

let dummy: Promise<string> | undefined;
const dummyHash = () => (dummy ??= hash(newSecret()));

export async function staffSessionUser(
  db: Db,
  sessionId: string,
  now: Date,
): Promise<Statistician | undefined> {
  const row = await db
    .selectFrom('statistician_session')
    .innerJoin('statistician', 'statistician.id', 'statistician_session.statistician_id')
    .select(['statistician.id', 'username', 'display_name', 'role'])
    .where('id_hash', '=', sessionHash(sessionId))
    .where('expires_at', '>', now)
    .where('ended_at', 'is', null)
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  return row
    ? { id: row.id, username: row.username, displayName: row.display_name, role: row.role }
    : undefined;
}

export async function markSessionEnded(db: Db, sessionId: string): Promise<void> {
  await db
    .updateTable('statistician_session')
    .set({ ended_at: new Date() })
    .where('id_hash', '=', sessionHash(sessionId))
    .execute();
}
