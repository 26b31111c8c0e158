import type { GroupDraw, UnitChoice } from '../domain/collection/form-units.ts';
import { collectionRates, type CollectionFormRates } from '../domain/collection/collection-rates.ts';
import {
  kostraDeadlineDay,
  kostraPublicationDay,
  type PublicationCheckpoint,
} from '../domain/collection/kostra-calendar.ts';
import { deadlineInstant } from '../domain/collection/timeline.ts';
import { DomainError } from '../domain/errors.ts';
import type { Db } from '../store/database.ts';
import {
  collectionRateInput,
  findCollection,
  insertCheckpoint,
  insertCollection,
  listCollections,
  type StoredCollection,
} from '../store/collections.ts';
import { perform } from './action.ts';
import { openShippedFormRound, type RegisterChoice } from './create-form-round.ts';

export interface NewCollectionForm {
  readonly form: string;
  readonly units: UnitChoice | RegisterChoice;
  readonly draw?: GroupDraw | undefined;
  /** The form's own deadline; KOSTRA's calendar for the form when absent. */
  readonly deadline?: Date | undefined;
}

/** The id of a form's round in a collection: `2020-skjema-5` for kostra-skjema-5 in collection 2020. */
export const collectionRoundId = (collection: string, form: string): string =>
  `${collection}-${form.replace(/^kostra-/, '')}`;

/**
 * A collection of several forms of one årgang, opened together in one transaction: a round per form with
 * its own units and its own deadline (KOSTRA's calendar unless given). The audit log has the collection and
 * each round.
 */
export async function createCollection(
  db: Db,
  actor: string,
  collection: {
    readonly id: string;
    readonly year: number;
    readonly name: string;
    readonly forms: readonly NewCollectionForm[];
  },
): Promise<StoredCollection> {
  if (collection.forms.length === 0) throw new DomainError('a collection needs at least one form', ['forms']);
  const seen = new Set<string>();
  collection.forms.forEach((f, i) => {
    if (seen.has(f.form)) throw new DomainError(`${f.form} is listed twice`, ['forms', String(i)]);
    seen.add(f.form);
  });
  return perform(db, actor, async (trx) => {
    await insertCollection(trx, collection);
    for (const f of collection.forms)
      await openShippedFormRound(trx, actor, {
        id: collectionRoundId(collection.id, f.form),
        form: f.form,
        year: collection.year,
        units: f.units,
        draw: f.draw,
        deadline: f.deadline ?? deadlineInstant(kostraDeadlineDay(f.form, collection.year)),
        collectionId: collection.id,
      });
    return {
      result: await findCollection(trx, collection.id),
      audit: {
        action: 'collection.create',
        subject: collection.id,
        detail: { year: collection.year, forms: collection.forms.map((f) => f.form) },
      },
    };
  });
}

/**
 * Freezes the preliminary or final publication of a collection: each unit's latest version submitted by the
 * end of the publication's day (or by now, if taken before the day is over) is the one published; a later
 * submission shows as a resubmission after it.
 */
export async function takeCheckpoint(
  db: Db,
  actor: string,
  collectionId: string,
  kind: PublicationCheckpoint,
  now: Date,
): Promise<{ kind: PublicationCheckpoint; day: string; units: number }> {
  const { year } = await findCollection(db, collectionId);
  const day = kostraPublicationDay(kind, year);
  const end = deadlineInstant(day);
  const until = now < end ? now : end;
  return perform(db, actor, async (trx) => {
    const units = await insertCheckpoint(trx, { collectionId, kind, day, until, takenBy: actor });
    return {
      result: { kind, day, units },
      audit: {
        action: 'collection.checkpoint',
        subject: collectionId,
        detail: { kind, day, units, until: until.toISOString() },
      },
    };
  });
}

/** The working group's table (seed 001, 6.3) of a collection: per form by the two deadlines and in each publication. */
export async function collectionRateTable(db: Db, collectionId: string): Promise<CollectionFormRates[]> {
  const { year, forms } = await collectionRateInput(db, collectionId);
  return collectionRates(forms, [`${year + 1}-01-15`, `${year + 1}-02-15`]);
}

/** A collection as its staff page shows it: its rounds, publications and the working group's table. */
export async function collectionOverview(
  db: Db,
  collectionId: string,
): Promise<{ collection: StoredCollection; rates: CollectionFormRates[] }> {
  const collection = await findCollection(db, collectionId);
  return { collection, rates: await collectionRateTable(db, collectionId) };
}

export const collectionList = (db: Db) => listCollections(db);
