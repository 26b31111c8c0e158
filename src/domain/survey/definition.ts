import * as z from 'zod';
import { DomainError } from '../errors.ts';

const labels = z.object({ nb: z.string().min(1), nn: z.string().min(1), en: z.string().min(1) });

const row = z.object({
  key: z.string().regex(/^[A-Z][A-Z0-9_]*$/),
  labels,
  guidance: labels,
  /** The row that takes what the named rows do not: "øvrige utgifter". */
  residual: z.boolean().default(false),
});

const table = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]*$/),
  number: z.number().int().positive(),
  labels,
  guidance: labels,
  /** The table splits one row of another table, whose amount bounds its sum (boligbaser by target group). */
  part_of: z.object({ table: z.string(), row: z.string() }).optional(),
  rows: z.array(row).min(1),
});

const coded = z.object({ code: z.string().regex(/^[A-Z][A-Z0-9_]*$/), labels });

const field = z.object({ labels, guidance: labels });

export const RULE_KINDS = [
  'amount_not_negative',
  'amount_whole_number',
  'fewer_than_5_without_amounts',
  'measure_not_above',
  'rows_not_above_part_of',
  'table_not_above_prefilled',
  'method_given_when_split',
  'warnings_need_comment',
] as const;

const rule = z.object({
  id: z.string().min(1),
  kind: z.enum(RULE_KINDS),
  severity: z.enum(['error', 'warning']),
  measure: z.string().optional(),
  limit: z.string().optional(),
});

const definitionSchema = z.object({
  id: z.string().min(1),
  version: z.number().int().positive(),
  source: z.string(),
  function: z.string().regex(/^\d{3}$/),
  unit: z.string(),
  title: labels,
  measures: z.array(coded.extend({ guidance: labels })).min(1),
  /** The measure the statistics are told in (the note uses AGD10 only: it shows the whole cost). */
  headline_measure: z.string(),
  methods: z.array(coded),
  fields: z.object({
    prefilled_total: field,
    fewer_than_5: field,
    methods: field,
    comments: field,
  }),
  tables: z.array(table).min(1),
  rules: z.array(rule),
});

export type SurveyDefinition = z.infer<typeof definitionSchema>;
export type TableDefinition = SurveyDefinition['tables'][number];
export type RowDefinition = TableDefinition['rows'][number];
export type MeasureDefinition = SurveyDefinition['measures'][number];
export type RuleDefinition = SurveyDefinition['rules'][number];
export type Severity = RuleDefinition['severity'];

/**
 * Reads a survey definition (the questionnaire as data) and checks that it holds together: unique keys,
 * `part_of` naming a real table and row, rules naming real measures.
 */
export function parseSurveyDefinition(input: unknown, source = 'survey definition'): SurveyDefinition {
  const parsed = definitionSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new DomainError(issue.message, [source, issue.path.join('.')], { cause: parsed.error });
  }
  const definition = parsed.data;
  const fail = (message: string, path: string): never => {
    throw new DomainError(message, [source, path]);
  };
  assertUnique(
    definition.measures.map((m) => m.code),
    'measures',
    fail,
  );
  assertUnique(
    definition.methods.map((m) => m.code),
    'methods',
    fail,
  );
  assertUnique(
    definition.tables.map((t) => t.key),
    'tables',
    fail,
  );
  assertUnique(
    definition.rules.map((r) => r.id),
    'rules',
    fail,
  );
  definition.tables.forEach((t, i) => {
    assertUnique(
      t.rows.map((r) => r.key),
      `tables.${i}.rows`,
      fail,
    );
    if (t.rows.filter((r) => r.residual).length > 1) fail('more than one residual row', `tables.${i}.rows`);
    if (t.part_of) {
      const parent = definition.tables.find((p) => p.key === t.part_of?.table);
      if (!parent || parent === t) fail(`part_of names no other table: ${t.part_of.table}`, `tables.${i}`);
      if (!parent?.rows.some((r) => r.key === t.part_of?.row))
        fail(`part_of names no row of ${t.part_of.table}: ${t.part_of.row}`, `tables.${i}`);
    }
  });
  const measureCodes = new Set(definition.measures.map((m) => m.code));
  if (!measureCodes.has(definition.headline_measure))
    fail(`unknown measure ${definition.headline_measure}`, 'headline_measure');
  definition.rules.forEach((r, i) => {
    if (r.kind === 'measure_not_above') {
      if (!r.measure || !measureCodes.has(r.measure))
        fail(`unknown measure ${r.measure}`, `rules.${i}.measure`);
      if (!r.limit || !measureCodes.has(r.limit)) fail(`unknown measure ${r.limit}`, `rules.${i}.limit`);
    }
  });
  return definition;
}

function assertUnique(keys: string[], path: string, fail: (message: string, path: string) => never): void {
  const seen = new Set<string>();
  for (const key of keys) {
    if (seen.has(key)) fail(`duplicate key ${key}`, path);
    seen.add(key);
  }
}

export function findTable(definition: SurveyDefinition, key: string): TableDefinition | undefined {
  return definition.tables.find((t) => t.key === key);
}

/** The rows that name a category: every row but the residual "øvrige". */
export function categoryRows(table: TableDefinition): RowDefinition[] {
  return table.rows.filter((r) => !r.residual);
}
