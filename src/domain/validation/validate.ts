import { validateAnswers, type FormFinding } from '../forms/validate.ts';
import type { Language } from '../language.ts';
import { answersOf, surveyOnEngine, type RuleOrigin } from '../survey/on-engine.ts';
import type { ResponseContent } from '../survey/response.ts';
import { findTable, type SurveyDefinition } from '../survey/definition.ts';
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

/**
 * The engine's findings in the survey's terms: each traced to the survey rule it checks, placed by table,
 * row and measure. What the engine checks that the survey's rules do not ask for is left out (a survey
 * without `amount_not_negative` takes negative amounts).
 */
function fromEngine(
  definition: SurveyDefinition,
  found: readonly FormFinding[],
  origins: ReadonlyMap<string, RuleOrigin>,
  answers: Readonly<Record<string, unknown>>,
): RawFinding[] {
  const raw: RawFinding[] = [];
  const flaggedRows = new Set<string>();
  for (const f of found) {
    const origin = origins.get(f.ruleId) ?? origins.get(`cell:${f.kind}`);
    if (!origin) continue;
    const { rule } = origin;
    const base = { ruleId: rule.id, kind: rule.kind, severity: rule.severity };
    const [table, row, measure] = f.path.split('/');
    switch (rule.kind) {
      case 'amount_not_negative':
      case 'amount_whole_number': {
        const value = answers[f.path];
        raw.push({ ...base, table: table!, row: row!, measure: measure!, value: Number(value) });
        break;
      }
      case 'fewer_than_5_without_amounts':
        if (!flaggedRows.has(`${table}/${row}`)) {
          flaggedRows.add(`${table}/${row}`);
          raw.push({ ...base, table: table!, row: row! });
        }
        break;
      case 'measure_not_above':
        raw.push({
          ...base,
          table: origin.table!,
          row: origin.row!,
          measure: origin.measure!,
          value: f.value!,
          limit: f.limit!,
          refs: { limitMeasure: origin.limitMeasure! },
        });
        break;
      case 'rows_not_above_part_of': {
        const part = findTable(definition, origin.table!)?.part_of;
        raw.push({
          ...base,
          table: origin.table!,
          measure: origin.measure!,
          value: f.value!,
          limit: f.limit!,
          refs: { parentTable: part?.table ?? '', parentRow: part?.row ?? '' },
        });
        break;
      }
      case 'table_not_above_prefilled':
        raw.push({
          ...base,
          table: origin.table!,
          measure: origin.measure!,
          value: f.value!,
          limit: f.limit!,
        });
        break;
      case 'method_given_when_split':
        raw.push({ ...base, table: origin.table! });
        break;
      case 'warnings_need_comment':
        raw.push(base);
        break;
    }
  }
  // In the order of the survey's rules, as the survey lists them.
  const order = new Map(definition.rules.map((r, i) => [r.id, i]));
  return raw
    .map((f, i) => ({ f, i }))
    .sort((a, b) => (order.get(a.f.ruleId) ?? 0) - (order.get(b.f.ruleId) ?? 0) || a.i - b.i)
    .map(({ f }) => f);
}

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
  const { form, origins } = surveyOnEngine(definition);
  const answers = answersOf(content);
  const found = validateAnswers(form, answers, language, { prefilled });
  const raw = [
    ...structuralFindings(definition, content),
    ...fromEngine(definition, [...found.errors, ...found.warnings], origins, answers),
  ];
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
