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
