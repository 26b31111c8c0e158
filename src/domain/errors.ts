import type { FormFinding } from './forms/validate.ts';
import type { ValidationResult } from './validation/finding.ts';

/**
 * An error in the product's own terms: what is wrong and where, never an HTTP status or a stack of
 * framework calls. `where` locates the fault for a person (file, line, response, field).
 */
export class DomainError extends Error {
  override readonly name = 'DomainError';
  constructor(
    message: string,
    readonly where: readonly string[] = [],
    options?: { cause?: unknown },
  ) {
    super(where.length > 0 ? `${where.join(', ')}: ${message}` : message, options);
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
    super('the form has errors that must be corrected before it is submitted');
  }
}

/** Too many failed sign-ins from an address or for an account: try again after the wait. */
export class TooManyAttemptsError extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super(`too many failed sign-ins; try again in ${retryAfterSeconds} s`);
  }
}
