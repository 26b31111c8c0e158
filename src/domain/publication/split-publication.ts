import { parseData } from '../parse-data.ts';
import * as z from 'zod';
import { DomainError } from '../errors.ts';
import type { ReferenceData } from '../reference.ts';
import {
  assertPublishable,
  auditSuppression,
  suppressTable,
  type AuditReport,
  type SuppressionOutcome,
} from '../confidentiality/suppress.ts';
import type { LinearSolver } from '../confidentiality/linear-solver.ts';
import { buildTable, type InnerRecord } from '../confidentiality/table.ts';
import { findTable, type SurveyDefinition } from '../survey/definition.ts';
import type { SurveyRound } from '../survey/round.ts';
import type { Population } from '../population.ts';
import { measureContents, perPerson, type Divisor } from './per-inhabitant.ts';
import { combinations, type CellSymbol, type Codelist, type PublishedDataset } from './dataset.ts';

const planSchema = z.object({
  source: z.string(),
  rules: z.array(
    z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('flagged') }),
      z.object({ kind: z.literal('frequency'), maxN: z.number().int().min(0), protectZeros: z.boolean() }),
      z.object({ kind: z.literal('dominance'), n: z.number().int().min(1), k: z.number().min(0).max(100) }),
    ]),
  ),
  singletons: z.boolean(),
  protection: z.object({ absolute: z.number().min(0), relative: z.number().min(0) }),
  lower_bound: z.number(),
  tables: z
    .array(
      z.object({
        id: z.string().regex(/^[A-Z0-9]+$/),
        table: z.string(),
        label: z.string(),
        label_en: z.string().optional(),
        description: z.string(),
        description_en: z.string().optional(),
      }),
    )
    .min(1),
});

/** How a survey's split is published: the rules of protection and the tables, as data. */
export type PublicationPlan = z.infer<typeof planSchema>;

export function parsePublicationPlan(input: unknown, source: string): PublicationPlan {
  return parseData(planSchema, input, source);
}

export const NOT_SPLIT = 'IKKE_FORDELT';
export const ALL_RESPONDENTS = 'I_ALT';
/** The country without Oslo, as KOSTRA codes it; Oslo is also KOSTRA group 13 alone. */
export const WITHOUT_OSLO = 'EAKUO';
const OSLO = '0301';
/** The code Oslo has in the without-Oslo column: a cell equal to Oslo's own, never shown. */
const OSLO_ALONE = 'OSLO';
const NO_GROUP = 'EKG_UKJENT';

/** Where a municipality belongs among KOSTRA's regions in the round's year: its county and KOSTRA group. */
export interface KostraRegionOf {
  readonly countyCode: string;
  readonly countyName: string;
  /** EKG01…EKG17; undefined for a year without a grouping. */
  readonly group?: string;
}

/**
 * The columns of the Region dimension: a municipality sums to its size group, its county (EKA), its KOSTRA
 * group (EKG) and the country without Oslo (EAKUO), and all to the total. These hierarchies are linked:
 * group 13 is Oslo alone, and the total less EAKUO is Oslo, so they are suppressed as one table and no
 * withheld cell can be found again through another.
 */
export const REGION_COLUMNS = [
  'municipality',
  'size_group',
  'county',
  'kostra_group',
  'without_oslo',
] as const;

/** A municipality's codes in the Region columns. */
export function regionCodes(municipality: string, sizeGroup: string, region: KostraRegionOf | undefined) {
  return {
    municipality,
    size_group: sizeGroupCode(sizeGroup),
    county: region ? `EKA${region.countyCode}` : 'EKA_UKJENT',
    kostra_group: region?.group ?? NO_GROUP,
    without_oslo: municipality === OSLO ? OSLO_ALONE : WITHOUT_OSLO,
  };
}

/** A size group as a code that travels in a URL: `<5000` becomes `KG_U5000`, `20000+` `KG_20000P`. */
export const sizeGroupCode = (group: string) =>
  `KG_${group.replace('+', 'P').replace('<', 'U').replaceAll('-', '_')}`;

/**
 * The inner cells of one questionnaire table for one measure: each responding municipality's rows, with what
 * it did not split ("ikke fordelt": the KOSTRA total less the rows, never below zero). Rows ticked "fewer
 * than five users" are flagged; an amount not given counts as zero (the cost is then in "ikke fordelt").
 */
function innerRecords(
  round: SurveyRound,
  definition: SurveyDefinition,
  tableKey: string,
  measure: string,
  regions: ReadonlyMap<string, KostraRegionOf>,
) {
  const table = findTable(definition, tableKey);
  if (!table) throw new DomainError(`no table ${tableKey} in survey ${definition.id}`);
  const invited = new Map(round.invitations.map((i) => [i.municipality, i]));
  const records: InnerRecord[] = [];
  for (const response of round.responses) {
    const invitation = invited.get(response.municipality);
    if (!invitation) continue;
    const answer = response.tables[tableKey];
    const rows = table.rows.map((row) => {
      const given = answer?.rows[row.key];
      return { key: row.key, amount: given?.amounts[measure] ?? null, flagged: given?.fewerThan5 === true };
    });
    const prefilled = invitation.prefilled[measure] ?? null;
    if (prefilled === null && rows.every((r) => r.amount === null)) continue; // nothing known for this measure
    const reported = rows.reduce((sum, r) => sum + (r.amount ?? 0), 0);
    const codes = (category: string) => ({
      ...regionCodes(response.municipality, invitation.sizeGroup, regions.get(response.municipality)),
      category,
    });
    const contributor = response.municipality;
    for (const r of rows)
      records.push({
        codes: codes(r.key),
        value: r.amount ?? 0,
        frequency: 1,
        contributor,
        flagged: r.flagged,
      });
    records.push({
      codes: codes(NOT_SPLIT),
      value: Math.max(0, (prefilled ?? reported) - reported),
      frequency: 1,
      contributor,
    });
  }
  return records;
}

/**
 * The KOSTRA regions the respondents make: the country without Oslo (when Oslo answered and others did),
 * each county and each KOSTRA group that has a respondent; labelled as the respondents' sums, which they are.
 */
function kostraAggregates(respondents: readonly string[], regions: ReadonlyMap<string, KostraRegionOf>) {
  const of = (key: (r: KostraRegionOf) => string | undefined) => {
    const groups = new Map<string, string[]>();
    for (const m of respondents) {
      const code = regions.get(m) && key(regions.get(m)!);
      if (code) groups.set(code, [...(groups.get(code) ?? []), m]);
    }
    return [...groups].sort(([a], [b]) => a.localeCompare(b));
  };
  const withoutOslo = respondents.filter((m) => m !== OSLO);
  return [
    ...(withoutOslo.length > 0 && withoutOslo.length < respondents.length
      ? [
          {
            code: WITHOUT_OSLO,
            label: 'Landet uten Oslo, kommuner som svarte',
            labelEn: 'Norway excluding Oslo, responding municipalities',
            members: withoutOslo,
          },
        ]
      : []),
    ...of((r) => `EKA${r.countyCode}`).map(([code, members]) => {
      const name = regions.get(members[0]!)!.countyName;
      return {
        code,
        label: `${name}, kommuner som svarte`,
        labelEn: `${name}, responding municipalities`,
        members,
      };
    }),
    ...of((r) => r.group).map(([code, members]) => ({
      code,
      label: `KOSTRA-gruppe ${Number(code.slice(3))}, kommuner som svarte`,
      labelEn: `KOSTRA group ${Number(code.slice(3))}, responding municipalities`,
      members,
    })),
  ];
}

export interface PublishedSplit {
  readonly dataset: PublishedDataset;
  readonly audits: readonly { readonly measure: string; readonly report: AuditReport }[];
}

/**
 * One table of the split for publication: per municipality, per size group and for all respondents, each
 * category with "ikke fordelt" and the function total, for every measure; each measure suppressed by the
 * plan and audited, and refused (naming the cell) if the audit fails.
 */
export function publishSplit(
  round: SurveyRound,
  definition: SurveyDefinition,
  reference: ReferenceData,
  plan: PublicationPlan,
  tablePlan: PublicationPlan['tables'][number],
  solver: LinearSolver,
  updated: string,
  /** The groupings of municipalities a reader may ask for (counties, KOSTRA groups…), for the Region variable. */
  regionCodelists: readonly Codelist[] = [],
  /** Each municipality's county and KOSTRA group in the round's year. */
  kostraRegions: ReadonlyMap<string, KostraRegionOf> = new Map(),
  /** Each municipality's population at the end of the round's year, for figures per inhabitant. */
  population?: ReadonlyMap<string, Population>,
): PublishedSplit {
  const questionnaire = findTable(definition, tablePlan.table);
  if (!questionnaire)
    throw new DomainError(`no table ${tablePlan.table} in survey ${definition.id}`, [tablePlan.id]);
  const outcomes = new Map<string, SuppressionOutcome>();
  const audits: { measure: string; report: AuditReport }[] = [];
  for (const measure of definition.measures) {
    const records = innerRecords(round, definition, tablePlan.table, measure.code, kostraRegions);
    if (records.length === 0) continue;
    const table = buildTable(
      [
        { name: 'Region', columns: REGION_COLUMNS },
        { name: 'Kategori', columns: ['category'] },
      ],
      records,
    );
    const options = {
      rules: plan.rules,
      weight: 'value' as const,
      singletons: plan.singletons,
      protection: plan.protection,
      lowerBound: plan.lower_bound,
    };
    const outcome = suppressTable(table, options, solver);
    const report = auditSuppression(outcome, {
      solver,
      protection: plan.protection,
      lowerBound: plan.lower_bound,
    });
    assertPublishable(`${tablePlan.id} ${measure.code}`, report);
    outcomes.set(measure.code, outcome);
    audits.push({ measure: measure.code, report });
  }

  const respondents = new Set(round.responses.map((r) => r.municipality));
  const municipalities = round.invitations
    .filter((i) => respondents.has(i.municipality))
    .sort((a, b) => a.municipality.localeCompare(b.municipality));
  const groups = reference.sizeGroups.filter((g) => municipalities.some((m) => m.sizeGroup === g.code));
  const members = (inGroup: (m: (typeof municipalities)[number]) => boolean) =>
    municipalities.filter(inGroup).map((m) => m.municipality);
  const regions = [
    {
      code: ALL_RESPONDENTS,
      label: 'Alle kommuner som svarte',
      labelEn: 'All responding municipalities',
      members: members(() => true),
    },
    ...groups.map((g) => ({
      code: sizeGroupCode(g.code),
      label: g.labels.nb,
      labelEn: g.labels.en,
      members: members((m) => m.sizeGroup === g.code),
    })),
    ...kostraAggregates(
      municipalities.map((m) => m.municipality),
      kostraRegions,
    ),
    ...municipalities.map((m) => ({ code: m.municipality, label: `${m.municipality} ${m.name}` })),
  ];
  const total = `F${definition.function}`;
  const categories = [
    ...questionnaire.rows.map((r) => ({ code: r.key, label: r.labels.nb, labelEn: r.labels.en })),
    { code: NOT_SPLIT, label: 'Ikke fordelt', labelEn: 'Not split' },
    {
      code: total,
      label: `Funksjon ${definition.function} i alt`,
      labelEn: `Function ${definition.function}, total`,
      members: [...questionnaire.rows.map((r) => r.key), NOT_SPLIT],
    },
  ];
  // Each measure in 1000 NOK, and per inhabitant, 67+ and 80+ of the region's respondents where the
  // population is known: a ratio of a withheld cell is withheld with it.
  const measures = definition.measures.flatMap((m) =>
    measureContents({ code: m.code, label: m.labels.nb, labelEn: m.labels.en })
      .filter((c) => c.divisor === undefined || population)
      .map((c) => ({ ...c, measure: m.code })),
  );
  const peopleOf = (region: { code: string; members?: readonly string[] }, divisor: Divisor) => {
    const members = region.members ?? [region.code];
    const known = members.map((m) => population?.get(m));
    return known.some((p) => p === undefined) ? undefined : known.reduce((s, p) => s + divisor.of(p!), 0);
  };
  const year = String(round.referenceYear);

  // Cells of each measure's table by their codes, to fill the dataset.
  const lookup = new Map<string, { value: number; status: string }>();
  for (const [measure, outcome] of outcomes) {
    for (const cell of outcome.table.cells) {
      const region = cell.codes[0];
      const category = cell.codes[1]?.code ?? `F${definition.function}`;
      const regionCode = region ? region.code : ALL_RESPONDENTS;
      lookup.set(`${measure}|${regionCode}|${category}`, {
        value: cell.value,
        status: outcome.status[cell.index]!,
      });
    }
  }
  const sizes = [regions.length, categories.length, measures.length, 1];
  const values: (number | null)[] = [];
  const status: (CellSymbol | null)[] = [];
  for (const [r, c, m] of combinations(sizes)) {
    const { measure, divisor } = measures[m!]!;
    const found = lookup.get(`${measure}|${regions[r!]!.code}|${categories[c!]!.code}`);
    const people = divisor && peopleOf(regions[r!]!, divisor);
    if (!found || (divisor && !people)) {
      values.push(null);
      status.push('..');
    } else if (found.status !== 'published') {
      values.push(null);
      status.push(':');
    } else {
      values.push(divisor ? perPerson(found.value, people!) : found.value);
      status.push(null);
    }
  }
  const count = (s: string) =>
    [...outcomes.values()].reduce((n, o) => n + o.status.filter((x) => x === s).length, 0);
  return {
    dataset: {
      id: tablePlan.id,
      label: `${tablePlan.label} (1000 kr)`,
      ...(tablePlan.label_en ? { labelEn: `${tablePlan.label_en} (NOK 1000)` } : {}),
      description: tablePlan.description,
      ...(tablePlan.description_en ? { descriptionEn: tablePlan.description_en } : {}),
      source: 'Statistisk sentralbyrå',
      updated,
      decimals: 0,
      dimensions: [
        {
          id: 'Region',
          label: 'region',
          labelEn: 'region',
          role: 'geo',
          categories: regions,
          elimination: ALL_RESPONDENTS,
          codelists: regionCodelists,
        },
        {
          id: 'Kategori',
          label: questionnaire.labels.nb.toLowerCase(),
          labelEn: questionnaire.labels.en.toLowerCase(),
          categories,
          elimination: total,
        },
        {
          id: 'ContentsCode',
          label: 'statistikkvariabel',
          labelEn: 'contents',
          role: 'metric',
          categories: measures.map(({ measure: _m, divisor: _d, ...category }) => category),
        },
        { id: 'Tid', label: 'år', labelEn: 'year', role: 'time', categories: [{ code: year, label: year }] },
      ],
      values,
      status,
      notes: [
        `Tallene gjelder kommunene som svarte i undersøkelsen ${round.id}, ikke hele landet.`,
        'Kolon (:) betyr at tallet er skjult for ikke å avsløre opplysninger om enkeltpersoner (statistikkloven § 7).',
        'To prikker (..) betyr at tall mangler.',
      ],
      notesEn: [
        `The figures are for the municipalities that responded to the survey ${round.id}, not the whole country.`,
        'A colon (:) means the figure is withheld so as not to disclose information about individuals (Statistics Act § 7).',
        'Two dots (..) mean the figure is not available.',
      ],
      protection: {
        primary: count('primary'),
        secondary: count('secondary'),
        checked: [...new Set(audits.flatMap((a) => a.report.checked))],
      },
    },
    audits,
  };
}
