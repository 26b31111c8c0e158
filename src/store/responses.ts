import type { ResponseContent } from '../domain/survey/response.ts';
import { sql, type Transaction } from 'kysely';
import type { Database } from './schema.ts';
import type { Db } from './database.ts';
import { VersionWriter } from './version-writer.ts';

export interface StoredVersion {
  readonly version: number;
  readonly status: 'draft' | 'submitted';
  readonly content: ResponseContent;
  readonly savedAt: Date;
  readonly savedBy: string;
  readonly submittedAt: Date | null;
  readonly submittedBy: unknown;
  readonly minutesSpent: number | null;
  readonly reason: string | null;
  /** A form round's answers by path (docs/FORMS.md); undefined in a survey round. */
  readonly answers?: Readonly<Record<string, unknown>> | undefined;
}

const COLUMNS = [
  'version',
  'status',
  'tables',
  'comments',
  'created_at',
  'saved_by',
  'submitted_at',
  'submitted_by',
  'minutes_spent',
  'reason',
  'answers',
] as const;

function toVersion(row: {
  version: number;
  status: 'draft' | 'submitted';
  tables: unknown;
  comments: string;
  created_at: Date;
  saved_by: string;
  submitted_at: Date | null;
  submitted_by: unknown;
  minutes_spent: number | null;
  reason: string | null;
  answers: unknown;
}): StoredVersion {
  return {
    version: row.version,
    status: row.status,
    content: { tables: row.tables as ResponseContent['tables'], comments: row.comments },
    savedAt: row.created_at,
    savedBy: row.saved_by,
    submittedAt: row.submitted_at,
    submittedBy: row.submitted_by,
    minutesSpent: row.minutes_spent,
    reason: row.reason,
    answers: (row.answers ?? undefined) as StoredVersion['answers'],
  };
}

/** Every version of a municipality's response, newest first. */
export async function responseVersions(
  db: Db,
  roundId: string,
  municipality: string,
): Promise<StoredVersion[]> {
  const rows = await db
    .selectFrom('response')
    .select(COLUMNS)
    .where('round_id', '=', roundId)
    .where('municipality', '=', municipality)
    .orderBy('version', 'desc')
    .execute();
  return rows.map(toVersion);
}

export async function latestVersion(
  db: Db,
  roundId: string,
  municipality: string,
): Promise<StoredVersion | undefined> {
  const row = await db
    .selectFrom('response')
    .select(COLUMNS)
    .where('round_id', '=', roundId)
    .where('municipality', '=', municipality)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? toVersion(row) : undefined;
}

/** The latest version that was submitted, which stands until another is: undefined before the first. */
export async function lastSubmission(
  db: Db,
  roundId: string,
  municipality: string,
): Promise<{ version: number; submittedAt: Date } | undefined> {
  const row = await db
    .selectFrom('response')
    .select(['version', 'submitted_at'])
    .where('round_id', '=', roundId)
    .where('municipality', '=', municipality)
    .where('status', '=', 'submitted')
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.submitted_at ? { version: row.version, submittedAt: row.submitted_at } : undefined;
}

export interface NewVersion {
  readonly content: ResponseContent;
  readonly status: 'draft' | 'submitted';
  readonly savedBy: string;
  readonly submittedAt?: Date;
  readonly submittedBy?: unknown;
  readonly minutesSpent?: number | null;
  readonly reason?: string;
  /** A form round's answers by path. */
  readonly answers?: Readonly<Record<string, unknown>>;
}

/**
 * Adds a version after `expected` (0: there is none yet). Returns the new version number, or undefined when
 * someone else saved first: the caller is behind and must reload. Two writers racing for the same number are
 * settled by the primary key, so neither overwrites the other.
 */
export async function appendVersion(
  db: Db,
  roundId: string,
  municipality: string,
  expected: number,
  version: NewVersion,
): Promise<number | undefined> {
  // Drafts and submissions alike are committed to disk before the answer: an autosave that was told 200
  // survives a crash of the server or of the database (server/durability.test.ts). Outside a transaction
  // the saves of many municipalities share one statement and one commit (version-writer.ts).
  if (db.isTransaction) return insertVersion(db, roundId, municipality, expected, version);
  let writer = writers.get(db);
  if (!writer) writers.set(db, (writer = new VersionWriter(db)));
  return writer.append(roundId, municipality, expected, version);
}

const writers = new WeakMap<Db, VersionWriter>();

async function insertVersion(
  db: Db | Transaction<Database>,
  roundId: string,
  municipality: string,
  expected: number,
  version: NewVersion,
): Promise<number | undefined> {
  // One statement: the row is written only if `expected` is still the latest version.
  const result = await sql<{ version: number }>`
    insert into response
      (round_id, municipality, version, status, submitted_at, submitted_by, minutes_spent, comments, tables, saved_by, reason, answers)
    select ${roundId}, ${municipality}, ${expected + 1}, ${version.status}, ${version.submittedAt ?? null},
      ${version.submittedBy === undefined ? null : JSON.stringify(version.submittedBy)}::jsonb,
      ${version.minutesSpent ?? null}::integer, ${version.content.comments}, ${JSON.stringify(version.content.tables)}::jsonb,
      ${version.savedBy}, ${version.reason ?? null}::text,
      ${version.answers === undefined ? null : JSON.stringify(version.answers)}::jsonb
    where coalesce(
      (select max(version) from response where round_id = ${roundId} and municipality = ${municipality}), 0
    ) = ${expected}
    on conflict (round_id, municipality, version) do nothing
    returning version`.execute(db);
  return result.rows[0]?.version;
}
