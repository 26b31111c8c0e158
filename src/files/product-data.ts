import { ChartOfAccounts, parseChart, parseCodeFile, type CodeFile } from '../domain/accounts/chart.ts';
import { parseControlRules, type ControlRule } from '../domain/accounts/control-rules.ts';
import { parseKeyFigureDefinitions, type KeyFigureDefinition } from '../domain/accounts/key-figures.ts';
import { parsePublicationPlan, type PublicationPlan } from '../domain/publication/split-publication.ts';
import { readFile } from 'node:fs/promises';
import { DomainError } from '../domain/errors.ts';
import { parseReferenceData, type ReferenceData } from '../domain/reference.ts';
import { parseSurveyDefinition, type SurveyDefinition } from '../domain/survey/definition.ts';

/** The reference data and survey definitions shipped with the product, in `data/`. */
export const DATA_DIR = new URL('../../data/', import.meta.url);

async function readJson(relative: string): Promise<unknown> {
  const url = new URL(relative, DATA_DIR);
  try {
    return JSON.parse(await readFile(url, 'utf8')) as unknown;
  } catch (error) {
    throw new DomainError(error instanceof Error ? error.message : 'unreadable', [`data/${relative}`], {
      cause: error,
    });
  }
}

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

/**
 * The municipality codes valid in a reference year, with names; undefined for a year the product has no
 * list for (before 2020).
 */
export async function loadMunicipalities(year: number): Promise<ReadonlyMap<string, string> | undefined> {
  const { structures } = (await readJson('reference/municipality-structures.json')) as {
    structures: MunicipalityStructure[];
  };
  const structure = structures.find(
    (s) => s.valid_from <= year && (s.valid_to === null || year <= s.valid_to),
  );
  if (!structure) return undefined;
  const text = await readFile(new URL(`reference/${structure.file}`, DATA_DIR), 'utf8');
  const rows = text.trim().split(/\r?\n/).slice(1);
  return new Map(rows.map((line) => [line.slice(0, 4), line.split(',')[1] ?? '']));
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

/** The chart of accounts by year, with the code lists it names (`data/accounts/`). */
export async function loadChartOfAccounts(): Promise<ChartOfAccounts> {
  const data = parseChart(
    await readJson('accounts/chart-of-accounts.json'),
    'data/accounts/chart-of-accounts.json',
  );
  const files = new Map<string, CodeFile>();
  for (const file of new Set(data.periods.map((p) => p.file)))
    files.set(file, parseCodeFile(await readJson(`accounts/${file}`), `data/accounts/${file}`));
  return new ChartOfAccounts(data, files);
}

/** SSB's controls of the accounts, as data (`data/accounts/controls.json`). */
export async function loadControlRules(): Promise<ControlRule[]> {
  return parseControlRules(await readJson('accounts/controls.json'), 'data/accounts/controls.json');
}

/** The art definitions of AGD10, AGD4, AGD16 and AGD2 by year (`data/accounts/key-figures.json`). */
export async function loadKeyFigureDefinitions(): Promise<KeyFigureDefinition[]> {
  return parseKeyFigureDefinitions(
    await readJson('accounts/key-figures.json'),
    'data/accounts/key-figures.json',
  );
}

/** The demo round shipped with the product: the 2022 pilot (synthetic amounts; see data/README.md). */
export const DEMO_ROUND_DIR = new URL('rounds/f254-pilot-2022/', DATA_DIR);
