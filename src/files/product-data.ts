import { parseCrossFormControls, type CrossFormControls } from '../domain/collection/cross-form.ts';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { readCsv } from '../domain/csv.ts';
import { DomainError } from '../domain/errors.ts';
import { MunicipalityReforms } from '../domain/reforms.ts';
import { parsePublicationPlan, type PublicationPlan } from '../domain/publication/split-publication.ts';
import {
  parseStatbankDescription,
  type StatbankDescription,
} from '../domain/publication/statbank-description.ts';
import { parseReferenceData, type ReferenceData } from '../domain/reference.ts';
import { parseSurveyDefinition, type SurveyDefinition } from '../domain/survey/definition.ts';
import { DATA_DIR, readJson } from './data-files.ts';

export async function loadReferenceData(): Promise<ReferenceData> {
  return parseReferenceData(
    await readJson('reference/size-groups.json'),
    await readJson('reference/selection-criteria.json'),
  );
}

interface MunicipalityStructure {
  readonly valid_from: number;
  readonly valid_to: number | null;
  readonly file: string;
}

export interface MunicipalityRow {
  readonly code: string;
  readonly name: string;
  readonly countyCode: string;
  readonly countyName: string;
}

/** Which of a list of dated files holds for a reference year. */
const heldIn = (year: number) => (s: MunicipalityStructure) =>
  s.valid_from <= year && (s.valid_to === null || year <= s.valid_to);

/** The rows of a reference CSV, header left out. */
async function readReferenceCsv(file: string): Promise<string[][]> {
  const text = await readFile(new URL(`reference/${file}`, DATA_DIR), 'utf8');
  return readCsv(text, `data/reference/${file}`)
    .slice(1)
    .map((line) => line.fields);
}

/** The municipalities of a reference year with their counties; undefined before 2019 (no list shipped). */
export async function loadMunicipalityRows(year: number): Promise<MunicipalityRow[] | undefined> {
  const { structures } = (await readJson('reference/municipality-structures.json')) as {
    structures: MunicipalityStructure[];
  };
  const structure = structures.find(heldIn(year));
  if (!structure) return undefined;
  return (await readReferenceCsv(structure.file)).map(
    ([code = '', name = '', countyCode = '', countyName = '']) => ({ code, name, countyCode, countyName }),
  );
}

/** Oslo's districts that report KOSTRA's forms (KLASS 103), code and name. */
export async function loadOsloDistricts(): Promise<ReadonlyMap<string, string>> {
  return new Map(
    (await readReferenceCsv('oslo-districts.csv')).map(([code = '', name = '']) => [code, name]),
  );
}

/** Each municipality's KOSTRA group in a reference year (EKG01…); empty before 2020 (no grouping shipped). */
export async function loadKostraGroups(year: number): Promise<ReadonlyMap<string, string>> {
  const { groupings } = (await readJson('reference/kostra-groups.json')) as {
    groupings: MunicipalityStructure[];
  };
  const grouping = groupings.find(heldIn(year));
  if (!grouping) return new Map();
  return new Map((await readReferenceCsv(grouping.file)).map(([code = '', , group = '']) => [code, group]));
}

/**
 * The municipality codes valid in a reference year, with names; undefined for a year the product has no
 * list for (before 2019).
 */
export async function loadMunicipalities(year: number): Promise<ReadonlyMap<string, string> | undefined> {
  const rows = await loadMunicipalityRows(year);
  return rows && new Map(rows.map((r) => [r.code, r.name]));
}

/** Members of KS' ASSS network in a year: joined before the year ended, not left before it began. */
export async function loadAsssMembers(year: number): Promise<Set<string>> {
  const { members } = (await readJson('reference/asss-membership.json')) as {
    members: { code: string; from: string | null; to?: string | null }[];
  };
  return new Set(
    members
      .filter((m) => (m.from === null || m.from < `${year + 1}-01-01`) && (!m.to || m.to >= `${year}-01-01`))
      .map((m) => m.code),
  );
}

/** Whether a form's rounds are survey rounds: it has a survey definition (`data/surveys/<id>.json`). */
export function hasSurveyDefinition(id: string): boolean {
  return existsSync(new URL(`surveys/${id}.json`, DATA_DIR));
}

/** A survey definition by id (`data/surveys/<id>.json`). */
export async function loadSurveyDefinition(id: string): Promise<SurveyDefinition> {
  if (!/^[a-z0-9-]+$/.test(id)) throw new DomainError(`"${id}" is not a survey definition id`);
  return parseSurveyDefinition(await readJson(`surveys/${id}.json`), `data/surveys/${id}.json`);
}

/** How a survey's split is published (`data/publication/<id>.json`): rules of protection and tables. */
export async function loadPublicationPlan(id: string): Promise<PublicationPlan> {
  if (!/^[a-z0-9-]+$/.test(id)) throw new DomainError(`"${id}" is not a survey definition id`);
  return parsePublicationPlan(await readJson(`publication/${id}.json`), `data/publication/${id}.json`);
}

/** A published table's StatBank file description (`data/publication/statbank/<table>.json`). */
export async function loadStatbankDescription(table: string): Promise<StatbankDescription> {
  if (!/^[A-Z0-9]+$/.test(table)) throw new DomainError(`"${table}" is not a table id`);
  const path = `publication/statbank/${table}.json`;
  if (!existsSync(new URL(path, DATA_DIR)))
    throw new DomainError(`table ${table} has no StatBank file description (data/${path})`);
  return parseStatbankDescription(await readJson(path), `data/${path}`);
}

/** Municipal reforms as dated changes (`data/reference/municipality-reforms.json`). */
export async function loadMunicipalityReforms(): Promise<MunicipalityReforms> {
  return MunicipalityReforms.parse(
    await readJson('reference/municipality-reforms.json'),
    'data/reference/municipality-reforms.json',
  );
}

/** The demo round shipped with the product: the 2022 pilot (synthetic amounts; see data/README.md). */
export const DEMO_ROUND_DIR = new URL('rounds/f254-pilot-2022/', DATA_DIR);

/** SN2007 → SN2025 for the industry codes of health and care (data/reference/industry-codes.json). */
export async function loadIndustryCorrespondence(): Promise<ReadonlyMap<string, string>> {
  const { correspondence } = (await readJson('reference/industry-codes.json')) as {
    correspondence: { sn2007: string; sn2025: string }[];
  };
  return new Map(correspondence.map((c) => [c.sn2007, c.sn2025]));
}

/** The controls across forms (data/forms/controls/cross-form.json). */
export async function loadCrossFormControls(): Promise<CrossFormControls> {
  return parseCrossFormControls(
    await readJson('forms/controls/cross-form.json'),
    'data/forms/controls/cross-form.json',
  );
}

export type { Population } from '../domain/population.ts';
import type { Population } from '../domain/population.ts';

/** The first and last 1 January the product has population for (data/reference/population/). */
const POPULATION_YEARS = { from: 2020, to: 2025 } as const;

/**
 * Each municipality's population at 31 December of a year, as KOSTRA divides that year's figures by it:
 * the population on 1 January of the next year (SSB table 07459), in the municipal structure of that day
 * (the figures of 2023 come in 2024's codes). Undefined for a year the product has no figures for.
 */
export async function loadPopulationAtEndOf(
  year: number,
): Promise<ReadonlyMap<string, Population> | undefined> {
  const day = year + 1;
  if (day < POPULATION_YEARS.from || day > POPULATION_YEARS.to) return undefined;
  const file = `population/population-${day}.csv`;
  return new Map(
    (await readReferenceCsv(file)).map(([region = '', , total = '', age67 = '', age80 = ''], i) => {
      const numbers = [total, age67, age80].map(Number);
      if (!/^\d{4}$/.test(region) || numbers.some((n) => !Number.isInteger(n) || n < 0))
        throw new DomainError(`not a municipality's population: ${[region, total, age67, age80].join(',')}`, [
          `data/reference/${file}`,
          `line ${i + 2}`,
        ]);
      return [region, { total: numbers[0]!, age67plus: numbers[1]!, age80plus: numbers[2]! }];
    }),
  );
}
