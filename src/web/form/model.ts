import type { Language } from '../../domain/language.ts';

/** The wire shapes of the respondent API (see src/server/presenters/form.ts). */
export type Labels = Record<Language, string>;
export interface WireRow {
  fewer_than_5: boolean;
  amounts: Record<string, number | null>;
}
export interface WireTable {
  methods: string[];
  rows: Record<string, WireRow>;
}
export interface WireContent {
  tables: Record<string, WireTable>;
  comments: string;
}
export interface Finding {
  ruleId: string;
  severity: 'error' | 'warning';
  table?: string;
  row?: string;
  measure?: string;
  message: string;
}
export interface SaveResult {
  version: number;
  errors: Finding[];
  warnings: Finding[];
}
export interface SurveyView {
  id: string;
  title: Labels;
  unit: string;
  function: string;
  measures: { code: string; labels: Labels; guidance: Labels }[];
  methods: { code: string; labels: Labels }[];
  fields: Record<
    'prefilled_total' | 'fewer_than_5' | 'methods' | 'comments',
    { labels: Labels; guidance: Labels }
  >;
  tables: {
    key: string;
    number: number;
    labels: Labels;
    guidance: Labels;
    part_of?: { table: string; row: string };
    rows: { key: string; labels: Labels; guidance: Labels; residual: boolean }[];
  }[];
}
export interface FormView {
  survey: SurveyView;
  round: { id: string; reference_year: number };
  municipality: { code: string; name: string };
  prefilled: Record<string, number | null>;
  response: WireContent | null;
  version: number;
  status: 'not_started' | 'draft' | 'submitted';
  deadline: string | null;
  open: boolean;
  submitted_at: string | null;
}

/** The text in every amount field, keyed `table/row/measure`, as the user typed it. */
export type AmountTexts = Record<string, string>;

export const fieldId = (table: string, row?: string, measure?: string) =>
  ['field', table, row, measure].filter((p) => p !== undefined).join('-');

export const amountKey = (table: string, row: string, measure: string) => `${table}/${row}/${measure}`;

/** Sum of the given amounts of a table for a measure (null: nothing given). */
export function columnSum(content: WireContent, table: string, measure: string): number | null {
  let sum: number | null = null;
  for (const row of Object.values(content.tables[table]?.rows ?? {})) {
    const value = row.amounts[measure];
    if (typeof value === 'number' && !row.fewer_than_5) sum = (sum ?? 0) + value;
  }
  return sum;
}
