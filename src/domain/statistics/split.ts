import type { SurveyDefinition, TableDefinition } from '../survey/definition.ts';
import { categoryRows } from '../survey/definition.ts';
import type { ResponseRow, SurveyResponse } from '../survey/response.ts';

/**
 * A category "could be separated" when its headline amount (AGD10) is given and its box "fewer than five
 * users" is not ticked (the note, tables 4.2-4.7).
 */
export function couldSeparate(row: ResponseRow | undefined, measure: string): boolean {
  return row !== undefined && !row.fewerThan5 && typeof row.amounts[measure] === 'number';
}

/** The category rows (not the residual) of a table that a response separated. */
export function separatedCategories(
  response: SurveyResponse,
  table: TableDefinition,
  measure: string,
): string[] {
  const answer = response.tables[table.key];
  return categoryRows(table)
    .filter((row) => couldSeparate(answer?.rows[row.key], measure))
    .map((row) => row.key);
}

/** A response could split a table when it separated at least one of its categories. */
export function couldSplit(response: SurveyResponse, table: TableDefinition, measure: string): boolean {
  return separatedCategories(response, table, measure).length > 0;
}

/** The keys of the tables a response could split, in the definition's order. */
export function splitTables(definition: SurveyDefinition, response: SurveyResponse): string[] {
  return definition.tables
    .filter((t) => couldSplit(response, t, definition.headline_measure))
    .map((t) => t.key);
}
