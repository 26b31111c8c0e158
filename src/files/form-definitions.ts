import { readdir, readFile } from 'node:fs/promises';
import { checkFormDefinition, parseCodeLists, parseFormDefinition } from '../domain/forms/check.ts';
import type { DefinitionProblem } from '../domain/forms/check.ts';
import { formDefinitionSchema, type CodeList, type FormDefinition } from '../domain/forms/definition.ts';
import * as z from 'zod';
import type { GridTablePlan } from '../domain/forms/grid-publication.ts';
import { parseData } from '../domain/parse-data.ts';
import { DATA_DIR, readJson } from './data-files.ts';

/** The forms shipped in data/forms/, each checked whole, with the code lists they share. */
export interface FormLibrary {
  readonly lists: readonly CodeList[];
  readonly forms: readonly FormDefinition[];
}

const SHARED = 'code-lists.json';

export async function loadFormLibrary(): Promise<FormLibrary> {
  const lists = parseCodeLists(await readJson(`forms/${SHARED}`), `data/forms/${SHARED}`);
  const files = (await readdir(new URL('forms/', DATA_DIR)))
    .filter((f) => f.endsWith('.json') && f !== SHARED)
    .sort();
  const forms: FormDefinition[] = [];
  for (const file of files)
    forms.push(parseFormDefinition(await readJson(`forms/${file}`), `data/forms/${file}`, lists));
  return { lists, forms };
}

/**
 * Checks a definition file as `kostra forms check` does: every fault, each with its path in the file, or
 * none. JSON that does not parse is one fault that says where it stops.
 */
export async function checkFormDefinitionFile(
  path: string,
  lists: readonly CodeList[],
): Promise<DefinitionProblem[]> {
  let input: unknown;
  try {
    input = JSON.parse(await readFile(path, 'utf8')) as unknown;
  } catch (error) {
    return [{ path: '', message: error instanceof Error ? error.message : 'unreadable' }];
  }
  const parsed = formDefinitionSchema.safeParse(input);
  if (!parsed.success)
    return parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
  return checkFormDefinition(parsed.data, lists);
}

const gridTablePlan = z.strictObject({
  id: z.string().regex(/^[A-Z][A-Z0-9]*$/, 'a table id in capitals'),
  grid: z.string(),
  label: z.string().min(1),
  label_en: z.string().min(1),
  description: z.string().min(1),
  rows: z.strictObject({ id: z.string().min(1), label: z.string().min(1), label_en: z.string().min(1) }),
  columns: z.strictObject({ id: z.string().min(1), label: z.string().min(1), label_en: z.string().min(1) }),
  contents: z.strictObject({
    code: z.string().min(1),
    label: z.string().min(1),
    label_en: z.string().min(1),
    unit: z.string().min(1),
  }),
  protection_note: z.string().min(1),
});

/** A form's publication plan (data/publication/<form>.json): the grids it publishes as tables. */
export async function loadFormPublicationPlan(formId: string): Promise<GridTablePlan[]> {
  const file = `publication/${formId}.json`;
  return parseData(
    z.object({ source: z.string(), tables: z.array(gridTablePlan).min(1) }),
    await readJson(file),
    `data/${file}`,
  ).tables;
}
