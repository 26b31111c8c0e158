import { createHash, randomBytes } from 'node:crypto';
import { inTransaction, type Db } from './database.ts';

/** 32 random bytes, URL-safe: unguessable, and short enough for a link. */
export const newSecret = () => randomBytes(32).toString('base64url');
const hash = (secret: string) => createHash('sha256').update(secret).digest('base64url');

/**
 * The invitation tokens of a round, one per invited municipality: existing ones as they are, new ones made
 * for municipalities without an active token.
 */
export async function ensureTokens(
  db: Db,
  roundId: string,
): Promise<{ municipality: string; token: string }[]> {
  return inTransaction(db, async (trx) => {
    const invited = await trx
      .selectFrom('invitation')
      .select('municipality')
      .where('round_id', '=', roundId)
      .orderBy('municipality')
      .execute();
    const active = await trx
      .selectFrom('respondent_token')
      .select(['municipality', 'token'])
      .where('round_id', '=', roundId)
      .where('revoked_at', 'is', null)
      .execute();
    const tokenOf = new Map(active.map((t) => [t.municipality, t.token]));
    const missing = invited.filter((i) => !tokenOf.has(i.municipality));
    if (missing.length > 0) {
      const made = missing.map((i) => ({
        round_id: roundId,
        municipality: i.municipality,
        token: newSecret(),
      }));
      await trx.insertInto('respondent_token').values(made).execute();
      for (const m of made) tokenOf.set(m.municipality, m.token);
    }
    return invited.map((i) => ({ municipality: i.municipality, token: tokenOf.get(i.municipality)! }));
  });
}

export async function revokeToken(db: Db, roundId: string, municipality: string): Promise<void> {
  await db
    .updateTable('respondent_token')
    .set({ revoked_at: new Date() })
    .where('round_id', '=', roundId)
    .where('municipality', '=', municipality)
    .where('revoked_at', 'is', null)
    .execute();
}

export interface RespondentIdentity {
  readonly roundId: string;
  readonly municipality: string;
}

/**
 * Exchanges an invitation token for a new session: refused (undefined) for an unknown or revoked token, or a
 * round that is closed. Returns the session id to put in the cookie.
 */
export async function openSession(
  db: Db,
  token: string,
  now: Date,
  lifetimeMs: number,
): Promise<{ sessionId: string; identity: RespondentIdentity; expiresAt: Date } | undefined> {
  const found = await tokenHolder(db, token, now);
  if (!found) return undefined;
  const sessionId = newSecret();
  const expiresAt = new Date(now.getTime() + lifetimeMs);
  await db
    .insertInto('respondent_session')
    .values({
      id_hash: hash(sessionId),
      token,
      round_id: found.roundId,
      municipality: found.municipality,
      expires_at: expiresAt,
    })
    .execute();
  return { sessionId, identity: { roundId: found.roundId, municipality: found.municipality }, expiresAt };
}

/** Whose form a token opens (with the municipality's name), if it is valid now; nothing is changed. */
export async function tokenHolder(
  db: Db,
  token: string,
  now: Date,
): Promise<(RespondentIdentity & { name: string }) | undefined> {
  const found = await db
    .selectFrom('respondent_token')
    .innerJoin('survey_round', 'survey_round.id', 'respondent_token.round_id')
    .innerJoin('invitation', (join) =>
      join
        .onRef('invitation.round_id', '=', 'respondent_token.round_id')
        .onRef('invitation.municipality', '=', 'respondent_token.municipality'),
    )
    .select([
      'respondent_token.round_id',
      'respondent_token.municipality',
      'invitation.name',
      'revoked_at',
      'closed_at',
    ])
    .where('token', '=', token)
    .executeTakeFirst();
  if (!found || found.revoked_at !== null || (found.closed_at !== null && found.closed_at <= now))
    return undefined;
  return { roundId: found.round_id, municipality: found.municipality, name: found.name };
}

/** Who a session cookie belongs to, if it is a live session whose token is still valid. */
export async function sessionIdentity(
  db: Db,
  sessionId: string,
  now: Date,
): Promise<RespondentIdentity | undefined> {
  const found = await db
    .selectFrom('respondent_session')
    .innerJoin('respondent_token', 'respondent_token.token', 'respondent_session.token')
    .innerJoin('survey_round', 'survey_round.id', 'respondent_session.round_id')
    .select(['respondent_session.round_id', 'respondent_session.municipality'])
    .where('id_hash', '=', hash(sessionId))
    .where('expires_at', '>', now)
    .where('ended_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where((eb) => eb.or([eb('closed_at', 'is', null), eb('closed_at', '>', now)]))
    .executeTakeFirst();
  return found ? { roundId: found.round_id, municipality: found.municipality } : undefined;
}

export async function endSession(db: Db, sessionId: string): Promise<void> {
  await db
    .updateTable('respondent_session')
    .set({ ended_at: new Date() })
    .where('id_hash', '=', hash(sessionId))
    .execute();
}
