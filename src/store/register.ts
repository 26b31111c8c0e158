import { sql } from 'kysely';
import type { RegisterExtract } from '../domain/register/register-file.ts';
import type { RegisterUnit } from '../domain/register/unit.ts';
import { inTransaction, type Db } from './database.ts';

/** A stored extract of the register: the day it describes, where it came from, whether it is synthetic. */
export interface StoredExtract {
  readonly id: number;
  readonly validOn: string;
  readonly fileName: string;
  readonly synthetic: boolean;
  readonly units: number;
  readonly loadedBy: string;
  readonly loadedAt: Date;
}

/** Stores an extract and its units in one transaction; returns its id. */
export async function insertRegisterExtract(
  db: Db,
  extract: RegisterExtract,
  fileName: string,
  loadedBy: string,
): Promise<number> {
  return inTransaction(db, async (trx) => {
    const { id } = await trx
      .insertInto('register_extract')
      .values({
        valid_on: extract.validOn,
        file_name: fileName,
        synthetic: extract.synthetic,
        units: extract.units.length,
        loaded_by: loadedBy,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // A statement has at most 65 535 parameters: 15 columns a unit, so a thousand units at a time.
    for (let i = 0; i < extract.units.length; i += 1000)
      await trx
        .insertInto('register_unit')
        .values(
          extract.units.slice(i, i + 1000).map((u) => ({
            extract_id: id,
            org_number: u.orgNumber,
            name: u.name,
            parent: u.parent,
            street: u.street,
            postcode: u.postcode,
            place: u.place,
            municipality: u.municipality,
            serves: u.serves,
            industry_sn2007: u.industrySn2007,
            industry_sn2025: u.industrySn2025,
            status: u.status,
            ownership: u.ownership,
            started_on: u.startedOn,
            closed_on: u.closedOn,
          })),
        )
        .execute();
    return id;
  });
}

const extractColumns = [
  'id',
  sql<string>`valid_on::text`.as('valid_on'),
  'file_name',
  'synthetic',
  'units',
  'loaded_by',
  'loaded_at',
] as const;

const toExtract = (r: {
  id: number;
  valid_on: string;
  file_name: string;
  synthetic: boolean;
  units: number;
  loaded_by: string;
  loaded_at: Date;
}): StoredExtract => ({
  id: r.id,
  validOn: r.valid_on,
  fileName: r.file_name,
  synthetic: r.synthetic,
  units: r.units,
  loadedBy: r.loaded_by,
  loadedAt: r.loaded_at,
});

/** The extracts, the latest day first. */
export async function registerExtracts(db: Db): Promise<StoredExtract[]> {
  const rows = await db
    .selectFrom('register_extract')
    .select(extractColumns)
    .orderBy('valid_on', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map(toExtract);
}

/** The extract a given id names, or the latest describing a day on or before `onOrBefore`. */
export async function findRegisterExtract(
  db: Db,
  which: { readonly id: number } | { readonly onOrBefore: string },
): Promise<StoredExtract | undefined> {
  let query = db.selectFrom('register_extract').select(extractColumns);
  query =
    'id' in which
      ? query.where('id', '=', which.id)
      : query.where('valid_on', '<=', which.onOrBefore).orderBy('valid_on', 'desc').orderBy('id', 'desc');
  const row = await query.executeTakeFirst();
  return row ? toExtract(row) : undefined;
}

const unitColumns = [
  'org_number',
  'name',
  'parent',
  'street',
  'postcode',
  'place',
  'municipality',
  'serves',
  'industry_sn2007',
  'industry_sn2025',
  'status',
  'ownership',
  sql<string | null>`started_on::text`.as('started_on'),
  sql<string | null>`closed_on::text`.as('closed_on'),
] as const;

type UnitRow = {
  org_number: string;
  name: string;
  parent: string | null;
  street: string;
  postcode: string;
  place: string;
  municipality: string;
  serves: string;
  industry_sn2007: string | null;
  industry_sn2025: string | null;
  status: 'active' | 'closed';
  ownership: 'municipal' | 'private_commercial' | 'non_profit';
  started_on: string | null;
  closed_on: string | null;
};

const toUnit = (r: UnitRow): RegisterUnit => ({
  orgNumber: r.org_number,
  name: r.name,
  parent: r.parent,
  street: r.street,
  postcode: r.postcode,
  place: r.place,
  municipality: r.municipality,
  serves: r.serves,
  industrySn2007: r.industry_sn2007,
  industrySn2025: r.industry_sn2025,
  status: r.status,
  ownership: r.ownership,
  startedOn: r.started_on,
  closedOn: r.closed_on,
});

/** The units of an extract (those named, when given), by organisation number. */
export async function registerUnits(
  db: Db,
  extractId: number,
  orgNumbers?: readonly string[],
): Promise<RegisterUnit[]> {
  if (orgNumbers?.length === 0) return [];
  let query = db.selectFrom('register_unit').select(unitColumns).where('extract_id', '=', extractId);
  if (orgNumbers) query = query.where('org_number', 'in', orgNumbers);
  const rows = await query.orderBy('org_number').execute();
  return rows.map(toUnit);
}
