import { parseData } from '../parse-data.ts';
import * as z from 'zod';

export const SEVERITIES = ['INFO', 'WARNING', 'ERROR', 'FATAL'] as const;
export type ControlSeverity = (typeof SEVERITIES)[number];

const codes = z.array(z.string());
const range = z.tuple([z.string(), z.string()]);
const base = {
  // Today's program numbers its rules 001-165; the 2019 program's controls kept here are K17, K18 and K19.
  id: z.string().regex(/^(\d{3}|K\d{1,2}[a-z]?)$/),
  title: z.string(),
  severity: z.enum(SEVERITIES),
  relaxed_in_quarters: z.array(z.string()).default([]),
  /** The reporting years the rule is part of the control program for (absent: every year). */
  valid_from: z.number().int().optional(),
  valid_to: z.number().int().optional(),
};
const account = z.enum(['operations', 'investment', 'balance']);

const ruleSchema = z.discriminatedUnion('kind', [
  z.object({ ...base, kind: z.literal('record_length') }),
  z.object({ ...base, kind: z.literal('declared'), field: z.enum(['skjema', 'year', 'quarter', 'region']) }),
  z.object({ ...base, kind: z.literal('kontoklasse') }),
  z.object({ ...base, kind: z.literal('valid_function') }),
  z.object({ ...base, kind: z.literal('valid_art') }),
  z.object({ ...base, kind: z.literal('valid_chapter'), codes }),
  z.object({ ...base, kind: z.literal('valid_sector'), codes }),
  z.object({ ...base, kind: z.literal('amount_format') }),
  z.object({ ...base, kind: z.literal('duplicates') }),
  z.object({ ...base, kind: z.literal('function_not_in'), account, functions: codes }),
  z.object({
    ...base,
    kind: z.literal('art_not_in'),
    account,
    arts: codes.optional(),
    arts_from_code_list: z.enum(['operations_only', 'investment_only']).optional(),
  }),
  z.object({
    ...base,
    kind: z.literal('art_requires_function'),
    account: account.optional(),
    arts: codes,
    functions: codes,
  }),
  z.object({ ...base, kind: z.literal('art_function_pair'), arts: codes, functions: codes }),
  z.object({
    ...base,
    kind: z.literal('sum_sign'),
    account,
    side: z.enum(['expense', 'income', 'assets', 'liabilities']),
  }),
  z.object({ ...base, kind: z.literal('sum_difference'), account, tolerance: z.number() }),
  z.object({
    ...base,
    kind: z.literal('transfers'),
    operations_art: z.string(),
    investment_art: z.string(),
    tolerance: z.number(),
  }),
  z.object({ ...base, kind: z.literal('depreciation_present'), function_range: range, art: z.string() }),
  z.object({ ...base, kind: z.literal('depreciation_difference'), tolerance: z.number() }),
  z.object({ ...base, kind: z.literal('art_outside_functions'), art: z.string(), function_range: range }),
  z.object({ ...base, kind: z.literal('art_on_functions'), art: z.string(), function_range: range }),
  z.object({
    ...base,
    kind: z.literal('sum_zero'),
    account: account.optional(),
    functions: codes.optional(),
    art_ranges: z.array(range).min(1),
    tolerance: z.number(),
    /** Not for the files of Oslo's districts (region 0301xx but 030100), as the 2019 program had it. */
    not_for_oslo_districts: z.boolean().default(false),
  }),
]);

export type ControlRule = z.infer<typeof ruleSchema>;

/** The controls as data (`data/accounts/controls.json`), checked when read. */
export function parseControlRules(input: unknown, source: string): ControlRule[] {
  return parseData(z.object({ source: z.string(), rules: z.array(ruleSchema).min(1) }), input, source).rules;
}

const BY_YEAR = new WeakMap<readonly ControlRule[], Map<number, readonly ControlRule[]>>();

/**
 * The rules of the control program for a reporting year. The same array for the same year, so what is
 * judged by it can be shared by every file of that year.
 */
export function rulesFor(rules: readonly ControlRule[], year: number): readonly ControlRule[] {
  let byYear = BY_YEAR.get(rules);
  if (!byYear) BY_YEAR.set(rules, (byYear = new Map<number, readonly ControlRule[]>()));
  let chosen = byYear.get(year);
  if (!chosen) {
    chosen = rules.filter((r) => (r.valid_from ?? year) <= year && year <= (r.valid_to ?? year));
    byYear.set(year, chosen);
  }
  return chosen;
}

/** The severity a rule has for a declared quarter: relaxed from ERROR to WARNING where it says so. */
export function severityFor(rule: ControlRule, quarter: string): ControlSeverity {
  return rule.severity === 'ERROR' && rule.relaxed_in_quarters.includes(quarter) ? 'WARNING' : rule.severity;
}

/** The command's exit code by the highest severity: 0 none or INFO, 1 WARNING, 2 ERROR or FATAL. */
export function exitCodeFor(severities: Iterable<ControlSeverity>): 0 | 1 | 2 {
  let code: 0 | 1 | 2 = 0;
  for (const s of severities) {
    if (s === 'ERROR' || s === 'FATAL') return 2;
    if (s === 'WARNING') code = 1;
  }
  return code;
}
