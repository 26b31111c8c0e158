import { sql } from 'kysely';
import { DomainError, NotFoundError } from '../domain/errors.ts';
import { parseFormDefinition } from '../domain/forms/check.ts';
import type { CodeList, FormDefinition, UnitKind } from '../domain/forms/definition.ts';
import { resolveForm, type ResolvedForm } from '../domain/forms/resolve.ts';
import { whatsNew, type NewThisYear } from '../domain/forms/whats-new.ts';
import { isOrgNumber } from '../domain/register/org-number.ts';
import { inTransaction, type Db } from './database.ts';
import type { Disowning } from './schema.ts';

/**
 * A unit invited to fill a form: a municipality (4 digits), an Oslo district (030101–030115), or an
 * establishment or enterprise (organisation number) answered for by `responsible`.
 */
export interface FormUnit {
  readonly code: string;
  readonly name: string;
  readonly kind: UnitKind;
  /** Who answers for the unit (a municipality, an enterprise); absent when the unit answers itself. */
  readonly responsible?: string | null | undefined;
}

export interface NewFormRound {
  readonly id: string;
  readonly definition: FormDefinition;
  /** The code lists shared between forms: those the form names are stored with it. */
  readonly sharedLists: readonly CodeList[];
  readonly year: number;
  readonly units: readonly FormUnit[];
  readonly deadline?: Date | null;
  /** The register extract the units were drawn from, whose details the form shows. */
  readonly registerExtractId?: number | null;
  readonly collectionId?: string | null;
}

const UNIT_CODES: Readonly<Record<UnitKind, (code: string) => boolean>> = {
  municipality: (code) => /^\d{4}$/.test(code),
  oslo_district: (code) => /^0301(0[1-9]|1[0-5])$/.test(code),
  establishment: isOrgNumber,
  enterprise: isOrgNumber,
};

/**
 * Stores a round of a form for one årgang with its units, in one transaction. The form is stored with the
 * shared code lists it names, as a version of its own (the same content is the same version), so that the
 * round resolves as it was created whatever the shipped files become.
 */
export async function createFormRound(db: Db, round: NewFormRound): Promise<void> {
  const { definition, year } = round;
  // Resolving checks that the year is one the form covers and that every label has its text that year.
  resolveForm(definition, year, round.sharedLists);
  round.units.forEach((unit, i) => {
    const where = [`round ${round.id}`, `units.${i}`];
    if (!definition.unit_kinds.includes(unit.kind))
      throw new DomainError(`${definition.id} is not filled by a unit of kind ${unit.kind}`, where);
    if (!UNIT_CODES[unit.kind](unit.code))
      throw new DomainError(`"${unit.code}" is not a code of a ${unit.kind}`, where);
  });
  const used = new Set(
    definition.sections.flatMap((s) =>
      s.items.flatMap((item) =>
        item.kind === 'grid'
          ? [item.rows.code_list, item.columns.code_list]
          : item.kind === 'single_choice' || item.kind === 'multiple_choice'
            ? [item.options.code_list]
            : [],
      ),
    ),
  );
  const own = new Set(definition.code_lists.map((l) => l.id));
  const whole: FormDefinition = {
    ...definition,
    code_lists: [
      ...definition.code_lists,
      ...round.sharedLists.filter((l) => used.has(l.id) && !own.has(l.id)),
    ],
  };
  await inTransaction(db, async (trx) => {
    const exists = await trx
      .selectFrom('survey_round')
      .select('id')
      .where('id', '=', round.id)
      .executeTakeFirst();
    if (exists) throw new DomainError(`survey round ${round.id} exists already`);
    const version = await storeFormDefinition(trx, whole);
    await trx
      .insertInto('survey_round')
      .values({
        id: round.id,
        definition_id: null,
        definition_version: null,
        form_id: definition.id,
        form_version: version,
        form_year: year,
        reference_year: year,
        unit: 'form',
        deadline: round.deadline ?? null,
        register_extract_id: round.registerExtractId ?? null,
        collection_id: round.collectionId ?? null,
      })
      .execute();
    if (round.units.length > 0)
      await trx
        .insertInto('invitation')
        .values(
          round.units.map((u) => ({
            round_id: round.id,
            municipality: u.code,
            name: u.name,
            unit_kind: u.kind,
            responsible: u.responsible ?? null,
          })),
        )
        .execute();
  });
}

/** The version under which this content is stored: the existing one, or the next. */
async function storeFormDefinition(db: Db, definition: FormDefinition): Promise<number> {
  const json = JSON.stringify(definition);
  const hash = sql<string>`md5(${json}::jsonb::text)`;
  const same = await db
    .selectFrom('form_definition')
    .select('version')
    .where('id', '=', definition.id)
    .where(sql<boolean>`content_hash = ${hash}`)
    .executeTakeFirst();
  if (same) return same.version;
  const latest = await db
    .selectFrom('form_definition')
    .select((eb) => eb.fn.max('version').as('version'))
    .where('id', '=', definition.id)
    .executeTakeFirst();
  const version = (latest?.version ?? 0) + 1;
  await db
    .insertInto('form_definition')
    .values({ id: definition.id, version, definition: json, content_hash: hash })
    .execute();
  return version;
}

/**
 * A stored form resolved for a year, with what is new that year. Read and checked once per process: a
 * stored version is never changed.
 */
const resolved = new Map<string, { form: ResolvedForm; newThisYear: readonly NewThisYear[] }>();

export async function formOf(
  db: Db,
  id: string,
  version: number,
  year: number,
): Promise<{ form: ResolvedForm; newThisYear: readonly NewThisYear[] }> {
  const key = `${id}@${version}@${year}`;
  const cached = resolved.get(key);
  if (cached) return cached;
  const row = await db
    .selectFrom('form_definition')
    .select('definition')
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirstOrThrow();
  const definition = parseFormDefinition(row.definition, `form_definition ${id} version ${version}`);
  const entry = { form: resolveForm(definition, year), newThisYear: whatsNew(definition, year) };
  resolved.set(key, entry);
  return entry;
}

/** A form round's stored form and each unit's latest submitted answers, with how many units were invited. */
export async function formRoundAnswers(
  db: Db,
  roundId: string,
): Promise<{
  form: ResolvedForm;
  invited: number;
  units: { unit: string; name: string; answers: Readonly<Record<string, unknown>> }[];
}> {
  const round = await db
    .selectFrom('survey_round')
    .select(['form_id', 'form_version', 'form_year'])
    .where('id', '=', roundId)
    .executeTakeFirst();
  if (!round?.form_id || round.form_version === null || round.form_year === null)
    throw new NotFoundError(`no form round ${roundId}`);
  const { form } = await formOf(db, round.form_id, round.form_version, round.form_year);
  const invited = await db
    .selectFrom('invitation')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('round_id', '=', roundId)
    .executeTakeFirstOrThrow();
  const rows = await db
    .selectFrom('response')
    .innerJoin('invitation', (join) =>
      join
        .onRef('invitation.round_id', '=', 'response.round_id')
        .onRef('invitation.municipality', '=', 'response.municipality'),
    )
    .select(['response.municipality', 'invitation.name', 'response.answers'])
    .distinctOn('response.municipality')
    .where('response.round_id', '=', roundId)
    .where('response.status', '=', 'submitted')
    .orderBy('response.municipality')
    .orderBy('response.version', 'desc')
    .execute();
  return {
    form,
    invited: Number(invited.n),
    units: rows.map((r) => ({
      unit: r.municipality,
      name: r.name,
      answers: (r.answers ?? {}) as Record<string, unknown>,
    })),
  };
}

/** Each unit's latest submitted answers in the round of a form for a year (the latest such round). */
export async function answersOfYear(
  db: Db,
  formId: string,
  year: number,
): Promise<Map<string, Readonly<Record<string, unknown>>>> {
  const round = await db
    .selectFrom('survey_round')
    .select('id')
    .where('form_id', '=', formId)
    .where('form_year', '=', year)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  if (!round) return new Map();
  const rows = await db
    .selectFrom('response')
    .select(['municipality', 'answers'])
    .distinctOn('municipality')
    .where('round_id', '=', round.id)
    .where('status', '=', 'submitted')
    .orderBy('municipality')
    .orderBy('version', 'desc')
    .execute();
  return new Map(rows.map((r) => [r.municipality, (r.answers ?? {}) as Record<string, unknown>]));
}

/**
 * Marks a unit of a round as not answered for (not the responsible's, no agreement, closed) with the
 * reason given, or (null) takes the mark back; returns the mark it replaced. A unit the round lacks is a 404.
 */
export async function setUnitDisowned(
  db: Db,
  roundId: string,
  unit: string,
  mark: { readonly kind: Disowning; readonly reason: string; readonly at: Date } | null,
): Promise<{ kind: Disowning; reason: string } | null> {
  return inTransaction(db, async (trx) => {
    const before = await trx
      .selectFrom('invitation')
      .select(['disowned', 'disowned_reason'])
      .where('round_id', '=', roundId)
      .where('municipality', '=', unit)
      .forUpdate()
      .executeTakeFirst();
    if (!before) throw new NotFoundError(`${unit} is not a unit of ${roundId}`);
    await trx
      .updateTable('invitation')
      .set({
        disowned: mark?.kind ?? null,
        disowned_reason: mark?.reason ?? null,
        disowned_at: mark?.at ?? null,
      })
      .where('round_id', '=', roundId)
      .where('municipality', '=', unit)
      .execute();
    return before.disowned === null ? null : { kind: before.disowned, reason: before.disowned_reason ?? '' };
  });
}

/** Who answers for each unit of a round (the unit's own code where it answers itself). */
export async function unitResponsibles(db: Db, roundId: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('invitation')
    .select(['municipality', 'responsible'])
    .where('round_id', '=', roundId)
    .execute();
  return new Map(rows.map((r) => [r.municipality, r.responsible ?? r.municipality]));
}
