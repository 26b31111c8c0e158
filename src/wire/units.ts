import * as z from 'zod';

/* What the API of a responsible's list of units sends (the municipality or enterprise answering for many). */

const labels = z.strictObject({ nb: z.string(), nn: z.string(), en: z.string() });

export const DISOWNINGS = ['not_ours', 'no_agreement', 'closed'] as const;

export const wireListedUnit = z.strictObject({
  round: z.string(),
  form: z.string(),
  form_title: labels,
  unit: z.string(),
  name: z.string(),
  kind: z.string(),
  address: z.string().nullable(),
  status: z.enum(['not_started', 'draft', 'submitted', 'changed_after_submission']),
  version: z.number().int(),
  submitted_at: z.string().nullable(),
  deadline: z.string().nullable(),
  open: z.boolean(),
  disowned: z.enum(DISOWNINGS).nullable(),
  disowned_reason: z.string().nullable(),
});
export type WireListedUnit = z.infer<typeof wireListedUnit>;

export const wireUnitList = z.strictObject({
  responsible: z.string(),
  name: z.string(),
  synthetic: z.boolean(),
  units: z.array(wireListedUnit),
});
export type WireUnitList = z.infer<typeof wireUnitList>;

export const wireDelegation = z.strictObject({ link: z.string() });
export type WireDelegation = z.infer<typeof wireDelegation>;

/** What an upload of the list's workbook saved, per unit (version null: nothing changed). */
export const wireUnitsUploaded = z.strictObject({
  units: z.array(
    z.strictObject({
      round: z.string(),
      unit: z.string(),
      version: z.number().int().nullable(),
      errors: z.number().int(),
      warnings: z.number().int(),
    }),
  ),
});
export type WireUnitsUploaded = z.infer<typeof wireUnitsUploaded>;
