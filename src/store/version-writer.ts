import { sql } from 'kysely';
import type { Db } from './database.ts';
import { isDatabaseUnavailable } from './database.ts';
import type { NewVersion } from './responses.ts';

/** One version waiting for its statement. */
interface Pending {
  readonly roundId: string;
  readonly municipality: string;
  readonly expected: number;
  readonly version: NewVersion;
  readonly resolve: (version: number | undefined) => void;
  readonly reject: (error: unknown) => void;
}

/** At most this many statements in flight, and this many versions in one statement. */
const MAX_IN_FLIGHT = 1;
const MAX_BATCH = 200;

/**
 * Group commit for the versions municipalities save outside a transaction (autosave, submission): what
 * arrives while a statement is in flight goes out together in the next one, one commit and one wait for
 * the disk for all of them. Nothing waits on purpose: a lone save goes out at once. Every version is still
 * durable before its caller hears of it (the statement commits first), and each keeps its own check that
 * `expected` is the latest: one statement holds at most one version per form, the rest wait for the next.
 */
export class VersionWriter {
  readonly #db: Db;
  #queue: Pending[] = [];
  #inFlight = 0;

  constructor(db: Db) {
    this.#db = db;
  }

  /** The new version number, or undefined when `expected` is no longer the latest. */
  append(
    roundId: string,
    municipality: string,
    expected: number,
    version: NewVersion,
  ): Promise<number | undefined> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ roundId, municipality, expected, version, resolve, reject });
      this.#pump();
    });
  }

  #pump(): void {
    while (this.#inFlight < MAX_IN_FLIGHT && this.#queue.length > 0) {
      const batch: Pending[] = [];
      const rest: Pending[] = [];
      const forms = new Set<string>();
      for (const pending of this.#queue) {
        const form = `${pending.roundId}\u0000${pending.municipality}`;
        if (batch.length < MAX_BATCH && !forms.has(form)) {
          forms.add(form);
          batch.push(pending);
        } else rest.push(pending);
      }
      this.#queue = rest;
      this.#inFlight += 1;
      void this.#write(batch).finally(() => {
        this.#inFlight -= 1;
        this.#pump();
      });
    }
  }

  async #write(batch: readonly Pending[]): Promise<void> {
    try {
      const written = await insertVersions(this.#db, batch);
      for (const pending of batch)
        pending.resolve(written.get(`${pending.roundId}\u0000${pending.municipality}`));
    } catch (error) {
      // One bad version must not fail the others: unless the database itself is away, each is tried alone.
      if (batch.length === 1 || isDatabaseUnavailable(error)) {
        for (const pending of batch) pending.reject(error);
        return;
      }
      await Promise.all(batch.map((pending) => this.#write([pending])));
    }
  }
}

/** Inserts each version whose `expected` is still the latest; returns the numbers written, by form. */
async function insertVersions(db: Db, batch: readonly Pending[]): Promise<Map<string, number>> {
  const rows = batch.map(
    ({ roundId, municipality, expected, version }) => sql`(
      ${roundId}::text, ${municipality}::text, ${expected + 1}::integer, ${version.status}::text,
      ${version.submittedAt ?? null}::timestamptz,
      ${version.submittedBy === undefined ? null : JSON.stringify(version.submittedBy)}::jsonb,
      ${version.minutesSpent ?? null}::integer, ${version.content.comments}::text,
      ${JSON.stringify(version.content.tables)}::jsonb, ${version.savedBy}::text, ${version.reason ?? null}::text,
      ${version.answers === undefined ? null : JSON.stringify(version.answers)}::jsonb
    )`,
  );
  const result = await sql<{ round_id: string; municipality: string; version: number }>`
    insert into response
      (round_id, municipality, version, status, submitted_at, submitted_by, minutes_spent, comments, tables, saved_by, reason, answers)
    select v.round_id, v.municipality, v.version, v.status, v.submitted_at, v.submitted_by, v.minutes_spent,
      v.comments, v.tables, v.saved_by, v.reason, v.answers
    from (values ${sql.join(rows)}) as v
      (round_id, municipality, version, status, submitted_at, submitted_by, minutes_spent, comments, tables, saved_by, reason, answers)
    where coalesce(
      (select max(r.version) from response r where r.round_id = v.round_id and r.municipality = v.municipality), 0
    ) = v.version - 1
    on conflict (round_id, municipality, version) do nothing
    returning round_id, municipality, version`.execute(db);
  return new Map(result.rows.map((row) => [`${row.round_id}\u0000${row.municipality}`, row.version]));
}
