import type { ResponseContent } from '../domain/survey/response.ts';
import type { Db } from './database.ts';

export interface StoredVersion {
  readonly version: number;
  readonly status: 'draft' | 'submitted';
  readonly content: ResponseContent;
  readonly savedAt: Date;
  readonly savedBy: string;
  readonly submittedAt: Date | null;
  readonly submittedBy: unknown;
  readonly minutesSpent: number | null;
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

export interface NewVersion {
  readonly content: ResponseContent;
  readonly status: 'draft' | 'submitted';
  readonly savedBy: string;
  readonly submittedAt?: Date;
  readonly submittedBy?: unknown;
  readonly minutesSpent?: number | null;
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
  const latest = await db
    .selectFrom('response')
    .select((eb) => eb.fn.max('version').as('version'))
    .where('round_id', '=', roundId)
    .where('municipality', '=', municipality)
    .executeTakeFirst();
  if ((latest?.version ?? 0) !== expected) return undefined;
  const inserted = await db
    .insertInto('response')
    .values({
      round_id: roundId,
      municipality,
      version: expected + 1,
      status: version.status,
      submitted_at: version.submittedAt ?? null,
      submitted_by: version.submittedBy === undefined ? null : JSON.stringify(version.submittedBy),
      minutes_spent: version.minutesSpent ?? null,
      comments: version.content.comments,
      tables: JSON.stringify(version.content.tables),
      saved_by: version.savedBy,
    })
    .onConflict((oc) => oc.columns(['round_id', 'municipality', 'version']).doNothing())
    .returning('version')
    .executeTakeFirst();
  return inserted?.version;
}
