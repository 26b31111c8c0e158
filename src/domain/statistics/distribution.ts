import { percent } from '../rounding.ts';
import type { TableDefinition } from '../survey/definition.ts';
import type { SurveyResponse } from '../survey/response.ts';
import type { Invitation } from '../survey/round.ts';
import { couldSeparate } from './split.ts';

export interface DistributionRow {
  readonly municipality: string;
  readonly size_group: string;
  readonly category: string;
  readonly amount: number;
  /** Percent, one decimal; null where there is nothing to share. */
  readonly share: number | null;
}

/** Each row of a table with the amount the response separated there (0 where it did not). */
function separatedAmounts(response: SurveyResponse, table: TableDefinition, measure: string) {
  const answer = response.tables[table.key];
  return table.rows.map((row) => {
    const given = answer?.rows[row.key];
    return { row, amount: couldSeparate(given, measure) ? (given!.amounts[measure] as number) : 0 };
  });
}

/** The rows of a figure: each category's amount and its share of `whole`. */
function toRows(
  response: SurveyResponse,
  invitation: Invitation,
  amounts: readonly { row: { key: string }; amount: number }[],
  whole: number,
): DistributionRow[] {
  return amounts.map(({ row, amount }) => ({
    municipality: response.municipality,
    size_group: invitation.sizeGroup,
    category: row.key,
    amount,
    share: percent(amount, whole, 1),
  }));
}

/**
 * Figures 4.2 and 4.3: a respondent's headline amount split by the categories of a table, against its
 * KOSTRA total. The residual row takes what was reported there plus what the rows leave of the total
 * (footnote 13 of the note), so a respondent that could not split is 100 % residual. Where the rows exceed
 * the total the residual is zero and shares are of the reported sum, so that a bar never passes 100 %.
 */
export function distributionAgainstTotal(
  response: SurveyResponse,
  invitation: Invitation,
  table: TableDefinition,
  measure: string,
): DistributionRow[] {
  const reported = separatedAmounts(response, table, measure);
  const reportedSum = reported.reduce((sum, r) => sum + r.amount, 0);
  const total = invitation.prefilled[measure] ?? reportedSum;
  const residual = Math.max(0, total - reportedSum);
  const withResidual = reported.map(({ row, amount }) => ({
    row,
    amount: row.residual ? amount + residual : amount,
  }));
  return toRows(response, invitation, withResidual, Math.max(total, reportedSum));
}

/** Figure 4.4: a table that splits a part (housing bases) as reported, in shares of its own sum. */
export function distributionOfParts(
  response: SurveyResponse,
  invitation: Invitation,
  table: TableDefinition,
  measure: string,
): DistributionRow[] {
  const amounts = separatedAmounts(response, table, measure);
  return toRows(
    response,
    invitation,
    amounts,
    amounts.reduce((s, a) => s + a.amount, 0),
  );
}
