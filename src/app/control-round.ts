import {
  controlResponse,
  worklist,
  type ControlFlag,
  type ControlThresholds,
} from '../domain/collection/controls.ts';
import { responsesByDay, type DayCount } from '../domain/collection/tracking.ts';
import { diffVersions, type Change } from '../domain/collection/version-diff.ts';
import { fieldLabel } from '../domain/survey/field-labels.ts';
import { diffAnswers } from '../domain/forms/answers-diff.ts';
import type { Answers } from '../domain/forms/answers.ts';
import {
  DomainError,
  noSurveyRound,
  NotFoundError,
  said,
  StaleVersionError,
  SubmissionBlockedError,
} from '../domain/errors.ts';
import { loadMunicipalityReforms } from '../files/product-data.ts';
import type { ResponseContent } from '../domain/survey/response.ts';
import { validateResponse } from '../domain/validation/validate.ts';
import type { Db } from '../store/database.ts';
import { appendVersion, responseVersions } from '../store/responses.ts';
import { loadRound, loadRoundHeader, surveyHeader } from '../store/rounds.ts';
import type { Statistician } from '../store/statisticians.ts';
import { perform } from './action.ts';

/**
 * A statistician's correction: a new submitted version with the reason, never an edit in place. Hard
 * validation errors stop it as they stop a respondent.
 */
export async function correctResponse(
  db: Db,
  user: Statistician,
  roundId: string,
  municipality: string,
  expected: number,
  content: ResponseContent,
  reason: string,
  now: Date,
): Promise<{ version: number }> {
  if (reason.trim() === '')
    throw new DomainError(
      said(
        'a correction needs a reason',
        'en retting krever en begrunnelse',
        'ei retting krev ei grunngjeving',
      ),
      ['reason'],
    );
  const header = surveyHeader(await loadRoundHeader(db, roundId, municipality), roundId);
  const { errors } = validateResponse(header.definition, content, header.prefilled, 'nb');
  if (errors.length > 0) throw new SubmissionBlockedError(errors);
  return perform(db, user.username, async (trx) => {
    const version = await appendVersion(trx, roundId, municipality, expected, {
      content,
      status: 'submitted',
      savedBy: `statistician:${user.username}`,
      submittedAt: now,
      reason: reason.trim(),
    });
    if (version === undefined)
      throw new StaleVersionError(
        said(
          `version ${expected} is not the latest; reload`,
          `versjon ${expected} er ikke den siste; last siden på nytt`,
          `versjon ${expected} er ikkje den siste; last sida på nytt`,
        ),
      );
    return {
      result: { version },
      audit: {
        action: 'response.correct',
        subject: `${roundId}/${municipality}`,
        detail: { from: expected, version, reason: reason.trim() },
      },
    };
  });
}

export interface TrailEntry {
  readonly version: number;
  readonly status: 'draft' | 'submitted';
  readonly savedBy: string;
  readonly savedAt: Date;
  readonly reason: string | null;
  readonly changes: Change[];
}

/** Every version of a municipality's response, oldest first, each with what it changed, who, when and why. */
export async function auditTrail(db: Db, roundId: string, municipality: string): Promise<TrailEntry[]> {
  const header = await loadRoundHeader(db, roundId, municipality);
  const versions = (await responseVersions(db, roundId, municipality)).reverse();
  // A survey's versions differ by table, row and measure; a form's by answer path.
  const changes = (i: number): Change[] =>
    header.kind === 'form'
      ? diffAnswers(
          header.form,
          versions[i - 1]?.answers as Answers | undefined,
          (versions[i]!.answers ?? {}) as Answers,
        )
      : diffVersions(header.definition, versions[i - 1]?.content, versions[i]!.content);
  return versions.map((v, i) => ({
    version: v.version,
    status: v.status,
    savedBy: v.savedBy,
    savedAt: v.savedAt,
    reason: v.reason,
    changes: changes(i),
  }));
}

export interface FlagWithOutcome extends ControlFlag {
  readonly key: string;
  readonly outcome: 'confirmed' | 'corrected' | 'pending';
  /** The statistician's note with the outcome ('' without one). */
  readonly note: string;
  /** The field by the form's names (bokmål). */
  readonly label: string;
}

/**
 * The control worklist of a round: each submitted response against its KOSTRA total and against the same
 * municipality in the round of the year before (same survey), largest deviation first, with outcomes.
 */
export async function roundControls(
  db: Db,
  roundId: string,
  thresholds: ControlThresholds,
): Promise<FlagWithOutcome[]> {
  const { definition, round } = await loadRound(db, roundId);
  const previousRound = await db
    .selectFrom('survey_round')
    .select('id')
    .where('definition_id', '=', round.definitionId)
    .where('reference_year', '=', round.referenceYear - 1)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  const previous = previousRound ? (await loadRound(db, previousRound.id)).round.responses : [];
  // Last year's answers in this year's municipal structure (0402 of 2019 is 3401 in 2020); a municipality
  // that was split has no comparable answer.
  const reforms = await loadMunicipalityReforms();
  const previousOf = new Map(
    previous.flatMap((r) => {
      const codes = reforms.toStructure(r.municipality, round.referenceYear - 1, round.referenceYear);
      return codes.length === 1 ? [[codes[0]!, r] as const] : [];
    }),
  );
  const prefilledOf = new Map(round.invitations.map((i) => [i.municipality, i.prefilled]));
  const flags = round.responses.flatMap((r) =>
    controlResponse(
      definition,
      r.municipality,
      r,
      prefilledOf.get(r.municipality) ?? {},
      previousOf.get(r.municipality),
      thresholds,
    ),
  );
  const outcomes = await db
    .selectFrom('control_outcome')
    .select(['municipality', 'flag', 'outcome', 'note'])
    .where('round_id', '=', roundId)
    .execute();
  const outcomeOf = new Map(outcomes.map((o) => [`${o.municipality}|${o.flag}`, o]));
  return worklist(flags).map((f) => {
    const key = [f.kind, f.table, f.row ?? '', f.measure].join('/');
    const given = outcomeOf.get(`${f.municipality}|${key}`);
    return {
      ...f,
      key,
      outcome: given?.outcome ?? 'pending',
      note: given?.note ?? '',
      label: fieldLabel(definition, f),
    };
  });
}

export type Outcome = 'confirmed' | 'corrected' | 'pending';

export async function setOutcome(
  db: Db,
  user: Statistician,
  roundId: string,
  municipality: string,
  flag: string,
  outcome: Outcome,
  note: string,
): Promise<void> {
  await setOutcomes(db, user, roundId, [{ municipality, flag }], outcome, note);
}

/**
 * One outcome (and note) for several flags at once, all or none: a flag of an unknown municipality fails the
 * whole call. One audit entry per flag, with what it replaced.
 */
export async function setOutcomes(
  db: Db,
  user: Statistician,
  roundId: string,
  flags: readonly { readonly municipality: string; readonly flag: string }[],
  outcome: Outcome,
  note: string,
): Promise<number> {
  const municipalities = [...new Set(flags.map((f) => f.municipality))];
  // An unknown round or municipality: not found, before anything is written.
  for (const m of municipalities) await loadRoundHeader(db, roundId, m);
  return perform(db, user.username, async (trx) => {
    const olds =
      municipalities.length === 0
        ? []
        : await trx
            .selectFrom('control_outcome')
            .select(['municipality', 'flag', 'outcome', 'note'])
            .where('round_id', '=', roundId)
            .where('municipality', 'in', municipalities)
            .execute();
    const oldOf = new Map(olds.map((o) => [`${o.municipality}|${o.flag}`, o]));
    for (const { municipality, flag } of flags)
      await trx
        .insertInto('control_outcome')
        .values({ round_id: roundId, municipality, flag, outcome, note, statistician: user.username })
        .onConflict((oc) =>
          oc
            .columns(['round_id', 'municipality', 'flag'])
            .doUpdateSet({ outcome, note, statistician: user.username, at: new Date() }),
        )
        .execute();
    return {
      result: flags.length,
      audit: flags.map(({ municipality, flag }) => {
        const old = oldOf.get(`${municipality}|${flag}`);
        return {
          action: 'control.outcome',
          subject: `${roundId}/${municipality}`,
          detail: {
            flag,
            old: old ? { outcome: old.outcome, note: old.note } : null,
            new: { outcome, note },
          },
        };
      }),
    };
  });
}

export async function logContact(
  db: Db,
  user: Statistician,
  roundId: string,
  municipality: string,
  contact: { channel: 'phone' | 'email' | 'meeting' | 'other'; question: string; answer: string },
): Promise<void> {
  await loadRoundHeader(db, roundId, municipality); // an unknown round or municipality: not found
  return perform(db, user.username, async (trx) => {
    await trx
      .insertInto('contact_log')
      .values({ round_id: roundId, municipality, statistician: user.username, ...contact })
      .execute();
    return {
      result: undefined,
      audit: {
        action: 'contact.log',
        subject: `${roundId}/${municipality}`,
        detail: { channel: contact.channel },
      },
    };
  });
}

/** Cumulative responses by day from the first submission to today (or the last one), deadlines marked. */
export async function roundTracking(db: Db, roundId: string, now: Date): Promise<DayCount[]> {
  const round = await db
    .selectFrom('survey_round')
    .select(['deadline', 'extended_deadline'])
    .where('id', '=', roundId)
    .executeTakeFirst();
  if (!round) throw new NotFoundError(noSurveyRound(roundId));
  const invited = await db
    .selectFrom('invitation')
    .select(['municipality', 'extended_deadline'])
    .where('round_id', '=', roundId)
    .execute();
  const firsts = await db
    .selectFrom('response')
    .select(['municipality', (eb) => eb.fn.min('submitted_at').as('first')])
    .where('round_id', '=', roundId)
    .where('status', '=', 'submitted')
    .groupBy('municipality')
    .execute();
  const first = new Map(
    firsts.flatMap((f) => (f.first ? [[f.municipality, new Date(f.first)] as const] : [])),
  );
  const dates = [...first.values()].map((d) => d.getTime());
  if (dates.length === 0) return [];
  // The extended deadline marked is the last one anybody has: the round's or a municipality's own.
  const extensions = [round.extended_deadline, ...invited.map((i) => i.extended_deadline)].flatMap((d) =>
    d ? [d.getTime()] : [],
  );
  const lastExtension = extensions.length > 0 ? new Date(Math.max(...extensions)) : null;
  const end = Math.min(
    now.getTime(),
    Math.max(...dates, round.deadline?.getTime() ?? 0, lastExtension?.getTime() ?? 0),
  );
  return responsesByDay(
    first,
    invited.length,
    new Date(Math.min(...dates)),
    new Date(end),
    round.deadline,
    lastExtension,
  );
}
