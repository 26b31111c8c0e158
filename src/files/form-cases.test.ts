import { readdir, readFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import * as z from 'zod';
import { parseFormDefinition } from '../domain/forms/check.ts';
import { resolveForm } from '../domain/forms/resolve.ts';
import { validateAnswers } from '../domain/forms/validate.ts';
import { isLanguage } from '../domain/language.ts';
import { DATA_DIR } from './data-files.ts';
import { loadFormLibrary } from './form-definitions.ts';

/*
 * The rule cases of data/forms/cases/: each file names a form (or holds one of its own) and a year, answers
 * shared by its cases, and cases of answers with the findings they must give, exactly. A statistician adds a
 * case by adding JSON; this runner reads every file. docs/FORMS.md describes the format.
 */

const answer = z.union([z.number(), z.boolean(), z.string(), z.array(z.string()), z.null()]);
const caseFile = z.strictObject({
  description: z.string(),
  form: z.string().optional(),
  definition: z.unknown().optional(),
  year: z.number().int(),
  prefilled: z.record(z.string(), z.number().nullable()).default({}),
  base: z.record(z.string(), answer).default({}),
  cases: z
    .array(
      z.strictObject({
        name: z.string().min(1),
        answers: z.record(z.string(), answer),
        language: z.string().refine(isLanguage, 'nb, nn or en').default('nb'),
        expect: z.array(
          z.strictObject({
            rule: z.string(),
            path: z.string(),
            severity: z.enum(['error', 'warning']),
            message: z.string().optional(),
          }),
        ),
      }),
    )
    .min(1),
});

const folder = new URL('forms/cases/', DATA_DIR);
const files = (await readdir(folder)).filter((f) => f.endsWith('.json')).sort();
const library = await loadFormLibrary();

test('there are case files, for the KOSTRA forms and for the engine', () => {
  expect(files).toEqual(expect.arrayContaining(['engine-rules.json', 'kostra-skjema-1-2021.json']));
});

describe.each(files)('%s', async (file) => {
  const cases = caseFile.parse(JSON.parse(await readFile(new URL(file, folder), 'utf8')));
  const definition =
    cases.definition !== undefined
      ? parseFormDefinition(cases.definition, `cases/${file}`, library.lists)
      : library.forms.find((f) => f.id === cases.form);
  if (!definition) throw new Error(`${file}: no form ${cases.form}`);
  const form = resolveForm(definition, cases.year, library.lists);

  test.each(cases.cases)('$name', (c) => {
    const answers = { ...cases.base, ...c.answers };
    const { errors, warnings } = validateAnswers(form, answers, c.language, {
      prefilled: cases.prefilled,
    });
    const found = [...errors, ...warnings];
    const key = (f: { rule: string; path: string; severity: string }) => `${f.severity} ${f.rule} ${f.path}`;
    expect(found.map((f) => key({ rule: f.ruleId, path: f.path, severity: f.severity })).sort()).toEqual(
      c.expect.map(key).sort(),
    );
    for (const wanted of c.expect.filter((e) => e.message !== undefined))
      expect(found.find((f) => f.ruleId === wanted.rule && f.path === wanted.path)?.message).toBe(
        wanted.message,
      );
  });
});
