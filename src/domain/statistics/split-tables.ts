import { DomainError } from '../errors.ts';
import type { ReferenceData } from '../reference.ts';
import { percent } from '../rounding.ts';
import { categoryRows, type SurveyDefinition, type TableDefinition } from '../survey/definition.ts';
import type { SurveyResponse } from '../survey/response.ts';
import type { SurveyRound } from '../survey/round.ts';
import { couldSplit, separatedCategories, splitTables } from './split.ts';

export interface CategoryCount {
  readonly category: string;
  readonly count: number;
  readonly share_of_all: number | null;
  readonly share_of_splitters: number | null;
}
export interface MethodCount {
  readonly method: string;
  readonly count: number;
}
export interface LevelCount {
  readonly level: string;
  readonly count: number;
}
export type SplitOverviewRow = { readonly size_group: string; readonly municipality: string } & Readonly<
  Record<string, string>
>;

/** The respondents of a round, ordered by size group (as the note orders them) and then by code. */
export function orderedResponses(round: SurveyRound, reference: ReferenceData): SurveyResponse[] {
  const groupOf = new Map(round.invitations.map((i) => [i.municipality, i.sizeGroup]));
  const rank = (m: string) => reference.sizeGroups.findIndex((g) => g.code === groupOf.get(m));
  return round.responses
    .filter((r) => groupOf.has(r.municipality))
    .sort(
      (a, b) => rank(a.municipality) - rank(b.municipality) || a.municipality.localeCompare(b.municipality),
    );
}

/** Tables 4.2, 4.4, 4.6: how many could separate each category, of all and of those who could split. */
export function categoryCounts(
  responses: readonly SurveyResponse[],
  table: TableDefinition,
  measure: string,
): CategoryCount[] {
  const separated = responses.map((r) => new Set(separatedCategories(r, table, measure)));
  const splitters = separated.filter((s) => s.size > 0).length;
  const row = (category: string, count: number): CategoryCount => ({
    category,
    count,
    share_of_all: percent(count, responses.length),
    share_of_splitters: percent(count, splitters),
  });
  return [
    ...categoryRows(table).map((c) => row(c.key, separated.filter((s) => s.has(c.key)).length)),
    row('ANY', splitters),
  ];
}

/** Tables 4.3, 4.5, 4.7: the derivation methods given by those who could split the table. */
export function methodCounts(
  definition: SurveyDefinition,
  responses: readonly SurveyResponse[],
  table: TableDefinition,
): MethodCount[] {
  const splitters = responses.filter((r) => couldSplit(r, table, definition.headline_measure));
  return definition.methods.map((m) => ({
    method: m.code,
    count: splitters.filter((r) => r.tables[table.key]?.methods.includes(m.code) === true).length,
  }));
}

/** Appendix table A.2: per respondent, "Ja" or "Nei" for each table it could split. */
export function splitOverview(
  definition: SurveyDefinition,
  round: SurveyRound,
  responses: readonly SurveyResponse[],
): SplitOverviewRow[] {
  const groupOf = new Map(round.invitations.map((i) => [i.municipality, i.sizeGroup]));
  return responses.map((r) => {
    const split = new Set(splitTables(definition, r));
    const answers = Object.fromEntries(
      definition.tables.map((t) => [t.key, split.has(t.key) ? 'Ja' : 'Nei']),
    );
    return { size_group: groupOf.get(r.municipality) ?? '', municipality: r.municipality, ...answers };
  });
}

/** A level of detail of figure 4.1: the exact set of tables a respondent could split. */
export interface DetailLevel {
  readonly level: string;
  readonly tables: readonly string[];
}

/** Responses whose set of split tables is none of the levels. */
export const OTHER_COMBINATION = 'OTHER_COMBINATION';

/**
 * Figure 4.1: respondents by how detailed their answer was. A respondent whose combination of tables is
 * none of the levels is counted as OTHER_COMBINATION, a row shown only when it is not empty.
 */
export function detailLevels(
  definition: SurveyDefinition,
  responses: readonly SurveyResponse[],
  levels: readonly DetailLevel[],
): LevelCount[] {
  for (const level of levels) {
    for (const key of level.tables) {
      if (!definition.tables.some((t) => t.key === key))
        throw new DomainError(
          `figure level ${level.level} names table ${key}, which the survey does not have`,
        );
    }
  }
  const signature = (tables: readonly string[]) => [...tables].sort().join('+');
  const counts = new Map<string, number>(levels.map((l) => [l.level, 0]));
  let other = 0;
  for (const response of responses) {
    const mine = signature(splitTables(definition, response));
    const level = levels.find((l) => signature(l.tables) === mine);
    if (level) counts.set(level.level, (counts.get(level.level) ?? 0) + 1);
    else other += 1;
  }
  const rows = levels.map((l) => ({ level: l.level, count: counts.get(l.level) ?? 0 }));
  return other > 0 ? [...rows, { level: OTHER_COMBINATION, count: other }] : rows;
}
