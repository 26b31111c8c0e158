import { parseData } from '../parse-data.ts';
import * as z from 'zod';
import { isOsloDistrict } from './record.ts';

export const SEVERITIES = ['INFO', 'WARNING', 'ERROR', 'FATAL'] as const;
export type ControlSeverity = (typeof SEVERITIES)[number];

const codes = z.array(z.string());
const range = z.tuple([z.string(), z.string()]);
const base = {
  // Today's program numbers its rules 001-190; the 2019 program's controls kept here are K17, K18 and K19.
  id: z.string().regex(/^(\d{3}|K\d{1,2}[a-z]?)$/),
  title: z.string(),
  severity: z.enum(SEVERITIES),
  relaxed_in_quarters: z.array(z.string()).default([]),
  /** Quarters where a WARNING counts as an ERROR. */
  raised_in_quarters: z.array(z.string()).default([]),
  /** The reporting years the rule is part of the control program for (absent: every year). */
  valid_from: z.number().int().optional(),
  valid_to: z.number().int().optional(),
  /** Part of the annual program only (SSB's KommuneKostraMain), or of the quarterly only (KvartalKostraMain). */
  annual_only: z.boolean().default(false),
  quarterly_only: z.boolean().default(false),
  /** Not for the files of Oslo's districts (regions 030101-030115), or only for them. */
  not_for_oslo_districts: z.boolean().default(false),
  only_for_oslo_districts: z.boolean().default(false),
  /** Regions the rule is not for. */
  not_for_regions: codes.default([]),
};
const account = z.enum(['operations', 'investment', 'balance']);
const budgetAccount = z.enum(['operations', 'investment']);
/** The records a sum is taken of: an account, functions (or chapters) listed, in ranges or not listed, arts. */
const selection = {
  account: account.optional(),
  functions: codes.optional(),
  function_ranges: z.array(range).optional(),
  functions_not: codes.optional(),
  /** Absent: every art (sector). */
  art_ranges: z.array(range).min(1).optional(),
};

const ruleSchema = z.discriminatedUnion('kind', [
  z.object({ ...base, kind: z.literal('record_length') }),
  z.object({
    ...base,
    kind: z.literal('declared'),
    field: z.enum(['skjema', 'year', 'quarter', 'region', 'orgnr']),
  }),
  /** The foretaksnummer: blank, or the declared organisation number. */
  z.object({ ...base, kind: z.literal('foretaksnr') }),
  z.object({ ...base, kind: z.literal('kontoklasse') }),
  /** A function of the year's code list (or of `also_valid`: expired, still taken). */
  z.object({ ...base, kind: z.literal('valid_function'), also_valid: codes.default([]) }),
  z.object({ ...base, kind: z.literal('expired_function'), functions: codes }),
  z.object({ ...base, kind: z.literal('valid_art') }),
  z.object({ ...base, kind: z.literal('valid_chapter'), codes }),
  z.object({ ...base, kind: z.literal('valid_sector'), codes }),
  z.object({ ...base, kind: z.literal('amount_format') }),
  z.object({ ...base, kind: z.literal('duplicates') }),
  /** A function not valid (or, `illogical`, not logical) in an account. */
  z.object({
    ...base,
    kind: z.literal('function_not_in'),
    account: budgetAccount,
    functions: codes,
    illogical: z.boolean().default(false),
  }),
  /** An art not valid (or not logical) in an account; `allowed` lists the skjema and regions it is for. */
  z.object({
    ...base,
    kind: z.literal('art_not_in'),
    account: budgetAccount,
    arts: codes.optional(),
    arts_from_code_list: z.enum(['operations_only', 'investment_only']).optional(),
    illogical: z.boolean().default(false),
    allowed: z.object({ skjema: codes, regions: codes, arts: codes }).optional(),
  }),
  z.object({
    ...base,
    kind: z.literal('art_requires_function'),
    account: account.optional(),
    arts: codes,
    functions: codes,
  }),
  z.object({ ...base, kind: z.literal('art_function_pair'), arts: codes, functions: codes }),
  /** A function whose records are only logical on the arts listed. */
  z.object({ ...base, kind: z.literal('function_requires_art'), functions: codes, arts: codes }),
  /** Balance chapters whose amounts may not be negative. */
  z.object({ ...base, kind: z.literal('chapter_not_negative'), chapters: codes }),
  z.object({
    ...base,
    kind: z.literal('sum_sign'),
    account,
    side: z.enum(['expense', 'income', 'assets', 'liabilities']),
  }),
  /** Expenses and income (assets and liabilities) cancel within the tolerance; with signs, each on its side. */
  z.object({
    ...base,
    kind: z.literal('sum_difference'),
    account,
    tolerance: z.number(),
    require_signs: z.boolean().default(true),
  }),
  z.object({
    ...base,
    kind: z.literal('transfers'),
    operations_art: z.string(),
    investment_art: z.string(),
    tolerance: z.number(),
  }),
  z.object({ ...base, kind: z.literal('depreciation_present'), function_range: range, art: z.string() }),
  z.object({ ...base, kind: z.literal('depreciation_difference'), tolerance: z.number() }),
  /** The sum of a selection of records is 0 within the tolerance. */
  z.object({ ...base, kind: z.literal('sum_zero'), ...selection, tolerance: z.number() }),
  /** The sum of a selection of records is below 0 (income), where the account has records. */
  z.object({ ...base, kind: z.literal('sum_negative'), ...selection, account }),
]);

export type ControlRule = z.infer<typeof ruleSchema>;

/** The controls as data (`data/accounts/controls.json`), checked when read. */
export function parseControlRules(input: unknown, source: string): ControlRule[] {
  return parseData(z.object({ source: z.string(), rules: z.array(ruleSchema).min(1) }), input, source).rules;
}

const CHOSEN = new WeakMap<readonly ControlRule[], Map<string, readonly ControlRule[]>>();

/** What decides which rules a file gets: its year, whether it is a quarter's, its region. */
export interface RuleScope {
  readonly year: number;
  /** '1'-'4' for a quarterly file, ' ' for an annual one. */
  readonly quarter: string;
  readonly region: string;
}

/**
 * The rules of the control program for a file: those of its reporting year, of the annual or the quarterly
 * program, for its region. The same array for the same choice, so what is judged by it can be shared by
 * every file of that kind.
 */
export function rulesFor(rules: readonly ControlRule[], scope: RuleScope): readonly ControlRule[] {
  const { year, region } = scope;
  const quarterly = scope.quarter !== ' ';
  const district = isOsloDistrict(region);
  const applies = (r: ControlRule) =>
    (r.valid_from ?? year) <= year &&
    year <= (r.valid_to ?? year) &&
    !(quarterly ? r.annual_only : r.quarterly_only) &&
    !(district ? r.not_for_oslo_districts : r.only_for_oslo_districts) &&
    !r.not_for_regions.includes(region);
  let chosenBy = CHOSEN.get(rules);
  if (!chosenBy) CHOSEN.set(rules, (chosenBy = new Map<string, readonly ControlRule[]>()));
  // Keyed by the rules it leaves out: regions of the same choice share one array.
  const key = `${year}|${rules.flatMap((r, i) => (applies(r) ? [] : [i])).join(',')}`;
  let chosen = chosenBy.get(key);
  if (!chosen) chosenBy.set(key, (chosen = rules.filter(applies)));
  return chosen;
}

/**
 * The severity a rule has for a declared quarter: relaxed from ERROR to WARNING, or raised from WARNING to
 * ERROR, where it says so.
 */
export function severityFor(rule: ControlRule, quarter: string): ControlSeverity {
  if (rule.severity === 'ERROR' && rule.relaxed_in_quarters.includes(quarter)) return 'WARNING';
  if (rule.severity === 'WARNING' && rule.raised_in_quarters.includes(quarter)) return 'ERROR';
  return rule.severity;
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
