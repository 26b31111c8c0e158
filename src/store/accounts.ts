import { inTransaction, type Db } from './database.ts';

export interface AccountFigureRow {
  readonly function: string;
  readonly measure: string;
  readonly value: number;
}

/** Stores a municipality's key figures for a year, replacing what an earlier file of that year gave. */
export async function saveAccountFigures(
  db: Db,
  entry: {
    year: number;
    municipality: string;
    file: string;
    by: string;
    figures: readonly AccountFigureRow[];
  },
): Promise<void> {
  await inTransaction(db, async (trx) => {
    await trx
      .deleteFrom('account_figure')
      .where('year', '=', entry.year)
      .where('municipality', '=', entry.municipality)
      .execute();
    if (entry.figures.length === 0) return;
    await trx
      .insertInto('account_figure')
      .values(
        entry.figures.map((f) => ({
          year: entry.year,
          municipality: entry.municipality,
          function: f.function,
          measure: f.measure,
          value: f.value,
          file: entry.file,
          ingested_by: entry.by,
        })),
      )
      .execute();
  });
}

/** The key figures of a year for some functions: municipality, function, measure and value. */
export async function loadAccountFigures(
  db: Db,
  year: number,
  functions: readonly string[],
): Promise<{ municipality: string; function: string; measure: string; value: number }[]> {
  if (functions.length === 0) return [];
  const rows = await db
    .selectFrom('account_figure')
    .select(['municipality', 'function', 'measure', 'value'])
    .where('year', '=', year)
    .where('function', 'in', functions)
    .execute();
  // numeric comes back as text from PostgreSQL.
  return rows.map((r) => ({ ...r, value: Number(r.value) }));
}

/** One municipality's ingested figures of a year on the functions named. */
export async function loadUnitAccountFigures(
  db: Db,
  year: number,
  municipality: string,
  functions: readonly string[],
): Promise<{ function: string; measure: string; value: number }[]> {
  if (functions.length === 0) return [];
  const rows = await db
    .selectFrom('account_figure')
    .select(['function', 'measure', 'value'])
    .where('year', '=', year)
    .where('municipality', '=', municipality)
    .where('function', 'in', functions)
    .execute();
  return rows.map((r) => ({ ...r, value: Number(r.value) }));
}

/** The municipalities with ingested accounts for a year. */
export async function municipalitiesWithAccounts(db: Db, year: number): Promise<Set<string>> {
  const rows = await db
    .selectFrom('account_figure')
    .select('municipality')
    .distinct()
    .where('year', '=', year)
    .execute();
  return new Set(rows.map((r) => r.municipality));
}
