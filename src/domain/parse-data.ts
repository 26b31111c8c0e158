import type * as z from 'zod';
import { DomainError } from './errors.ts';

/** Reads data against its schema; the first fault is named with the source and the path to it. */
export function parseData<T>(schema: z.ZodType<T>, input: unknown, source: string): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new DomainError(issue.message, [source, issue.path.join('.')], { cause: parsed.error });
  }
  return parsed.data;
}
