import type { FormFinding } from './forms/validate.ts';
import type { ValidationResult } from './validation/finding.ts';

/** A message in each of the product's languages: what a person is shown in the language they use. */
export interface Said {
  readonly en: string;
  readonly nb: string;
  readonly nn: string;
}

/** A message said in English, bokmål and nynorsk (nynorsk as bokmål where the words are the same). */
export const said = (en: string, nb: string, nn: string = nb): Said => ({ en, nb, nn });

/**
 * An error in the product's own terms: what is wrong and where, never an HTTP status or a stack of
 * framework calls. `where` locates the fault for a person (file, line, response, field). A message said in
 * each language (`said`) is shown in the user's; a plain one is English (`message`) for every user.
 */
export class DomainError extends Error {
  override readonly name = 'DomainError';
  readonly said: Said | undefined;
  constructor(
    message: string | Said,
    readonly where: readonly string[] = [],
    options?: { cause?: unknown },
  ) {
    const en = typeof message === 'string' ? message : message.en;
    super(where.length > 0 ? `${where.join(', ')}: ${en}` : en, options);
    this.said = typeof message === 'string' ? undefined : message;
  }

  /** The message in a language, with where the fault is: the English one where no other was said. */
  in(language: keyof Said): string {
    const text = this.said?.[language] ?? this.said?.en;
    if (text === undefined) return this.message;
    return this.where.length > 0 ? `${this.where.join(', ')}: ${text}` : text;
  }
}

/** What a request names does not exist: a round, a municipality in it, a table, a message. */
export class NotFoundError extends DomainError {}

/** Someone saved after the version the writer had: reload before saving again. */
export class StaleVersionError extends DomainError {}

/** The deadline (or the municipality's extension) has passed: the form is read-only. */
export class FormClosedError extends DomainError {}

/** Hard validation errors stop a submission. */
export class SubmissionBlockedError extends DomainError {
  constructor(readonly errors: ValidationResult['errors'] | readonly FormFinding[]) {
    super(
      said(
        'the form has errors that must be corrected before it is submitted',
        'skjemaet har feil som må rettes før det kan sendes inn',
        'skjemaet har feil som må rettast før det kan sendast inn',
      ),
    );
  }
}

/** Too many failed sign-ins from an address or for an account: try again after the wait. */
export class TooManyAttemptsError extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super(
      said(
        `too many failed sign-ins; try again in ${retryAfterSeconds} s`,
        `for mange mislykkede innlogginger; prøv igjen om ${retryAfterSeconds} s`,
        `for mange mislukka innloggingar; prøv igjen om ${retryAfterSeconds} s`,
      ),
    );
  }
}

/** A round that does not exist, said in each language. */
export const noSurveyRound = (roundId: string): Said =>
  said(`no survey round ${roundId}`, `ingen undersøkelse ${roundId}`, `inga undersøking ${roundId}`);

/** A unit that is not invited to a round, said in each language. */
export const notInvited = (unit: string, roundId: string): Said =>
  said(
    `${unit} is not invited to ${roundId}`,
    `${unit} er ikke invitert til ${roundId}`,
    `${unit} er ikkje invitert til ${roundId}`,
  );
