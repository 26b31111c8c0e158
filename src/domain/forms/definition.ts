import * as z from 'zod';
import { yearSpansSchema } from './years.ts';

/*
 * The form definition language: one KOSTRA form (skjema 1, skjema 4, the f254 survey, …) for all its
 * årganger, as data. Every part that changes by year carries `years`; labels that change carry a history.
 * Resolving a definition for one year (resolve.ts) gives exactly what was asked that year. docs/FORMS.md
 * describes the language; `kostra forms check FILE` checks a file against it (check.ts).
 */

const text = z.string().min(1);
export const labelsSchema = z.strictObject({ nb: text, nn: text, en: text });

/** A label, or its history: each entry with the years it was shown (in a transition year, the both-label text). */
const labelHistory = z.union([
  labelsSchema,
  z.array(labelsSchema.extend({ years: yearSpansSchema.optional() })).min(1),
]);

const key = z.string().regex(/^[a-z][a-z0-9_]*$/, 'a key in lower case: letters, digits, _');
const code = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'a code: letters, digits, _ . -');

/** Numeric band bounds (a physiotherapy slot of 20 % up to 50 %): the labels are written from them. */
const bounds = z
  .strictObject({
    min: z.number(),
    max: z.number().nullable(),
    /** `max` itself is in the band ("100 %"); by default a band goes up to, not including, its max. */
    max_inclusive: z.boolean().default(false),
    unit: z.literal('percent'),
    /** The band's own word, e.g. "deltidshjemler". */
    suffix: labelsSchema.optional(),
  })
  .refine((b) => b.max === null || b.min <= b.max, 'min is above max');

const codeItem = z
  .strictObject({
    code,
    labels: labelHistory.optional(),
    bounds: bounds.optional(),
    guidance: labelHistory.optional(),
    years: yearSpansSchema.optional(),
    /** What changed about the item (a narrower scope), shown with it. */
    note: labelHistory.optional(),
  })
  .refine((i) => (i.labels === undefined) !== (i.bounds === undefined), {
    message: 'an item has labels or bounds (whose labels are written from the numbers), not both',
  });

export const codeListSchema = z.strictObject({
  id: key,
  labels: labelsSchema,
  source: z.string().min(1),
  items: z.array(codeItem).min(1),
});

/** Where an item's value comes from before the respondent sees it. */
const prefill = z.strictObject({
  source: z.enum(['accounts', 'register', 'previous_year']),
  /** What to take: a key figure, a register attribute, or (previous year) the same item when absent. */
  key: z.string().min(1).optional(),
  /** Shown but not changeable (a KOSTRA total from the accounts). */
  read_only: z.boolean().default(false),
});

/** A condition on the answers: a value, a chosen code, an answer at all, or all / any of several. */
export type Condition =
  | { readonly item: string; readonly equals: string | number | boolean }
  | { readonly item: string; readonly includes: string }
  | { readonly item: string; readonly answered: boolean }
  | { readonly all: readonly Condition[] }
  | { readonly any: readonly Condition[] };

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ item: z.string(), equals: z.union([z.string(), z.number(), z.boolean()]) }),
    z.strictObject({ item: z.string(), includes: z.string() }),
    z.strictObject({ item: z.string(), answered: z.boolean() }),
    z.strictObject({ all: z.array(conditionSchema).min(1) }),
    z.strictObject({ any: z.array(conditionSchema).min(1) }),
  ]),
);

const UNITS = [
  'NOK',
  '1000 NOK',
  'hours_per_week',
  'person_years',
  'persons',
  'places',
  'rooms',
  'count',
] as const;
export type Unit = (typeof UNITS)[number];

/** The number kinds, as a question of their own or as a grid's cells. */
const numberKinds = [
  z.strictObject({
    kind: z.literal('amount'),
    unit: z.enum(['NOK', '1000 NOK']),
    min: z.number().optional(),
    max: z.number().optional(),
  }),
  z.strictObject({
    kind: z.literal('integer'),
    unit: z.enum(UNITS).default('count'),
    min: z.number().int().default(0),
    max: z.number().int().optional(),
  }),
  z.strictObject({
    kind: z.literal('decimal'),
    unit: z.enum(UNITS),
    /** Decimals allowed. */
    precision: z.number().int().min(0).max(6),
    min: z.number().default(0),
    max: z.number().optional(),
  }),
  z.strictObject({
    kind: z.literal('percentage'),
    precision: z.number().int().min(0).max(6).default(1),
  }),
] as const;

export const cellSchema = z.discriminatedUnion('kind', numberKinds);
export type CellDefinition = z.infer<typeof cellSchema>;

const common = {
  key,
  /** The official numbering: "2-1", "3.1". */
  number: z.string().min(1).optional(),
  labels: labelHistory,
  guidance: labelHistory.optional(),
  years: yearSpansSchema.optional(),
  shown_if: conditionSchema.optional(),
  /** Must be answered when shown: always, or when a condition holds. */
  required: z.union([z.boolean(), conditionSchema]).default(false),
  prefill: prefill.optional(),
};

const codeListRef = z.strictObject({
  code_list: key,
  /** The codes of the list this question uses, in this order; all the list's codes when absent. */
  codes: z.array(code).min(1).optional(),
});

const [amountKind, integerKind, decimalKind, percentageKind] = numberKinds;

const itemSchema = z.discriminatedUnion('kind', [
  amountKind.extend(common),
  integerKind.extend(common),
  decimalKind.extend(common),
  percentageKind.extend(common),
  z.strictObject({ ...common, kind: z.literal('yes_no') }),
  z.strictObject({
    ...common,
    kind: z.literal('single_choice'),
    options: codeListRef,
    /** The option that asks for a text ("annet, spesifiser"). */
    other: code.optional(),
  }),
  z.strictObject({
    ...common,
    kind: z.literal('multiple_choice'),
    options: codeListRef,
    other: code.optional(),
    /** Options that cannot be combined with any other (barnebolig, avlastning). */
    exclusive: z.array(code).default([]),
  }),
  z.strictObject({ ...common, kind: z.literal('text'), max_length: z.number().int().min(1).max(20000) }),
  z.strictObject({ ...common, kind: z.literal('date') }),
  z.strictObject({
    ...common,
    kind: z.literal('computed'),
    /** The read-only sum of these paths (wildcards allowed). */
    sum_of: z.array(z.string()).min(1),
  }),
  z.strictObject({
    ...common,
    kind: z.literal('grid'),
    rows: codeListRef,
    columns: codeListRef,
    cell: cellSchema,
    totals: z
      .strictObject({ rows: z.boolean(), columns: z.boolean() })
      .default({ rows: false, columns: false }),
    /** A tick per row (f254's "fewer than five users"); when ticked, the row's cells stay empty. */
    row_flag: z.strictObject({ key, labels: labelsSchema, guidance: labelsSchema.optional() }).optional(),
  }),
]);
export type ItemDefinition = z.infer<typeof itemSchema>;

const sectionSchema = z.strictObject({
  key,
  /** "2" for del 2, "3" for spørsmålsgruppe 3; absent for a part without official number (a one-off module). */
  number: z.string().min(1).optional(),
  labels: labelHistory,
  guidance: labelHistory.optional(),
  years: yearSpansSchema.optional(),
  shown_if: conditionSchema.optional(),
  items: z.array(itemSchema).min(1),
});

const ruleCommon = {
  id: z.string().regex(/^[a-z0-9][a-z0-9_.-]*$/, 'a rule id in lower case'),
  severity: z.enum(['error', 'warning']),
  years: yearSpansSchema.optional(),
  /** The rule's own message; a generic one by kind when absent. */
  message: labelsSchema.optional(),
};

export const RULE_KINDS = ['sum_equals', 'not_above', 'range', 'required_if', 'one_of'] as const;
export type FormRuleKind = (typeof RULE_KINDS)[number];

const ruleSchema = z.discriminatedUnion('kind', [
  /** The parts sum to the total (paths with wildcards sum all they match). */
  z.strictObject({
    ...ruleCommon,
    kind: z.literal('sum_equals'),
    parts: z.array(z.string()).min(1),
    total: z.string(),
    tolerance: z.number().min(0).default(0),
  }),
  /** A part is not above its whole; also A ≤ B. */
  z.strictObject({ ...ruleCommon, kind: z.literal('not_above'), part: z.string(), whole: z.string() }),
  /** Each value the path matches lies within the bounds (a plausibility range, beyond the item's own). */
  z.strictObject({
    ...ruleCommon,
    kind: z.literal('range'),
    item: z.string(),
    min: z.number().optional(),
    max: z.number().optional(),
  }),
  /** The item must be answered when the condition holds. */
  z.strictObject({ ...ruleCommon, kind: z.literal('required_if'), item: z.string(), when: conditionSchema }),
  /** Exactly one of the items is answered. */
  z.strictObject({ ...ruleCommon, kind: z.literal('one_of'), items: z.array(z.string()).min(2) }),
]);
export type FormRule = z.infer<typeof ruleSchema>;

/** A dated change of the form, as the working group handles it: proposed, decided, enacted. */
const changeSchema = z.strictObject({
  id: z.string().min(1),
  year: z.number().int().nullable(),
  status: z.enum(['proposed', 'decided', 'enacted']),
  text: labelsSchema,
  source: z.string().min(1),
  /** The parts of the form it concerns. */
  paths: z.array(z.string()).default([]),
});

export const UNIT_KINDS = ['municipality', 'oslo_district', 'establishment', 'enterprise'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/**
 * Where the units of a form filled per institution or establishment come from: the register's units of these
 * industries (under either standard), active on the day of the extract, in the years each list applies.
 */
const registerPopulationSchema = z.strictObject({
  industries: z
    .array(
      z.strictObject({
        standard: z.enum(['SN2007', 'SN2025']),
        codes: z.array(z.string().regex(/^\d{2}\.\d{3}$/, 'an industry code NN.NNN')).min(1),
        years: yearSpansSchema.optional(),
      }),
    )
    .min(1),
  /**
   * The years a privately owned unit is answered for by its own enterprise (the unit's parent, or the unit
   * itself without one); in other years, and always for a municipal unit, the municipality it serves answers.
   */
  enterprises_report: yearSpansSchema.optional(),
  source: z.string().min(1),
});
export type RegisterPopulation = z.infer<typeof registerPopulationSchema>;

export const formDefinitionSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a form id in lower case: letters, digits, -'),
  title: labelHistory,
  /** Who fills one form: a municipality, an Oslo district, an establishment (9-digit org. number). */
  unit_kinds: z.array(z.enum(UNIT_KINDS)).min(1),
  /** For units from the register: which of its units are asked. */
  register_population: registerPopulationSchema.optional(),
  /** The årganger the definition covers. */
  years: z.strictObject({ from: z.number().int(), to: z.number().int().nullable() }),
  source: z.string().min(1),
  /** What the sources do not say, and what the definition therefore leaves out. */
  notes: z.array(z.string()).default([]),
  /** Code lists of this form; lists shared between forms are named from data/forms/code-lists.json. */
  code_lists: z.array(codeListSchema).default([]),
  sections: z.array(sectionSchema).min(1),
  rules: z.array(ruleSchema).default([]),
  /** Warnings are allowed at submission only with a comment explaining them. */
  warnings_need_comment: z.boolean().default(true),
  changes: z.array(changeSchema).default([]),
});

export type FormDefinition = z.infer<typeof formDefinitionSchema>;
export type FormDefinitionInput = z.input<typeof formDefinitionSchema>;
export type CodeList = z.infer<typeof codeListSchema>;
export type CodeItem = CodeList['items'][number];
export type SectionDefinition = FormDefinition['sections'][number];
export type LabelHistory = z.infer<typeof labelHistory>;
export type FormChange = FormDefinition['changes'][number];
