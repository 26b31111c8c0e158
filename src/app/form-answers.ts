import {
  FormClosedError,
  NotFoundError,
  StaleVersionError,
  SubmissionBlockedError,
} from '../domain/errors.ts';
import { answerPaths, isAnswered, type Answers, COMMENTS } from '../domain/forms/answers.ts';
import { lastYearByUnit } from './last-year.ts';
import { accountsAnswers, accountsPrefills } from '../domain/forms/accounts-prefill.ts';
import { loadChartOfAccounts } from '../files/accounts-data.ts';
import { loadUnitAccountFigures } from '../store/accounts.ts';
import { registerAnswers, registerItems } from '../domain/register/register-prefill.ts';
import { registerUnits } from '../store/register.ts';
import { validateAnswers, type FormValidation } from '../domain/forms/validate.ts';
import type { ResolvedForm } from '../domain/forms/resolve.ts';
import type { NewThisYear } from '../domain/forms/whats-new.ts';
import type { Language } from '../domain/language.ts';
import type { Db } from '../store/database.ts';
import type { RespondentIdentity, RespondentSession } from '../store/respondents.ts';
import { appendVersion, latestVersion, type StoredVersion } from '../store/responses.ts';
import type { FormRoundHeader } from '../store/rounds.ts';
import { roundContext, standingSubmission } from './respondent-context.ts';
import type { SubmissionDetails } from './respondent-form.ts';

/** A unit's form of a form round as its respondent sees it, with what validation finds in its answers. */
export interface FormAnswersView {
  readonly form: ResolvedForm;
  readonly newThisYear: readonly NewThisYear[];
  readonly roundId: string;
  readonly unit: { readonly code: string; readonly name: string };
  readonly deadline: Date | null;
  readonly open: boolean;
  readonly latest: StoredVersion | undefined;
  readonly answers: Answers;
  readonly status: 'not_started' | 'draft' | 'submitted';
  /** The version submitted last, which stands while a later draft is edited. */
  readonly lastSubmission: { readonly version: number; readonly submittedAt: Date } | undefined;
  /** The unit's written language (språkvedtak): the form opens in it unless the user chose another. */
  readonly writtenLanguage: 'nb' | 'nn';
  readonly findings: FormValidation;
}

async function formRoundContext(db: Db, identity: RespondentIdentity | RespondentSession, now: Date) {
  const context = await roundContext(db, identity, now);
  if (context.kind !== 'form') throw new NotFoundError(`round ${identity.roundId} is not a form round`);
  return context as FormRoundHeader & { deadline: Date | null; open: boolean };
}

/**
 * A form not yet begun starts from the unit's answers of the year before (followed through municipal
 * reforms), for the items the form prefills so (`prefill: {source: "previous_year"}`); nothing is saved
 * until the respondent saves.
 */
async function fromPreviousYear(db: Db, form: ResolvedForm, unit: string): Promise<Answers> {
  const keys = new Set(
    [...form.items.values()].filter((i) => i.prefill?.source === 'previous_year').map((i) => i.key),
  );
  if (keys.size === 0) return {};
  const before = (await lastYearByUnit(db, form)).get(unit);
  if (!before) return {};
  const paths = answerPaths(form);
  return Object.fromEntries(
    Object.entries(before).filter(([path]) => {
      const info = paths.get(path);
      return info !== undefined && keys.has(info.item.key);
    }),
  );
}

/**
 * The values a unit's accounts give the form's items prefilled from them: all of them for a form not yet
 * begun, the read-only ones always (what the accounts say is not the respondent's to change).
 */
async function fromAccounts(db: Db, form: ResolvedForm, unit: string) {
  const prefills = accountsPrefills(form);
  if (prefills.length === 0) return { all: {}, fixed: {} };
  const chart = await loadChartOfAccounts();
  const successors = (fn: string) => chart.successors(fn, form.year);
  const figures = await loadUnitAccountFigures(db, form.year, unit, [
    ...new Set(prefills.flatMap((p) => successors(p.function))),
  ]);
  const all = accountsAnswers(prefills, figures, successors);
  const fixed = Object.fromEntries(
    prefills.filter((p) => p.readOnly && p.item in all).map((p) => [p.item, all[p.item]!]),
  );
  return { all, fixed };
}

/** A form of an establishment not yet begun shows the register's details of the unit, to confirm or correct. */
async function fromRegister(db: Db, context: FormRoundHeader, unit: string): Promise<Answers> {
  if (context.registerExtractId === null || registerItems(context.form).length === 0) return {};
  const [found] = await registerUnits(db, context.registerExtractId, [unit]);
  return found ? registerAnswers(context.form, found) : {};
}

/** Only what is answered is kept: a cleared field is no answer, not an empty one. */
const answered = (answers: Answers): Answers =>
  Object.fromEntries(Object.entries(answers).filter(([, value]) => isAnswered(value)));

const answersOf = (version: StoredVersion | undefined): Answers => (version?.answers ?? {}) as Answers;

export async function getFormAnswers(
  db: Db,
  identity: RespondentIdentity | RespondentSession,
  language: Language,
  now: Date,
): Promise<FormAnswersView> {
  const context = await formRoundContext(db, identity, now);
  const latest = await latestVersion(db, identity.roundId, identity.municipality);
  const accounts = await fromAccounts(db, context.form, identity.municipality);
  const answers: Answers = latest
    ? { ...answersOf(latest), ...accounts.fixed }
    : {
        ...(await fromPreviousYear(db, context.form, identity.municipality)),
        ...(await fromRegister(db, context, identity.municipality)),
        ...accounts.all,
      };
  return {
    form: context.form,
    newThisYear: context.newThisYear,
    roundId: identity.roundId,
    unit: { code: identity.municipality, name: context.name },
    deadline: context.deadline,
    open: context.open,
    latest,
    answers,
    status: latest === undefined ? 'not_started' : latest.status === 'submitted' ? 'submitted' : 'draft',
    lastSubmission: await standingSubmission(db, identity, latest),
    writtenLanguage: context.writtenLanguage,
    findings: validateAnswers(context.form, answers, language, { prefilled: context.prefilled }),
  };
}

/**
 * Saves a draft of the answers as a new version after `expected` and returns what validation finds in it
 * (a draft may hold errors; submission may not). Refused when the form is closed or someone saved between.
 */
export async function saveFormAnswers(
  db: Db,
  identity: RespondentIdentity | RespondentSession,
  expected: number,
  answers: Answers,
  language: Language,
  now: Date,
): Promise<{ version: number } & FormValidation> {
  const context = await formRoundContext(db, identity, now);
  if (!context.open) throw new FormClosedError('the deadline has passed; the form can no longer be changed');
  const kept = {
    ...answered(answers),
    ...(await fromAccounts(db, context.form, identity.municipality)).fixed,
  };
  const version = await appendVersion(db, identity.roundId, identity.municipality, expected, {
    content: { tables: {}, comments: typeof kept[COMMENTS] === 'string' ? kept[COMMENTS] : '' },
    answers: kept,
    status: 'draft',
    savedBy: 'respondent',
  });
  if (version === undefined)
    throw new StaleVersionError(`version ${expected} is not the latest; reload the form`);
  return { version, ...validateAnswers(context.form, kept, language, { prefilled: context.prefilled }) };
}

/** Submits the latest answers as a new, submitted version, unless validation finds errors in them. */
export async function submitFormAnswers(
  db: Db,
  identity: RespondentIdentity | RespondentSession,
  details: SubmissionDetails,
  language: Language,
  now: Date,
): Promise<{ version: number; submittedAt: Date }> {
  const context = await formRoundContext(db, identity, now);
  if (!context.open)
    throw new FormClosedError('the deadline has passed; the form can no longer be submitted');
  const latest = await latestVersion(db, identity.roundId, identity.municipality);
  const answers = {
    ...answersOf(latest),
    ...(await fromAccounts(db, context.form, identity.municipality)).fixed,
  };
  const { errors } = validateAnswers(context.form, answers, language, { prefilled: context.prefilled });
  if (errors.length > 0) throw new SubmissionBlockedError(errors);
  const version = await appendVersion(db, identity.roundId, identity.municipality, latest?.version ?? 0, {
    content: { tables: {}, comments: typeof answers[COMMENTS] === 'string' ? answers[COMMENTS] : '' },
    answers,
    status: 'submitted',
    savedBy: 'respondent',
    submittedAt: now,
    submittedBy: details.contact,
    minutesSpent: details.minutesSpent ?? null,
  });
  if (version === undefined)
    throw new StaleVersionError('the form changed while it was submitted; reload it');
  return { version, submittedAt: now };
}
