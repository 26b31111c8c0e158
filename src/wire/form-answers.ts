import * as z from 'zod';
import { UNIT_KINDS } from '../domain/forms/definition.ts';
import type { PlainForm } from '../domain/forms/resolve.ts';

/*
 * What the respondent API sends for a round of a form of the forms engine (docs/FORMS.md). The form
 * itself travels as the domain's PlainForm (its shape is the engine's own, typed there); the rest is listed
 * field by field as for the survey rounds (wire/respondent.ts).
 */

const labels = z.strictObject({ nb: z.string(), nn: z.string(), en: z.string() });

export const wireAnswer = z.union([z.number(), z.boolean(), z.string(), z.array(z.string()), z.null()]);

export const wireFormFinding = z.strictObject({
  rule_id: z.string(),
  kind: z.string(),
  severity: z.enum(['error', 'warning']),
  path: z.string(),
  section: z.string().optional(),
  item: z.string().optional(),
  row: z.string().optional(),
  column: z.string().optional(),
  message: z.string(),
  /** The message without its place, for beside the field. */
  detail: z.string(),
});

export const wireFormRound = z.strictObject({
  kind: z.literal('form'),
  form: z.custom<PlainForm>((v) => typeof v === 'object' && v !== null && 'sections' in v),
  new_this_year: z.array(z.strictObject({ kind: z.string(), path: z.string(), text: labels })),
  round: z.strictObject({ id: z.string(), year: z.number().int() }),
  unit: z.strictObject({ code: z.string(), name: z.string(), kind: z.enum(UNIT_KINDS) }),
  answers: z.record(z.string(), wireAnswer),
  version: z.number().int(),
  status: z.enum(['not_started', 'draft', 'submitted']),
  deadline: z.string().nullable(),
  open: z.boolean(),
  submitted_at: z.string().nullable(),
  /** The version submitted last, which stands while a later draft is edited; null before the first. */
  last_submission: z.strictObject({ version: z.number().int(), at: z.string() }).nullable(),
  /** The unit's written language (språkvedtak): the form opens in it unless the user chose another. */
  written_language: z.enum(['nb', 'nn']),
  findings: z.strictObject({ errors: z.array(wireFormFinding), warnings: z.array(wireFormFinding) }),
});

export const wireFormSaved = z.strictObject({
  version: z.number().int(),
  errors: z.array(wireFormFinding),
  warnings: z.array(wireFormFinding),
});

export type WireFormRound = z.infer<typeof wireFormRound>;
export type WireFormFinding = z.infer<typeof wireFormFinding>;
export type WireFormSaved = z.infer<typeof wireFormSaved>;
