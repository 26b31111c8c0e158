import { sql } from 'kysely';
import type { CollectionForm } from '../domain/collection/collection-rates.ts';
import type { PublicationCheckpoint } from '../domain/collection/kostra-calendar.ts';
import { DomainError, NotFoundError } from '../domain/errors.ts';
import { inTransaction, type Db } from './database.ts';

export interface CollectionRound {
  readonly id: string;
  readonly form: string;
  readonly deadline: Date | null;
  readonly units: number;
  readonly disowned: number;
  readonly submitted: number;
}

export interface StoredCollection {
  readonly id: string;
  readonly year: number;
  readonly name: string;
  readonly createdAt: Date;
  readonly rounds: readonly CollectionRound[];
  readonly checkpoints: readonly {
    kind: PublicationCheckpoint;
    takenOn: string;
    takenAt: Date;
    takenBy: string;
  }[];
}

export async function insertCollection(
  db: Db,
  collection: { readonly id: string; readonly year: number; readonly name: string },
): Promise<void> {
  const exists = await db
    .selectFrom('collection')
    .select('id')
    .where('id', '=', collection.id)
    .executeTakeFirst();
  if (exists) throw new DomainError(`collection ${collection.id} exists already`, ['id']);
  await db
    .insertInto('collection')
    .values({ id: collection.id, year: collection.year, name: collection.name })
    .execute();
}

/** A collection with its rounds (one per form: units, those disowned, those submitted) and checkpoints. */
export async function findCollection(db: Db, id: string): Promise<StoredCollection> {
  const row = await db.selectFrom('collection').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new NotFoundError(`no collection ${id}`);
  const rounds = await db
    .selectFrom('survey_round')
    .select([
      'survey_round.id',
      'form_id',
      'deadline',
      sql<string>`(select count(*) from invitation i where i.round_id = survey_round.id)`.as('units'),
      sql<string>`(select count(*) from invitation i where i.round_id = survey_round.id and i.disowned is not null)`.as(
        'disowned',
      ),
      sql<string>`(select count(distinct r.municipality) from response r where r.round_id = survey_round.id and r.status = 'submitted')`.as(
        'submitted',
      ),
    ])
    .where('collection_id', '=', id)
    .orderBy('form_id')
    .execute();
  const checkpoints = await db
    .selectFrom('collection_checkpoint')
    .select(['kind', sql<string>`taken_on::text`.as('taken_on'), 'taken_at', 'taken_by'])
    .where('collection_id', '=', id)
    .orderBy('taken_on')
    .execute();
  return {
    id: row.id,
    year: row.year,
    name: row.name,
    createdAt: row.created_at,
    rounds: rounds.map((r) => ({
      id: r.id,
      form: r.form_id ?? r.id,
      deadline: r.deadline,
      units: Number(r.units),
      disowned: Number(r.disowned),
      submitted: Number(r.submitted),
    })),
    checkpoints: checkpoints.map((c) => ({
      kind: c.kind,
      takenOn: c.taken_on,
      takenAt: c.taken_at,
      takenBy: c.taken_by,
    })),
  };
}

export async function listCollections(db: Db): Promise<{ id: string; year: number; name: string }[]> {
  return db
    .selectFrom('collection')
    .select(['id', 'year', 'name'])
    .orderBy('year', 'desc')
    .orderBy('id')
    .execute();
}

/**
 * Freezes a publication checkpoint: for every unit of the collection's rounds, the latest version submitted
 * by `until` (the end of the publication's day) is what went into the publication, whatever comes after.
 * A checkpoint is taken once.
 */
export async function insertCheckpoint(
  db: Db,
  checkpoint: {
    readonly collectionId: string;
    readonly kind: PublicationCheckpoint;
    readonly day: string;
    readonly until: Date;
    readonly takenBy: string;
  },
): Promise<number> {
  return inTransaction(db, async (trx) => {
    const taken = await trx
      .selectFrom('collection_checkpoint')
      .select('taken_on')
      .where('collection_id', '=', checkpoint.collectionId)
      .where('kind', '=', checkpoint.kind)
      .executeTakeFirst();
    if (taken)
      throw new DomainError(
        `the ${checkpoint.kind} publication of ${checkpoint.collectionId} is taken already`,
        ['checkpoint'],
      );
    await trx
      .insertInto('collection_checkpoint')
      .values({
        collection_id: checkpoint.collectionId,
        kind: checkpoint.kind,
        taken_on: checkpoint.day,
        taken_by: checkpoint.takenBy,
      })
      .execute();
    const inserted = await sql<{ n: string }>`
      with frozen as (
        insert into checkpoint_response (collection_id, kind, round_id, municipality, version, submitted_at)
        select distinct on (r.round_id, r.municipality)
          ${checkpoint.collectionId}, ${checkpoint.kind}, r.round_id, r.municipality, r.version, r.submitted_at
        from response r join survey_round s on s.id = r.round_id
        where s.collection_id = ${checkpoint.collectionId} and r.status = 'submitted' and r.submitted_at <= ${checkpoint.until}
        order by r.round_id, r.municipality, r.version desc
        returning 1
      ) select count(*) as n from frozen`.execute(trx);
    return Number(inserted.rows[0]?.n ?? 0);
  });
}

/** What the rate table of a collection reads: per form its units, submissions and frozen checkpoints. */
export async function collectionRateInput(
  db: Db,
  id: string,
): Promise<{ year: number; forms: CollectionForm[] }> {
  const collection = await findCollection(db, id);
  const roundIds = collection.rounds.map((r) => r.id);
  if (roundIds.length === 0) return { year: collection.year, forms: [] };
  const [units, submissions, frozen] = await Promise.all([
    db
      .selectFrom('invitation')
      .select(['round_id', 'municipality', 'disowned'])
      .where('round_id', 'in', roundIds)
      .orderBy('municipality')
      .execute(),
    db
      .selectFrom('response')
      .select(['round_id', 'municipality', 'submitted_at'])
      .where('round_id', 'in', roundIds)
      .where('status', '=', 'submitted')
      .execute(),
    db
      .selectFrom('checkpoint_response')
      .innerJoin('collection_checkpoint', (j) =>
        j
          .onRef('collection_checkpoint.collection_id', '=', 'checkpoint_response.collection_id')
          .onRef('collection_checkpoint.kind', '=', 'checkpoint_response.kind'),
      )
      .select([
        'checkpoint_response.kind',
        'round_id',
        'municipality',
        sql<string>`taken_on::text`.as('taken_on'),
      ])
      .where('checkpoint_response.collection_id', '=', id)
      .execute(),
  ]);
  return {
    year: collection.year,
    forms: collection.rounds.map((round) => ({
      form: round.form,
      units: units
        .filter((u) => u.round_id === round.id)
        .map((u) => ({ form: round.form, unit: u.municipality, expected: u.disowned === null })),
      submissions: submissions
        .filter((s) => s.round_id === round.id)
        .map((s) => ({ form: round.form, unit: s.municipality, submittedAt: s.submitted_at! })),
      checkpoints: collection.checkpoints.map((c) => ({
        kind: c.kind,
        date: c.takenOn,
        units: new Set(
          frozen.filter((f) => f.kind === c.kind && f.round_id === round.id).map((f) => f.municipality),
        ),
      })),
    })),
  };
}
