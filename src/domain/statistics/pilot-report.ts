import { DomainError } from '../errors.ts';
import type { ReferenceData } from '../reference.ts';
import type { SurveyDefinition } from '../survey/definition.ts';
import type { SurveyRound } from '../survey/round.ts';
import { distributionAgainstTotal, distributionOfParts, type DistributionRow } from './distribution.ts';
import {
  invitedByCriterion,
  invitedBySizeGroup,
  participation,
  respondedBySizeGroup,
  type CriterionCount,
  type SizeGroupCount,
  type SizeGroupResponse,
  type StatusCount,
} from './sample-tables.ts';
import {
  categoryCounts,
  detailLevels,
  methodCounts,
  orderedResponses,
  splitOverview,
  type CategoryCount,
  type DetailLevel,
  type LevelCount,
  type MethodCount,
  type SplitOverviewRow,
} from './split-tables.ts';
import { couldSplit } from './split.ts';

/** Figure 4.1 of the note: the levels of detail, by the tables a respondent could split. */
export const PILOT_DETAIL_LEVELS: readonly DetailLevel[] = [
  { level: 'NONE', tables: [] },
  { level: 'BUSINESS_TYPES_ONLY', tables: ['business_types'] },
  { level: 'BUSINESS_TYPES_AND_TARGET_GROUPS', tables: ['business_types', 'target_groups'] },
  {
    level: 'BUSINESS_TYPES_AND_HOUSING_BASE_TARGET_GROUPS',
    tables: ['business_types', 'housing_base_target_groups'],
  },
  { level: 'ALL_THREE', tables: ['business_types', 'target_groups', 'housing_base_target_groups'] },
];

/** The note's tables that every round has, each with its own rows. */
export interface PilotFixedTables {
  readonly 'table-3.1': readonly CriterionCount[];
  readonly 'table-3.2': readonly SizeGroupCount[];
  readonly 'table-3.3': readonly StatusCount[];
  readonly 'table-4.1': readonly SizeGroupResponse[];
  readonly 'table-A.1': readonly Readonly<Record<string, string | boolean>>[];
  readonly 'table-A.2': readonly SplitOverviewRow[];
  readonly 'figure-4.1': readonly LevelCount[];
}

/**
 * Every table and figure of the pilot note, keyed as the note numbers them ("table-4.2", "figure-4.1"): the
 * fixed ones typed, and those of each survey table (see `sections`, whose `rows` are typed too).
 */
export type PilotReportTables = PilotFixedTables & Readonly<Record<string, readonly object[]>>;

/** One survey table's part of the report: the keys it has in `tables`, and its rows. */
export interface PilotReportSection {
  readonly table: string;
  readonly categories: string;
  readonly methods: string;
  readonly figure: string;
  readonly rows: {
    readonly categories: readonly CategoryCount[];
    readonly methods: readonly MethodCount[];
    readonly figure: readonly DistributionRow[];
  };
}

/** Figures the text of the note cites that are no table of their own. */
export interface PilotReportFacts {
  readonly invited: number;
  readonly respondents: number;
  readonly meetingParticipants: number;
  /** Respondents that could split at least one table. */
  readonly splitters: number;
  readonly referenceYear: number;
  readonly roundId: string;
}

export interface PilotReport {
  readonly tables: PilotReportTables;
  /** The fields of each table's rows, in order: a table without rows still has its columns. */
  readonly columns: Readonly<Record<string, readonly string[]>>;
  readonly facts: PilotReportFacts;
  /** Which survey table each numbered table and figure is about. */
  readonly sections: readonly PilotReportSection[];
}

/**
 * Computes the pilot note's tables and figures from a round. The survey's tables take the note's numbers
 * in their order: the first gives table 4.2 (categories), 4.3 (methods) and figure 4.2, the next 4.4, 4.5
 * and 4.3, and so on.
 */
export function buildPilotReport(
  definition: SurveyDefinition,
  round: SurveyRound,
  reference: ReferenceData,
): PilotReport {
  const measure = definition.headline_measure;
  const responses = orderedResponses(round, reference);
  const invitationOf = new Map(round.invitations.map((i) => [i.municipality, i]));
  const columns: Record<string, readonly string[]> = {
    'table-3.1': ['criterion', 'count'],
    'table-3.2': ['size_group', 'count'],
    'table-3.3': ['status', 'count', 'percent'],
    'table-4.1': ['size_group', 'responded', 'percent'],
    'table-A.2': ['size_group', 'municipality', ...definition.tables.map((t) => t.key)],
    'figure-4.1': ['level', 'count'],
  };
  const sections = definition.tables.map((table, index): PilotReportSection => {
    const keys = {
      table: table.key,
      categories: `table-4.${2 + 2 * index}`,
      methods: `table-4.${3 + 2 * index}`,
      figure: `figure-4.${2 + index}`,
    };
    columns[keys.categories] = ['category', 'count', 'share_of_all', 'share_of_splitters'];
    columns[keys.methods] = ['method', 'count'];
    columns[keys.figure] = ['municipality', 'size_group', 'category', 'amount', 'share'];
    const shown = table.part_of ? responses.filter((r) => couldSplit(r, table, measure)) : responses;
    const figure = shown.flatMap((r) => {
      const invitation = invitationOf.get(r.municipality);
      if (!invitation) throw new DomainError('response from a municipality not invited', [r.municipality]);
      return table.part_of
        ? distributionOfParts(r, invitation, table, measure)
        : distributionAgainstTotal(r, invitation, table, measure);
    });
    return {
      ...keys,
      rows: {
        categories: categoryCounts(responses, table, measure),
        methods: methodCounts(definition, responses, table),
        figure,
      },
    };
  });
  // Appendix A.1: who was invited, by size group and criteria (public in the note, names included).
  const rank = (g: string) => reference.sizeGroups.findIndex((s) => s.code === g);
  columns['table-A.1'] = ['municipality', 'name', 'size_group', ...reference.criteria.map((c) => c.code)];
  const levels = detailLevels(definition, responses, PILOT_DETAIL_LEVELS);
  const fixed: PilotFixedTables = {
    'table-3.1': invitedByCriterion(round, reference),
    'table-3.2': invitedBySizeGroup(round, reference),
    'table-3.3': participation(round),
    'table-4.1': respondedBySizeGroup(round, reference),
    'table-A.1': [...round.invitations]
      .sort((a, b) => rank(a.sizeGroup) - rank(b.sizeGroup) || a.name.localeCompare(b.name, 'nb'))
      .map((i) => ({
        municipality: i.municipality,
        name: i.name,
        size_group: i.sizeGroup,
        ...Object.fromEntries(reference.criteria.map((c) => [c.code, i.criteria.includes(c.code)])),
      })),
    'table-A.2': splitOverview(definition, round, responses),
    'figure-4.1': levels,
  };
  // In the note's order: chapter 3, chapter 4 table by table, the appendix, figure 4.1.
  const { 'table-A.1': a1, 'table-A.2': a2, 'figure-4.1': f41, ...chapters } = fixed;
  const tables: PilotReportTables = {
    ...chapters,
    ...Object.fromEntries(
      sections.flatMap((s): [string, readonly object[]][] => [
        [s.categories, s.rows.categories],
        [s.methods, s.rows.methods],
        [s.figure, s.rows.figure],
      ]),
    ),
    'table-A.1': a1,
    'table-A.2': a2,
    'figure-4.1': f41,
  };
  const splitters = levels.filter((l) => l.level !== 'NONE').reduce((sum, l) => sum + l.count, 0);
  return {
    tables,
    columns,
    facts: {
      invited: round.invitations.length,
      respondents: responses.length,
      meetingParticipants: round.invitations.reduce((sum, i) => sum + i.meetingParticipants, 0),
      splitters,
      referenceYear: round.referenceYear,
      roundId: round.id,
    },
    sections,
  };
}
