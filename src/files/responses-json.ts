import type { WireContent } from '../wire/respondent.ts';
import * as z from 'zod';
import { DomainError } from '../domain/errors.ts';
import {
  isStorableText,
  MAX_AMOUNT,
  type ResponseContent,
  type SurveyResponse,
} from '../domain/survey/response.ts';

const text = z.string().refine(isStorableText, 'holds a NUL character or half of a surrogate pair');
const code = text.max(100);

const row = z.strictObject({
  fewer_than_5: z.boolean(),
  amounts: z.record(code, z.number().min(-MAX_AMOUNT).max(MAX_AMOUNT).nullable()),
});

const table = z.strictObject({
  methods: z.array(code).max(50),
  rows: z.record(code, row),
});

/** The body a respondent sends: one entry of `responses.json` without municipality and time. */
export const responseContentSchema = z.strictObject({
  tables: z.record(z.string(), table),
  comments: text.max(20_000).default(''),
});

const responseSchema = responseContentSchema.extend({
  municipality: z.string().regex(/^\d{4}$/, 'a 4-digit municipality code'),
  submitted_at: z.iso.datetime({ offset: true }),
});

const fileSchema = z.strictObject({
  survey: z.string().min(1),
  reference_year: z.number().int().min(1990).max(2100),
  unit: z.string().min(1),
  responses: z.array(z.unknown()),
});

export interface ResponsesFile {
  readonly survey: string;
  readonly referenceYear: number;
  readonly unit: string;
  readonly responses: SurveyResponse[];
}

export type ResponseContentInput = z.infer<typeof responseContentSchema>;

/** From the wire shape (snake_case) to the domain's. */
export function toResponseContent(input: ResponseContentInput) {
  return {
    comments: input.comments,
    tables: Object.fromEntries(
      Object.entries(input.tables).map(([key, t]) => [
        key,
        {
          methods: t.methods,
          rows: Object.fromEntries(
            Object.entries(t.rows).map(([rowKey, r]) => [
              rowKey,
              { fewerThan5: r.fewer_than_5, amounts: r.amounts },
            ]),
          ),
        },
      ]),
    ),
  };
}

/** A response in the wire shape of responses.json (snake_case). */
/** From the domain's shape back to the wire shape: the inverse of toResponseContent. */
export function presentContent(content: ResponseContent): WireContent {
  return {
    comments: content.comments,
    tables: Object.fromEntries(
      Object.entries(content.tables).map(([key, t]) => [
        key,
        {
          methods: [...t.methods],
          rows: Object.fromEntries(
            Object.entries(t.rows).map(([row, r]) => [
              row,
              { fewer_than_5: r.fewerThan5, amounts: { ...r.amounts } },
            ]),
          ),
        },
      ]),
    ),
  };
}

const describePath = (path: readonly PropertyKey[]) => path.map(String).join('.');

/**
 * Reads `responses.json`. A fault names the file, the response (its index and municipality) and the
 * field, e.g. `responses.json, response 3 (municipality 3403), tables.business_types.rows.BPA.amounts.AGD10`.
 */
export function parseResponsesJson(text: string, file = 'responses.json'): ResponsesFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new DomainError(`not valid JSON: ${error instanceof Error ? error.message : ''}`, [file], {
      cause: error,
    });
  }
  const top = fileSchema.safeParse(json);
  if (!top.success) {
    const issue = top.error.issues[0]!;
    throw new DomainError(issue.message, [file, describePath(issue.path) || 'top level'], {
      cause: top.error,
    });
  }
  const seen = new Map<string, number>();
  const responses = top.data.responses.map((entry, index) => {
    const municipality =
      typeof entry === 'object' && entry !== null && 'municipality' in entry
        ? String(entry.municipality)
        : '?';
    const where = `response ${index + 1} (municipality ${municipality})`;
    const parsed = responseSchema.safeParse(entry);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const path = describePath(issue.path);
      throw new DomainError(issue.message, path ? [file, where, path] : [file, where], {
        cause: parsed.error,
      });
    }
    const earlier = seen.get(parsed.data.municipality);
    if (earlier !== undefined)
      throw new DomainError(`municipality ${municipality} already answered in response ${earlier}`, [
        file,
        where,
      ]);
    seen.set(parsed.data.municipality, index + 1);
    return {
      municipality: parsed.data.municipality,
      submittedAt: parsed.data.submitted_at,
      ...toResponseContent(parsed.data),
    };
  });
  return { survey: top.data.survey, referenceYear: top.data.reference_year, unit: top.data.unit, responses };
}
