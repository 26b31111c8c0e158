import { FormClosedError, StaleVersionError, SubmissionBlockedError } from '../domain/errors.ts';
import type { ValidationResult } from '../domain/validation/finding.ts';
import type { Language } from '../domain/language.ts';
import type { SurveyDefinition } from '../domain/survey/definition.ts';
import type { ResponseContent } from '../domain/survey/response.ts';
import { validateResponse } from '../domain/validation/validate.ts';
import type { Db } from '../store/database.ts';
import type { RespondentIdentity, RespondentSession } from '../store/respondents.ts';
import { appendVersion, latestVersion, type StoredVersion } from '../store/responses.ts';
import { surveyHeader } from '../store/rounds.ts';
import { roundContext, standingSubmission } from './respondent-context.ts';

export interface RespondentForm {
  readonly definition: SurveyDefinition;
  readonly municipality: { readonly code: string; readonly name: string };
  readonly roundId: string;
  readonly referenceYear: number;
  readonly prefilled: Readonly<Record<string, number | null>>;
  readonly deadline: Date | null;
  readonly open: boolean;
  readonly latest: StoredVersion | undefined;
  readonly status: 'not_started' | 'draft' | 'submitted';
  /** The version submitted last, which stands while a later draft is edited. */
  readonly lastSubmission: { readonly version: number; readonly submittedAt: Date } | undefined;
  /** The unit's written language (språkvedtak): the form opens in it unless the user chose another. */
  readonly writtenLanguage: 'nb' | 'nn';
  /** What validation finds in the latest version, in the respondent's language: shown as the form opens. */
  readonly findings: ValidationResult;
}

async function formContext(db: Db, identity: RespondentIdentity | RespondentSession, now: Date) {
  const context = await roundContext(db, identity, now);
  return { ...surveyHeader(context, identity.roundId), deadline: context.deadline, open: context.open };
}

/**
 * The form as the municipality sees it: definition, prefilled totals, its latest version and status, and
 * what validation finds in that version (nothing before the first save).
 */
export async function getRespondentForm(
  db: Db,
  identity: RespondentIdentity,
  language: Language,
  now: Date,
): Promise<RespondentForm> {
  const context = await formContext(db, identity, now);
  const latest = await latestVersion(db, identity.roundId, identity.municipality);
  const everSubmitted = latest?.status === 'submitted';
  return {
    definition: context.definition,
    municipality: { code: identity.municipality, name: context.name },
    roundId: identity.roundId,
    referenceYear: context.referenceYear,
    prefilled: context.prefilled,
    deadline: context.deadline,
    open: context.open,
    latest,
    status: latest === undefined ? 'not_started' : everSubmitted ? 'submitted' : 'draft',
    lastSubmission: await standingSubmission(db, identity, latest),
    writtenLanguage: context.writtenLanguage,
    findings: latest
      ? validateResponse(context.definition, latest.content, context.prefilled, language)
      : { errors: [], warnings: [] },
  };
}

/**
 * Saves a draft as a new version after `expected`, and returns what validation finds in it. Refused when
 * the form is closed or someone saved in between.
 */
export async function saveDraft(
  db: Db,
  identity: RespondentIdentity,
  expected: number,
  content: ResponseContent,
  language: Language,
  now: Date,
): Promise<{ version: number } & ValidationResult> {
  const context = await formContext(db, identity, now);
  if (!context.open) throw new FormClosedError('the deadline has passed; the form can no longer be changed');
  const version = await appendVersion(db, identity.roundId, identity.municipality, expected, {
    content,
    status: 'draft',
    savedBy: 'respondent',
  });
  if (version === undefined)
    throw new StaleVersionError(`version ${expected} is not the latest; reload the form`);
  return { version, ...validateResponse(context.definition, content, context.prefilled, language) };
}

export interface SubmissionDetails {
  readonly contact: { readonly name: string; readonly email: string; readonly phone?: string | undefined };
  readonly minutesSpent?: number | undefined;
}

/** Submits the latest version as a new, submitted version, unless validation finds hard errors. */
export async function submitForm(
  db: Db,
  identity: RespondentIdentity,
  details: SubmissionDetails,
  language: Language,
  now: Date,
): Promise<{ version: number; submittedAt: Date }> {
  const context = await formContext(db, identity, now);
  if (!context.open)
    throw new FormClosedError('the deadline has passed; the form can no longer be submitted');
  const latest = await latestVersion(db, identity.roundId, identity.municipality);
  const content: ResponseContent = latest?.content ?? { tables: {}, comments: '' };
  const { errors } = validateResponse(context.definition, content, context.prefilled, language);
  if (errors.length > 0) throw new SubmissionBlockedError(errors);
  const version = await appendVersion(db, identity.roundId, identity.municipality, latest?.version ?? 0, {
    content,
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
