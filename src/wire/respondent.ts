import * as z from 'zod';

/*
 * What the respondent API sends, field by field: the server's presenters build these and its tests parse
 * every response with them (strictly: a field not listed here is a fault); the web app takes its types from
 * them. JSON names are snake_case throughout.
 */

const labels = z.strictObject({ nb: z.string(), nn: z.string(), en: z.string() });

export const wireContent = z.strictObject({
  comments: z.string(),
  tables: z.record(
    z.string(),
    z.strictObject({
      methods: z.array(z.string()),
      rows: z.record(
        z.string(),
        z.strictObject({ fewer_than_5: z.boolean(), amounts: z.record(z.string(), z.number().nullable()) }),
      ),
    }),
  ),
});

export const wireFinding = z.strictObject({
  rule_id: z.string(),
  severity: z.enum(['error', 'warning']),
  table: z.string().optional(),
  row: z.string().optional(),
  measure: z.string().optional(),
  message: z.string(),
});

const guided = z.strictObject({ labels, guidance: labels });

export const wireSurvey = z.strictObject({
  id: z.string(),
  version: z.number().int(),
  title: labels,
  unit: z.string(),
  function: z.string(),
  headline_measure: z.string(),
  measures: z.array(z.strictObject({ code: z.string(), labels, guidance: labels })),
  methods: z.array(z.strictObject({ code: z.string(), labels })),
  fields: z.strictObject({
    prefilled_total: guided,
    fewer_than_5: guided,
    methods: guided,
    comments: guided,
  }),
  tables: z.array(
    z.strictObject({
      key: z.string(),
      number: z.number().int(),
      labels,
      guidance: labels,
      part_of: z.strictObject({ table: z.string(), row: z.string() }).optional(),
      rows: z.array(z.strictObject({ key: z.string(), labels, guidance: labels, residual: z.boolean() })),
    }),
  ),
});

export const wireForm = z.strictObject({
  survey: wireSurvey,
  round: z.strictObject({ id: z.string(), reference_year: z.number().int() }),
  municipality: z.strictObject({ code: z.string(), name: z.string() }),
  prefilled: z.record(z.string(), z.number().nullable()),
  response: wireContent.nullable(),
  version: z.number().int(),
  status: z.enum(['not_started', 'draft', 'submitted']),
  deadline: z.string().nullable(),
  open: z.boolean(),
  submitted_at: z.string().nullable(),
  /** The version submitted last, which stands while a later draft is edited; null before the first. */
  last_submission: z.strictObject({ version: z.number().int(), at: z.string() }).nullable(),
  /** The unit's written language (språkvedtak): the form opens in it unless the user chose another. */
  written_language: z.enum(['nb', 'nn']),
  /** What validation finds in the latest version, in the language asked for (none before a first save). */
  findings: z.strictObject({ errors: z.array(wireFinding), warnings: z.array(wireFinding) }),
});

export const wireSaved = z.strictObject({
  version: z.number().int(),
  errors: z.array(wireFinding),
  warnings: z.array(wireFinding),
});

export const wireSubmitted = z.strictObject({ version: z.number().int(), submitted_at: z.string() });

export const wireVersion = z.strictObject({
  version: z.number().int(),
  status: z.enum(['draft', 'submitted']),
  saved_at: z.string(),
  submitted_at: z.string().nullable(),
  response: wireContent,
});

export type WireVersion = z.infer<typeof wireVersion>;
export type WireContent = z.infer<typeof wireContent>;
export type WireFinding = z.infer<typeof wireFinding>;
export type WireSurvey = z.infer<typeof wireSurvey>;
export type WireForm = z.infer<typeof wireForm>;
export type WireSaved = z.infer<typeof wireSaved>;
