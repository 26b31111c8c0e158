import { sql } from 'kysely';
import { deadlineInstant, effectiveDeadline, type Timeline } from '../domain/collection/timeline.ts';
import { DomainError, noSurveyRound, NotFoundError, notInvited } from '../domain/errors.ts';
import { parseSurveyDefinition, type SurveyDefinition } from '../domain/survey/definition.ts';
import { withFunctions } from '../domain/survey/functions-text.ts';
import type { ResponseTable } from '../domain/survey/response.ts';
import type { SurveyRound } from '../domain/survey/round.ts';
import { inTransaction, type Db } from './database.ts';
import { formOf } from './form-rounds.ts';
import type { ResolvedForm } from '../domain/forms/resolve.ts';
import type { NewThisYear } from '../domain/forms/whats-new.ts';

/** Rows per insert statement: far below PostgreSQL's limit of 65 535 parameters. */
const CHUNK = 1000;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/**
 * Stores a round with its definition, invitations, prefilled totals and submitted responses, in one
 * transaction: it is stored whole or not at all. A round id that exists already is refused.
 */
export async function saveRound(db: Db, definition: SurveyDefinition, round: SurveyRound): Promise<void> {
  await inTransaction(db, async (trx) => {
    const existing = await trx
      .selectFrom('survey_round')
      .select('id')
      .where('id', '=', round.id)
      .executeTakeFirst();
    if (existing) throw new DomainError(`survey round ${round.id} exists already`);
    await storeDefinition(trx, definition);
    await trx
      .insertInto('survey_round')
      .values({
        id: round.id,
        definition_id: definition.id,
        definition_version: definition.version,
        reference_year: round.referenceYear,
        unit: round.unit,
        functions: round.functions ? [...round.functions] : null,
      })
      .execute();
    for (const part of chunks(round.invitations)) {
      await trx
        .insertInto('invitation')
        .values(
          part.map((i) => ({
            round_id: round.id,
            municipality: i.municipality,
            name: i.name,
            size_group: i.sizeGroup,
            asss: i.asss,
            criteria: [...i.criteria],
            attended_meeting: i.attendedMeeting,
            meeting_participants: i.meetingParticipants,
            population_approx: i.populationApprox,
          })),
        )
        .execute();
    }
    const totals = round.invitations.flatMap((i) =>
      Object.entries(i.prefilled).map(([measure, amount]) => ({
        round_id: round.id,
        municipality: i.municipality,
        measure,
        amount,
      })),
    );
    for (const part of chunks(totals)) await trx.insertInto('prefilled_total').values(part).execute();
    for (const part of chunks(round.responses)) {
      await trx
        .insertInto('response')
        .values(
          part.map((r) => ({
            round_id: round.id,
            municipality: r.municipality,
            version: 1,
            status: 'submitted' as const,
            submitted_at: r.submittedAt,
            comments: r.comments,
            tables: JSON.stringify(r.tables),
          })),
        )
        .execute();
    }
  });
}

/**
 * Stores a version of a survey definition unless it is there already; the same id and version with other
 * content is refused, so that no round's questionnaire changes under it.
 */
async function storeDefinition(trx: Db, definition: SurveyDefinition): Promise<void> {
  const json = JSON.stringify(definition);
  const hash = sql<string>`md5(${json}::jsonb::text)`;
  await trx
    .insertInto('survey_definition')
    .values({ id: definition.id, version: definition.version, definition: json, content_hash: hash })
    .onConflict((oc) => oc.columns(['id', 'version']).doNothing())
    .execute();
  const stored = await trx
    .selectFrom('survey_definition')
    .select(sql<boolean>`content_hash = ${hash}`.as('same'))
    .where('id', '=', definition.id)
    .where('version', '=', definition.version)
    .executeTakeFirstOrThrow();
  if (!stored.same)
    throw new DomainError(
      `survey definition ${definition.id} version ${definition.version} is stored already with other content: a changed definition needs a new version`,
    );
}

export interface StoredRound {
  readonly definition: SurveyDefinition;
  readonly round: SurveyRound;
}

/** A round as the statistics see it: each municipality's latest submitted response. */
export async function loadRound(db: Db, roundId: string): Promise<StoredRound> {
  const header = await db
    .selectFrom('survey_round')
    .innerJoin('survey_definition', (join) =>
      join
        .onRef('survey_definition.id', '=', 'survey_round.definition_id')
        .onRef('survey_definition.version', '=', 'survey_round.definition_version'),
    )
    .select([
      'survey_round.id',
      'reference_year',
      'unit',
      'definition_id',
      'definition_version',
      'survey_definition.definition',
      'survey_round.functions',
    ])
    .where('survey_round.id', '=', roundId)
    .executeTakeFirst();
  if (!header) throw new NotFoundError(noSurveyRound(roundId));
  const invitations = await db
    .selectFrom('invitation')
    .selectAll()
    .where('round_id', '=', roundId)
    .orderBy('municipality')
    .execute();
  const totals = await db.selectFrom('prefilled_total').selectAll().where('round_id', '=', roundId).execute();
  const responses = await db
    .selectFrom('response')
    .select(['municipality', 'submitted_at', 'comments', 'tables'])
    .distinctOn('municipality')
    .where('round_id', '=', roundId)
    .where('status', '=', 'submitted')
    .orderBy('municipality')
    .orderBy('version', 'desc')
    .execute();
  const prefilledOf = new Map<string, Record<string, number | null>>();
  for (const t of totals) {
    const entry = prefilledOf.get(t.municipality) ?? {};
    entry[t.measure] = t.amount;
    prefilledOf.set(t.municipality, entry);
  }
  const definition = parseSurveyDefinition(
    header.definition,
    `survey_definition ${header.definition_id} version ${header.definition_version}`,
  );
  const functions = header.functions ?? [definition.function];
  return {
    definition: withFunctions(definition, functions),
    round: {
      id: header.id,
      // The inner join with survey_definition leaves only survey rounds.
      definitionId: header.definition_id!,
      referenceYear: header.reference_year,
      unit: header.unit,
      functions,
      invitations: invitations.map((i) => ({
        municipality: i.municipality,
        name: i.name,
        sizeGroup: i.size_group,
        asss: i.asss,
        criteria: i.criteria,
        attendedMeeting: i.attended_meeting,
        meetingParticipants: i.meeting_participants,
        populationApprox: i.population_approx,
        prefilled: prefilledOf.get(i.municipality) ?? {},
      })),
      responses: responses.map((r) => ({
        municipality: r.municipality,
        submittedAt: (r.submitted_at as Date).toISOString(),
        comments: r.comments,
        tables: r.tables as Record<string, ResponseTable>,
      })),
    },
  };
}

interface HeaderCommon {
  readonly referenceYear: number;
  readonly deadline: Date | null;
  readonly closedAt: Date | null;
  readonly name: string;
  /** The deadline extended for the whole round. */
  readonly roundExtendedDeadline: Date | null;
  /** This municipality's own extension. */
  readonly ownExtendedDeadline: Date | null;
  /** When this municipality's form closes: the latest of the three. */
  readonly effectiveDeadline: Date | null;
  readonly prefilled: Readonly<Record<string, number | null>>;
  /** The written language the unit has asked the state to use with it (språkvedtak): the form opens in it. */
  readonly writtenLanguage: 'nb' | 'nn';
}

/** The header of a round of the f254 survey definition. */
export interface SurveyRoundHeader extends HeaderCommon {
  readonly kind: 'survey';
  readonly definition: SurveyDefinition;
}

/** The header of a round of a form of the forms engine: the form as resolved for the round's årgang. */
export interface FormRoundHeader extends HeaderCommon {
  readonly kind: 'form';
  readonly form: ResolvedForm;
  /** "Nytt i årets skjema" for the round's årgang. */
  readonly newThisYear: readonly NewThisYear[];
  /** The register extract the round's establishments were drawn from, whose details the form shows. */
  readonly registerExtractId: number | null;
}

export type RoundHeader = SurveyRoundHeader | FormRoundHeader;

/** The header of a survey round; a form round is refused, naming it (a use case of the f254 survey only). */
export function surveyHeader(header: RoundHeader, roundId: string): SurveyRoundHeader {
  if (header.kind !== 'survey')
    throw new DomainError(`round ${roundId} collects a form of the forms engine, not a survey`);
  return header;
}

/**
 * Parsed survey definitions by id and version. A definition is read and checked once per process, not at
 * every autosave; a stored version is never changed (saveRound refuses other content under it).
 */
const definitions = new Map<string, SurveyDefinition>();

async function definitionOf(
  db: Db,
  id: string,
  version: number,
  functions: readonly string[] | null,
): Promise<SurveyDefinition> {
  const key = `${id}@${version}@${functions?.join('+') ?? ''}`;
  const cached = definitions.get(key);
  if (cached) return cached;
  const row = await db
    .selectFrom('survey_definition')
    .select('definition')
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirstOrThrow();
  const parsed = parseSurveyDefinition(row.definition, `survey_definition ${id} version ${version}`);
  const worded = withFunctions(parsed, functions ?? [parsed.function]);
  definitions.set(key, worded);
  return worded;
}

/** What one municipality's form needs of its round: definition, deadlines, name and prefilled totals. */
export async function loadRoundHeader(db: Db, roundId: string, municipality: string): Promise<RoundHeader> {
  const row = await selectRoundHeader(db)
    .where('invitation.round_id', '=', roundId)
    .where('invitation.municipality', '=', municipality)
    .executeTakeFirst();
  if (!row) throw new NotFoundError(notInvited(municipality, roundId));
  return toRoundHeader(db, row);
}

/**
 * The query behind a round header, for one municipality's invitation: the caller adds which. The
 * respondent's session is looked up with it, in the same round trip (respondents.ts).
 */
export function selectRoundHeader(db: Db) {
  return db
    .selectFrom('invitation')
    .innerJoin('survey_round', 'survey_round.id', 'invitation.round_id')
    .select([
      'invitation.round_id',
      'invitation.municipality',
      'survey_round.definition_id',
      'survey_round.definition_version',
      'survey_round.form_id',
      'survey_round.form_version',
      'survey_round.form_year',
      'survey_round.functions',
      'survey_round.register_extract_id',
      'reference_year',
      'deadline',
      'closed_at',
      'name',
      'invitation.language',
      'invitation.extended_deadline as own_extension',
      'survey_round.extended_deadline as round_extension',
      // The prefilled totals in the same round trip: this runs at every autosave.
      sql<Record<string, number | null> | null>`(
        select json_object_agg(measure, amount) from prefilled_total
        where prefilled_total.round_id = invitation.round_id and prefilled_total.municipality = invitation.municipality
      )`.as('prefilled'),
    ]);
}

type RoundHeaderRow = NonNullable<
  Awaited<ReturnType<ReturnType<typeof selectRoundHeader>['executeTakeFirst']>>
>;

export async function toRoundHeader(db: Db, row: RoundHeaderRow): Promise<RoundHeader> {
  const common: HeaderCommon = {
    referenceYear: row.reference_year,
    deadline: row.deadline,
    closedAt: row.closed_at,
    name: row.name,
    roundExtendedDeadline: row.round_extension,
    ownExtendedDeadline: row.own_extension,
    effectiveDeadline: effectiveDeadline(row.deadline, row.round_extension, row.own_extension),
    prefilled: row.prefilled ?? {},
    writtenLanguage: row.language ?? 'nb',
  };
  if (row.form_id !== null && row.form_version !== null && row.form_year !== null) {
    const resolved = await formOf(db, row.form_id, row.form_version, row.form_year);
    return { ...common, kind: 'form', ...resolved, registerExtractId: row.register_extract_id };
  }
  return {
    ...common,
    kind: 'survey',
    definition: await definitionOf(db, row.definition_id!, row.definition_version!, row.functions),
  };
}

/** A round's own fields, or undefined when there is no such round. */
export async function findRound(
  db: Db,
  roundId: string,
): Promise<{ referenceYear: number; timeline: Timeline } | undefined> {
  const row = await db
    .selectFrom('survey_round')
    .select(['reference_year', 'timeline'])
    .where('id', '=', roundId)
    .executeTakeFirst();
  return row && { referenceYear: row.reference_year, timeline: row.timeline ?? {} };
}

/** Whether a round is of a survey definition or of a form of the engine; undefined for no such round. */
export async function roundKind(db: Db, roundId: string): Promise<'survey' | 'form' | undefined> {
  const row = await db
    .selectFrom('survey_round')
    .select('form_id')
    .where('id', '=', roundId)
    .executeTakeFirst();
  return row && (row.form_id === null ? 'survey' : 'form');
}

/** Sets a round's deadline (null: none). */
export async function setDeadline(db: Db, roundId: string, deadline: Date | null): Promise<void> {
  await db.updateTable('survey_round').set({ deadline }).where('id', '=', roundId).execute();
}

/**
 * Sets a round's timeline; its deadline and round-wide extended deadline are what the forms obey (a date
 * alone lasting to the end of that day in Oslo). Returns false when there is no such round.
 */
export async function setTimeline(db: Db, roundId: string, timeline: Timeline): Promise<boolean> {
  const updated = await db
    .updateTable('survey_round')
    .set({
      timeline: JSON.stringify(timeline),
      deadline: timeline.deadline === undefined ? null : deadlineInstant(timeline.deadline),
      extended_deadline:
        timeline.extended_deadline === undefined ? null : deadlineInstant(timeline.extended_deadline),
    })
    .where('id', '=', roundId)
    .executeTakeFirst();
  return updated.numUpdatedRows > 0n;
}

/** A round's timeline as stored (empty when none was given). */
export async function loadTimeline(db: Db, roundId: string): Promise<Timeline | undefined> {
  const row = await db
    .selectFrom('survey_round')
    .select('timeline')
    .where('id', '=', roundId)
    .executeTakeFirst();
  return row && (row.timeline ?? {});
}

/** Gives one municipality a later deadline than the round's (null: takes it back). */
export async function setExtension(
  db: Db,
  roundId: string,
  municipality: string,
  until: Date | null,
): Promise<void> {
  await db
    .updateTable('invitation')
    .set({ extended_deadline: until })
    .where('round_id', '=', roundId)
    .where('municipality', '=', municipality)
    .execute();
}

/** Closes a round: its links stop working and no form can change. */
export async function closeRound(db: Db, roundId: string, at: Date): Promise<void> {
  await db.updateTable('survey_round').set({ closed_at: at }).where('id', '=', roundId).execute();
}

/** Stores prefilled totals (1000 NOK), replacing those of the same round, municipality and measure; all or none. */
export async function savePrefilledTotals(
  db: Db,
  rows: readonly { round_id: string; municipality: string; measure: string; amount: number }[],
): Promise<void> {
  await inTransaction(db, async (trx) => {
    for (const row of rows)
      await trx
        .insertInto('prefilled_total')
        .values(row)
        .onConflict((oc) =>
          oc.columns(['round_id', 'municipality', 'measure']).doUpdateSet({ amount: row.amount }),
        )
        .execute();
  });
}
