import { DomainError } from '../errors.ts';
import type { AnswerValue, Answers } from '../forms/answers.ts';
import type { FormDefinitionInput, FormRule } from '../forms/definition.ts';
import { parseFormDefinition } from '../forms/check.ts';
import { resolveForm, type ResolvedForm } from '../forms/resolve.ts';
import type { RuleDefinition, SurveyDefinition } from './definition.ts';
import type { ResponseContent } from './response.ts';

/*
 * A survey definition (data/surveys/*.json: tables × measures, a tick per row, methods, comments) is a
 * compact notation for one kind of form. It is compiled here into the forms language, and the forms engine
 * validates every survey response: one validator for every form. data/forms/f254.json is f254 written out
 * in that language for each year; a test holds it equal to what this compiles.
 */

/** Where an engine rule came from: the survey rule, and the table, row and measure it was written out for. */
export interface RuleOrigin {
  readonly rule: RuleDefinition;
  readonly table?: string | undefined;
  readonly row?: string | undefined;
  readonly measure?: string | undefined;
  /** `measure_not_above`: the measure it is held against. */
  readonly limitMeasure?: string | undefined;
}

export interface SurveyOnEngine {
  readonly form: ResolvedForm;
  /** Engine rules by id, and the rules the engine checks per cell (`cell:KIND`), to the survey rule each is. */
  readonly origins: ReadonlyMap<string, RuleOrigin>;
}

/** A survey is not dated: its compiled form is resolved for a year that stands for any. */
const ANY_YEAR = 0;

const methodsItem = (table: string) => `${table}_methods`;
const FLAG = 'fewer_than_5';
const ruleId = (...parts: string[]) =>
  parts
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9_.-]/g, '_');

const compiled = new WeakMap<SurveyDefinition, SurveyOnEngine>();

/** The survey as a form of the engine, with each engine rule traced to its survey rule. */
export function surveyOnEngine(definition: SurveyDefinition): SurveyOnEngine {
  const known = compiled.get(definition);
  if (known) return known;
  const where = (path: string) => [`survey ${definition.id} version ${definition.version}`, path];
  const unit = definition.unit;
  if (unit !== 'NOK' && unit !== '1000 NOK')
    throw new DomainError(`a survey's amounts are in NOK or 1000 NOK, not ${unit}`, where('unit'));
  const ruleOf = (kind: RuleDefinition['kind']) => definition.rules.find((r) => r.kind === kind);
  const negative = ruleOf('amount_not_negative');
  const whole = ruleOf('amount_whole_number');
  if (whole && whole.severity !== 'error')
    throw new DomainError('the engine holds whole amounts as an error, not a warning', where('rules'));

  const origins = new Map<string, RuleOrigin>();
  const rules: FormRule[] = [];
  const add = (rule: FormRule, origin: RuleOrigin) => {
    rules.push(rule);
    origins.set(rule.id, origin);
  };
  if (negative) origins.set('cell:below_min', { rule: negative });
  if (whole) origins.set('cell:not_whole', { rule: whole });
  const flagged = ruleOf('fewer_than_5_without_amounts');
  if (flagged) origins.set('cell:flag_with_values', { rule: flagged });
  const comment = ruleOf('warnings_need_comment');
  if (comment) origins.set('cell:comment_required', { rule: comment });

  const measures = definition.measures.map((m) => m.code);
  for (const rule of definition.rules) {
    const severity = rule.severity;
    for (const table of definition.tables) {
      const t = table.key;
      switch (rule.kind) {
        case 'amount_not_negative':
          // As an error, the cell's own minimum says it; as a warning, a range rule per measure.
          if (severity === 'warning')
            for (const m of measures)
              add(
                { id: ruleId(rule.id, t, m), kind: 'range', severity, item: `${t}/*/${m}`, min: 0 },
                { rule, table: t, measure: m },
              );
          break;
        case 'measure_not_above':
          for (const row of table.rows)
            add(
              {
                id: ruleId(rule.id, t, row.key),
                kind: 'not_above',
                severity,
                part: `${t}/${row.key}/${rule.measure!}`,
                whole: `${t}/${row.key}/${rule.limit!}`,
              },
              { rule, table: t, row: row.key, measure: rule.measure, limitMeasure: rule.limit },
            );
          break;
        case 'rows_not_above_part_of':
          if (table.part_of)
            for (const m of measures)
              add(
                {
                  id: ruleId(rule.id, t, m),
                  kind: 'not_above',
                  severity,
                  part: `${t}/*/${m}`,
                  whole: `${table.part_of.table}/${table.part_of.row}/${m}`,
                },
                { rule, table: t, measure: m },
              );
          break;
        case 'table_not_above_prefilled':
          // A part is bounded by its whole, not by the function total.
          if (!table.part_of)
            for (const m of measures)
              add(
                {
                  id: ruleId(rule.id, t, m),
                  kind: 'not_above',
                  severity,
                  part: `${t}/*/${m}`,
                  whole: `prefill/${m}`,
                },
                { rule, table: t, measure: m },
              );
          break;
        case 'method_given_when_split':
          if (definition.methods.length > 0)
            add(
              {
                id: ruleId(rule.id, t),
                kind: 'required_if',
                severity,
                item: methodsItem(t),
                when: { item: `${t}/*/${measures[0]!}`, answered: true },
              },
              { rule, table: t },
            );
          break;
        default:
          break;
      }
    }
  }

  const labelsOnly = (l: { nb: string; nn: string; en: string }) => ({
    nb: l.nb,
    nn: l.nn,
    en: l.en,
  });
  const input: FormDefinitionInput = {
    id: ruleId(definition.id).replace(/[_.]/g, '-'),
    title: labelsOnly(definition.title),
    unit_kinds: ['municipality'],
    years: { from: ANY_YEAR, to: null },
    source: definition.source,
    code_lists: [
      {
        id: 'measures',
        labels: { nb: 'Utgiftsmål', nn: 'Utgiftsmål', en: 'Expense measure' },
        source: definition.source,
        // A measure is known by its code: the column reads "AGD10 Brutto driftsutgifter …".
        items: definition.measures.map((m) => ({
          code: m.code,
          labels: {
            nb: `${m.code} ${m.labels.nb}`,
            nn: `${m.code} ${m.labels.nn}`,
            en: `${m.code} ${m.labels.en}`,
          },
          guidance: m.guidance,
        })),
      },
      ...(definition.methods.length > 0
        ? [
            {
              id: 'methods',
              labels: { nb: 'Metoder', nn: 'Metodar', en: 'Methods' },
              source: definition.source,
              items: definition.methods.map((m) => ({ code: m.code, labels: m.labels })),
            },
          ]
        : []),
      ...definition.tables.map((table) => ({
        id: `rows_${table.key}`,
        labels: table.labels,
        source: definition.source,
        items: table.rows.map((r) => ({ code: r.key, labels: r.labels, guidance: r.guidance })),
      })),
    ],
    sections: definition.tables.map((table) => ({
      key: `del_${table.key}`,
      number: String(table.number),
      labels: table.labels,
      items: [
        {
          key: table.key,
          number: String(table.number),
          kind: 'grid' as const,
          labels: table.labels,
          guidance: table.guidance,
          rows: { code_list: `rows_${table.key}` },
          columns: { code_list: 'measures' },
          cell: { kind: 'amount' as const, unit, ...(negative?.severity === 'error' ? { min: 0 } : {}) },
          totals: { rows: false, columns: true },
          row_flag: {
            key: FLAG,
            labels: definition.fields.fewer_than_5.labels,
            guidance: definition.fields.fewer_than_5.guidance,
          },
        },
        ...(definition.methods.length > 0
          ? [
              {
                key: methodsItem(table.key),
                kind: 'multiple_choice' as const,
                labels: definition.fields.methods.labels,
                guidance: definition.fields.methods.guidance,
                options: { code_list: 'methods' },
              },
            ]
          : []),
      ],
    })),
    rules,
    warnings_need_comment: comment !== undefined,
  };
  const form = resolveForm(
    parseFormDefinition(input, `survey ${definition.id} version ${definition.version} on the forms engine`),
    ANY_YEAR,
  );
  const result = { form, origins };
  compiled.set(definition, result);
  return result;
}

/** A survey response as the engine's answers: `table/ROW/MEASURE`, `table/ROW/fewer_than_5`, `table_methods`. */
export function answersOf(content: ResponseContent): Answers {
  const answers: Record<string, AnswerValue> = { comments: content.comments };
  for (const [table, answer] of Object.entries(content.tables)) {
    if (answer.methods.length > 0) answers[methodsItem(table)] = answer.methods;
    for (const [row, given] of Object.entries(answer.rows)) {
      if (given.fewerThan5) answers[`${table}/${row}/${FLAG}`] = true;
      for (const [measure, value] of Object.entries(given.amounts))
        if (value !== null) answers[`${table}/${row}/${measure}`] = value;
    }
  }
  return answers;
}
