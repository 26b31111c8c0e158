/** One row of a questionnaire table as a municipality answered it. */
export interface ResponseRow {
  /** The box "fewer than five users": then no amounts may be given. */
  readonly fewerThan5: boolean;
  /** Amounts by measure code, in the survey's unit; null where not given. */
  readonly amounts: Readonly<Record<string, number | null>>;
}

export interface ResponseTable {
  /** Derivation method codes: how the municipality arrived at the figures. */
  readonly methods: readonly string[];
  readonly rows: Readonly<Record<string, ResponseRow>>;
}

/** What a municipality answers: tables it could fill (absent if it could not) and comments. */
export interface ResponseContent {
  readonly tables: Readonly<Record<string, ResponseTable>>;
  readonly comments: string;
}

/** A submitted answer of one municipality. */
export interface SurveyResponse extends ResponseContent {
  readonly municipality: string;
  /** ISO 8601 with offset, as submitted. */
  readonly submittedAt: string;
}

/** The amount of a row for a measure, or null where it is not given or the row is absent. */
export function amountOf(table: ResponseTable | undefined, row: string, measure: string): number | null {
  return table?.rows[row]?.amounts[measure] ?? null;
}

/**
 * The largest amount (in the survey's unit, 1000 NOK) the product takes: a trillion kroner, a hundred times
 * the largest municipality's budget. Beyond it a number is a typing error, and no column need hold more.
 */
export const MAX_AMOUNT = 999_999_999;

/** Text a person typed, as the database can keep it: no NUL, no half of a surrogate pair. */
export const isStorableText = (text: string): boolean => !text.includes('\0') && !LONE_SURROGATE.test(text);
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A measure's sum over a table's rows, as the form shows it (a row with fewer than five users has none). */
export function tableSum(table: ResponseTable | undefined, measure: string): number | null {
  let sum: number | null = null;
  for (const row of Object.values(table?.rows ?? {})) {
    const value = row.amounts[measure];
    if (typeof value === 'number' && !row.fewerThan5) sum = (sum ?? 0) + value;
  }
  return sum;
}
