import type { Language } from '../language.ts';
import type { ResponseContent, ResponseTable } from '../survey/response.ts';
import {
  findTable,
  type RuleDefinition,
  type SurveyDefinition,
  type TableDefinition,
} from '../survey/definition.ts';
import type { Finding, StructuralKind, ValidationResult } from './finding.ts';
import { describeLocation, fillTemplate, formatAmount, MESSAGES } from './messages.ts';
import type { RuleKind } from './rule-kind.ts';

/** A finding before it is put into words. */
interface RawFinding {
  readonly ruleId: string;
  readonly kind: RuleKind | StructuralKind;
  readonly severity: 'error' | 'warning';
  readonly table?: string;
  readonly row?: string;
  readonly measure?: string;
  readonly value?: number;
  readonly limit?: number;
  /** Further placeholders of the message: codes to be named in the user's language. */
  readonly refs?: {
    readonly limitMeasure?: string;
    readonly parentTable?: string;
    readonly parentRow?: string;
  };
  readonly method?: string;
}

interface RuleContext {
  readonly definition: SurveyDefinition;
  readonly content: ResponseContent;
  readonly prefilled: Readonly<Record<string, number | null>>;
  /** The response's tables that the definition knows, with their definitions. */
  readonly tables: readonly { readonly definition: TableDefinition; readonly answer: ResponseTable }[];
}

type RuleCheck = (rule: RuleDefinition, context: RuleContext) => RawFinding[];

/** Every amount given in a known table, row and measure. */
function* givenAmounts(context: RuleContext) {
  const measures = new Set(context.definition.measures.map((m) => m.code));
  for (const { definition: table, answer } of context.tables) {
    for (const row of table.rows) {
      const given = answer.rows[row.key];
      if (!given) continue;
      for (const [measure, value] of Object.entries(given.amounts)) {
        if (value !== null && measures.has(measure))
          yield { table: table.key, row: row.key, measure, value, fewerThan5: given.fewerThan5 };
      }
    }
  }
}

function sumOf(answer: ResponseTable, measure: string): number | null {
  let sum: number | null = null;
  for (const row of Object.values(answer.rows)) {
    const value = row.amounts[measure];
    if (typeof value === 'number') sum = (sum ?? 0) + value;
  }
  return sum;
}

const located = (a: { table: string; row: string; measure: string; value: number }) => ({
  table: a.table,
  row: a.row,
  measure: a.measure,
  value: a.value,
});

const at = (rule: RuleDefinition) => ({ ruleId: rule.id, kind: rule.kind, severity: rule.severity });

/** What each kind of rule checks. A survey definition picks the rules and their severity. */
const CHECKS: Readonly<Record<Exclude<RuleKind, 'warnings_need_comment'>, RuleCheck>> = {
  amount_not_negative: (rule, context) =>
    [...givenAmounts(context)].filter((a) => a.value < 0).map((a) => ({ ...at(rule), ...located(a) })),

  amount_whole_number: (rule, context) =>
    [...givenAmounts(context)]
      .filter((a) => !Number.isInteger(a.value))
      .map((a) => ({ ...at(rule), ...located(a) })),

  fewer_than_5_without_amounts: (rule, context) => {
    const seen = new Set<string>();
    const found: RawFinding[] = [];
    for (const a of givenAmounts(context)) {
      const key = `${a.table}/${a.row}`;
      if (a.fewerThan5 && !seen.has(key)) {
        seen.add(key);
        found.push({ ...at(rule), table: a.table, row: a.row });
      }
    }
    return found;
  },

  measure_not_above: (rule, context) => {
    const { measure, limit } = rule;
    if (!measure || !limit) return [];
    const found: RawFinding[] = [];
    for (const { definition: table, answer } of context.tables) {
      for (const row of table.rows) {
        const value = answer.rows[row.key]?.amounts[measure] ?? null;
        const bound = answer.rows[row.key]?.amounts[limit] ?? null;
        if (value !== null && bound !== null && value > bound) {
          found.push({
            ...at(rule),
            table: table.key,
            row: row.key,
            measure,
            value,
            limit: bound,
            refs: { limitMeasure: limit },
          });
        }
      }
    }
    return found;
  },

  rows_not_above_part_of: (rule, context) => {
    const found: RawFinding[] = [];
    for (const { definition: table, answer } of context.tables) {
      if (!table.part_of) continue;
      const parent = context.content.tables[table.part_of.table];
      for (const measure of context.definition.measures) {
        const sum = sumOf(answer, measure.code);
        const bound = parent?.rows[table.part_of.row]?.amounts[measure.code] ?? null;
        if (sum !== null && bound !== null && sum > bound) {
          found.push({
            ...at(rule),
            table: table.key,
            measure: measure.code,
            value: sum,
            limit: bound,
            refs: { parentTable: table.part_of.table, parentRow: table.part_of.row },
          });
        }
      }
    }
    return found;
  },

  table_not_above_prefilled: (rule, context) => {
    const found: RawFinding[] = [];
    for (const { definition: table, answer } of context.tables) {
      if (table.part_of) continue; // bounded by its whole, not by the function total
      for (const measure of context.definition.measures) {
        const sum = sumOf(answer, measure.code);
        const total = context.prefilled[measure.code] ?? null;
        if (sum !== null && total !== null && sum > total) {
          found.push({ ...at(rule), table: table.key, measure: measure.code, value: sum, limit: total });
        }
      }
    }
    return found;
  },

  method_given_when_split: (rule, context) =>
    context.tables
      .filter(
        ({ answer }) =>
          answer.methods.length === 0 && sumOf(answer, context.definition.measures[0]!.code) !== null,
      )
      .map(({ definition: table }) => ({ ...at(rule), table: table.key })),
};

function structuralFindings(definition: SurveyDefinition, content: ResponseContent): RawFinding[] {
  const found: RawFinding[] = [];
  const measures = new Set(definition.measures.map((m) => m.code));
  const methods = new Set(definition.methods.map((m) => m.code));
  const structural = (kind: StructuralKind, where: Partial<RawFinding>): RawFinding => ({
    ruleId: kind.replace(/_/g, '-'),
    kind,
    severity: 'error',
    ...where,
  });
  for (const [tableKey, answer] of Object.entries(content.tables)) {
    const table = findTable(definition, tableKey);
    if (!table) {
      found.push(structural('unknown_table', { table: tableKey }));
      continue;
    }
    for (const method of answer.methods) {
      if (!methods.has(method)) found.push(structural('unknown_method', { table: tableKey, method }));
    }
    for (const [rowKey, row] of Object.entries(answer.rows)) {
      if (!table.rows.some((r) => r.key === rowKey)) {
        found.push(structural('unknown_row', { table: tableKey, row: rowKey }));
        continue;
      }
      for (const measure of Object.keys(row.amounts)) {
        if (!measures.has(measure))
          found.push(structural('unknown_measure', { table: tableKey, row: rowKey, measure }));
      }
    }
  }
  return found;
}

/**
 * Validates a municipality's answer against its survey definition and prefilled totals, with the
 * messages in the user's language. Errors block submission; warnings need an explanation in the comments.
 */
export function validateResponse(
  definition: SurveyDefinition,
  content: ResponseContent,
  prefilled: Readonly<Record<string, number | null>>,
  language: Language,
): ValidationResult {
  const tables = Object.entries(content.tables).flatMap(([key, answer]) => {
    const table = findTable(definition, key);
    return table ? [{ definition: table, answer }] : [];
  });
  const context: RuleContext = { definition, content, prefilled, tables };
  const raw = structuralFindings(definition, content);
  for (const rule of definition.rules) {
    if (rule.kind !== 'warnings_need_comment') raw.push(...CHECKS[rule.kind](rule, context));
  }
  const needsComment = definition.rules.find((r) => r.kind === 'warnings_need_comment');
  if (needsComment && raw.some((f) => f.severity === 'warning') && content.comments.trim() === '') {
    raw.push(at(needsComment));
  }
  const findings = raw.map((f) => describe(definition, f, language));
  return {
    errors: findings.filter((f) => f.severity === 'error'),
    warnings: findings.filter((f) => f.severity === 'warning'),
  };
}

function describe(definition: SurveyDefinition, raw: RawFinding, language: Language): Finding {
  const table = raw.table === undefined ? undefined : findTable(definition, raw.table);
  const rowLabel = table?.rows.find((r) => r.key === raw.row)?.labels[language] ?? raw.row;
  const measureLabel = (code: string | undefined) =>
    definition.measures.find((m) => m.code === code)?.labels[language] ?? '';
  const where = describeLocation(
    language,
    table ? { number: table.number, label: table.labels[language] } : undefined,
    rowLabel,
    raw.measure === undefined ? undefined : { code: raw.measure, label: measureLabel(raw.measure) },
  );
  const parent =
    raw.refs?.parentTable === undefined ? undefined : findTable(definition, raw.refs.parentTable);
  const message = fillTemplate(MESSAGES[raw.kind][language], {
    where,
    table: raw.table ?? '',
    row: raw.row ?? '',
    measure: raw.measure ?? '',
    method: raw.method ?? '',
    value: raw.value === undefined ? '' : formatAmount(raw.value),
    limit: raw.limit === undefined ? '' : formatAmount(raw.limit),
    limitLabel:
      raw.refs?.limitMeasure === undefined
        ? ''
        : `${raw.refs.limitMeasure} ${measureLabel(raw.refs.limitMeasure)}`,
    parentLabel: parent?.rows.find((r) => r.key === raw.refs?.parentRow)?.labels[language] ?? '',
    parentNumber: parent === undefined ? '' : String(parent.number),
  });
  const { refs: _refs, method: _method, ...located } = raw;
  return { ...located, message };
}
