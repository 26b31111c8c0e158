import type { Language } from '../../domain/language.ts';

/** The wire shapes of the respondent API, as the server presents them (src/wire/respondent.ts). */
export type Labels = Record<Language, string>;
export type {
  WireContent,
  WireFinding as Finding,
  WireSaved as SaveResult,
  WireSurvey as SurveyView,
  WireForm as FormView,
} from '../../wire/respondent.ts';
import type { WireContent } from '../../wire/respondent.ts';
export type WireTable = WireContent['tables'][string];
export type WireRow = WireTable['rows'][string];

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
