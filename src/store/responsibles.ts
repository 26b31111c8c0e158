import { sql } from 'kysely';
import type { Db } from './database.ts';
import { hash, newSecret } from './respondents.ts';

/** What a responsible's link covers: every round of a collection, or one round. */
export type ResponsibleScope = { readonly collectionId: string } | { readonly roundId: string };

/** A responsible signed in to their list of units. */
export interface ResponsibleIdentity {
  readonly scope: ResponsibleScope;
  readonly responsible: string;
  readonly name: string;
}

const scopeOf = (row: { collection_id: string | null; round_id: string | null }): ResponsibleScope =>
  row.collection_id !== null ? { collectionId: row.collection_id } : { roundId: row.round_id! };

/** The invitations in a scope: the collection's rounds, or the one round. */
function invitationsIn(db: Db, scope: ResponsibleScope) {
  const query = db
    .selectFrom('invitation')
    .innerJoin('survey_round', 'survey_round.id', 'invitation.round_id');
  return 'collectionId' in scope
    ? query.where('survey_round.collection_id', '=', scope.collectionId)
    : query.where('invitation.round_id', '=', scope.roundId);
}

/** Who answers in a scope: each unit's responsible, or the unit itself (a municipality answering its own form). */
export async function responsiblesIn(db: Db, scope: ResponsibleScope): Promise<string[]> {
  const rows = await invitationsIn(db, scope)
    .select(sql<string>`coalesce(invitation.responsible, invitation.municipality)`.as('responsible'))
    .distinct()
    .orderBy('responsible')
    .execute();
  return rows.map((r) => r.responsible);
}

/** A new link for each responsible named (with the name to greet them by); returned once, kept as hashes. */
export async function issueResponsibleTokens(
  db: Db,
  scope: ResponsibleScope,
  responsibles: readonly { readonly responsible: string; readonly name: string }[],
): Promise<{ responsible: string; name: string; token: string }[]> {
  const made = responsibles.map((r) => ({ ...r, token: newSecret() }));
  if (made.length > 0)
    await db
      .insertInto('responsible_token')
      .values(
        made.map((m) => ({
          token_hash: hash(m.token),
          collection_id: 'collectionId' in scope ? scope.collectionId : null,
          round_id: 'roundId' in scope ? scope.roundId : null,
          responsible: m.responsible,
          name: m.name,
        })),
      )
      .execute();
  return made;
}

/** Whose list a token opens, if it is valid; nothing is changed. */
export async function responsibleTokenHolder(
  db: Db,
  token: string,
): Promise<ResponsibleIdentity | undefined> {
  const row = await db
    .selectFrom('responsible_token')
    .select(['collection_id', 'round_id', 'responsible', 'name'])
    .where('token_hash', '=', hash(token))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return row ? { scope: scopeOf(row), responsible: row.responsible, name: row.name } : undefined;
}

/** Exchanges a responsible's token for a session; undefined for an unknown or revoked token. */
export async function openResponsibleSession(
  db: Db,
  token: string,
  now: Date,
  lifetimeMs: number,
): Promise<{ sessionId: string; identity: ResponsibleIdentity; expiresAt: Date } | undefined> {
  const identity = await responsibleTokenHolder(db, token);
  if (!identity) return undefined;
  const sessionId = newSecret();
  const expiresAt = new Date(now.getTime() + lifetimeMs);
  await db
    .insertInto('responsible_session')
    .values({ id_hash: hash(sessionId), token_hash: hash(token), expires_at: expiresAt })
    .execute();
  return { sessionId, identity, expiresAt };
}

/** Who a session cookie of a list belongs to, while the session lives and its token is not revoked. */
export async function responsibleSession(
  db: Db,
  sessionId: string,
  now: Date,
): Promise<ResponsibleIdentity | undefined> {
  const row = await db
    .selectFrom('responsible_session')
    .innerJoin('responsible_token', 'responsible_token.token_hash', 'responsible_session.token_hash')
    .select(['collection_id', 'round_id', 'responsible', 'name'])
    .where('id_hash', '=', hash(sessionId))
    .where('expires_at', '>', now)
    .where('ended_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return row ? { scope: scopeOf(row), responsible: row.responsible, name: row.name } : undefined;
}

export async function endResponsibleSession(db: Db, sessionId: string, now: Date): Promise<void> {
  await db
    .updateTable('responsible_session')
    .set({ ended_at: now })
    .where('id_hash', '=', hash(sessionId))
    .execute();
}

/** A unit on a responsible's list, with where its form stands. */
export interface ListedUnitRow {
  readonly roundId: string;
  readonly form: string | null;
  readonly formYear: number | null;
  readonly formVersion: number | null;
  readonly unit: string;
  readonly name: string;
  readonly kind: string;
  readonly deadline: Date | null;
  readonly extendedDeadline: Date | null;
  readonly closedAt: Date | null;
  readonly disowned: 'not_ours' | 'no_agreement' | 'closed' | null;
  readonly disownedReason: string | null;
  readonly version: number | null;
  readonly status: 'draft' | 'submitted' | null;
  readonly submittedAt: Date | null;
  readonly everSubmitted: boolean;
  readonly extractId: number | null;
}

/** The units a responsible answers for in the scope (or the one named), by form and organisation number. */
export async function responsibleUnits(
  db: Db,
  identity: Pick<ResponsibleIdentity, 'scope' | 'responsible'>,
  only?: { readonly roundId: string; readonly unit: string },
): Promise<ListedUnitRow[]> {
  let query = invitationsIn(db, identity.scope)
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('response')
          .select(['response.version', 'response.status', 'response.submitted_at'])
          .whereRef('response.round_id', '=', 'invitation.round_id')
          .whereRef('response.municipality', '=', 'invitation.municipality')
          .orderBy('response.version', 'desc')
          .limit(1)
          .as('latest'),
      (join) => join.onTrue(),
    )
    .select([
      'invitation.round_id',
      'survey_round.form_id',
      'survey_round.form_year',
      'survey_round.form_version',
      'invitation.municipality',
      'invitation.name',
      'invitation.unit_kind',
      'survey_round.deadline',
      sql<Date | null>`greatest(invitation.extended_deadline, survey_round.extended_deadline)`.as('extended'),
      'survey_round.closed_at',
      'invitation.disowned',
      'invitation.disowned_reason',
      'latest.version',
      'latest.status',
      'latest.submitted_at',
      sql<boolean>`exists (select 1 from response s where s.round_id = invitation.round_id
        and s.municipality = invitation.municipality and s.status = 'submitted')`.as('ever_submitted'),
      'survey_round.register_extract_id',
    ])
    .where((eb) =>
      eb.or([
        eb('invitation.responsible', '=', identity.responsible),
        eb.and([
          eb('invitation.responsible', 'is', null),
          eb('invitation.municipality', '=', identity.responsible),
        ]),
      ]),
    );
  if (only)
    query = query
      .where('invitation.round_id', '=', only.roundId)
      .where('invitation.municipality', '=', only.unit);
  const rows = await query.orderBy('survey_round.form_id').orderBy('invitation.municipality').execute();
  return rows.map((r) => ({
    roundId: r.round_id,
    form: r.form_id,
    formYear: r.form_year,
    formVersion: r.form_version,
    unit: r.municipality,
    name: r.name,
    kind: r.unit_kind,
    deadline: r.deadline,
    extendedDeadline: r.extended,
    closedAt: r.closed_at,
    disowned: r.disowned,
    disownedReason: r.disowned_reason,
    version: r.version,
    status: r.status,
    submittedAt: r.submitted_at,
    everSubmitted: r.ever_submitted,
    extractId: r.register_extract_id,
  }));
}
