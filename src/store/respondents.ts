import { createHash, randomBytes } from 'node:crypto';
import { inTransaction, type Db } from './database.ts';
import { selectRoundHeader, toRoundHeader, type RoundHeader } from './rounds.ts';

/** 32 random bytes, URL-safe: unguessable, and short enough for a link. */
export const newSecret = () => randomBytes(32).toString('base64url');
export const hash = (secret: string) => createHash('sha256').update(secret).digest('base64url');

/**
 * A new invitation link for every invited municipality of a round (or those named), kept as a hash only:
 * the token is returned once, to be put in a link. Links made earlier stay valid until revoked.
 */
export async function issueTokens(
  db: Db,
  roundId: string,
  only?: readonly string[],
  /** Who makes the links, when not the invitation: `list:<responsible>`, `delegated:<responsible>`. */
  issuedBy?: string,
): Promise<{ municipality: string; token: string }[]> {
  return inTransaction(db, async (trx) => {
    let invited = trx.selectFrom('invitation').select('municipality').where('round_id', '=', roundId);
    if (only !== undefined) invited = invited.where('municipality', 'in', only.length > 0 ? only : ['']);
    const made = (await invited.orderBy('municipality').execute()).map((i) => ({
      municipality: i.municipality,
      token: newSecret(),
    }));
    if (made.length > 0)
      await trx
        .insertInto('respondent_token')
        .values(
          made.map((m) => ({
            round_id: roundId,
            municipality: m.municipality,
            token_hash: hash(m.token),
            issued_by: issuedBy ?? null,
          })),
        )
        .execute();
    return made;
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

/** A signed-in respondent, with the header of its form as it was when the session was checked. */
export interface RespondentSession extends RespondentIdentity {
  readonly header: RoundHeader;
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
      token_hash: hash(token),
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
): Promise<(RespondentIdentity & { name: string; language: 'nb' | 'nn' }) | undefined> {
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
      'invitation.language',
      'revoked_at',
      'closed_at',
    ])
    .where('token_hash', '=', hash(token))
    .executeTakeFirst();
  if (!found || found.revoked_at !== null || (found.closed_at !== null && found.closed_at <= now))
    return undefined;
  return {
    roundId: found.round_id,
    municipality: found.municipality,
    name: found.name,
    language: found.language ?? 'nb',
  };
}

/**
 * Who a session cookie belongs to, if it is a live session whose token is still valid, with the header of
 * its form read in the same round trip: every respondent request needs both, and autosave is the hot path.
 */
export async function sessionIdentity(
  db: Db,
  sessionId: string,
  now: Date,
): Promise<RespondentSession | undefined> {
  const row = await selectRoundHeader(db)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('respondent_session')
          .innerJoin('respondent_token', 'respondent_token.token_hash', 'respondent_session.token_hash')
          .select('respondent_session.id_hash')
          .whereRef('respondent_session.round_id', '=', 'invitation.round_id')
          .whereRef('respondent_session.municipality', '=', 'invitation.municipality')
          .where('respondent_session.id_hash', '=', hash(sessionId))
          .where('expires_at', '>', now)
          .where('ended_at', 'is', null)
          .where('revoked_at', 'is', null),
      ),
    )
    .where((eb) => eb.or([eb('closed_at', 'is', null), eb('closed_at', '>', now)]))
    .executeTakeFirst();
  if (!row) return undefined;
  return { roundId: row.round_id, municipality: row.municipality, header: await toRoundHeader(db, row) };
}

export async function endSession(db: Db, sessionId: string): Promise<void> {
  await db
    .updateTable('respondent_session')
    .set({ ended_at: new Date() })
    .where('id_hash', '=', hash(sessionId))
    .execute();
}
