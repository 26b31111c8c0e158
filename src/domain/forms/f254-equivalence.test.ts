import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import lists from '../../../data/forms/code-lists.json' with { type: 'json' };
import f254Form from '../../../data/forms/f254.json' with { type: 'json' };
import { definition as survey } from '../testing/rounds.ts';
import { withFunctions } from '../survey/functions-text.ts';
import { answersOf, surveyOnEngine } from '../survey/on-engine.ts';
import type { ResponseContent } from '../survey/response.ts';
import { validateResponse } from '../validation/validate.ts';
import type { Finding } from '../validation/finding.ts';
import { parseCodeLists, parseFormDefinition } from './check.ts';
import { resolveForm } from './resolve.ts';
import { validateAnswers, type FormFinding } from './validate.ts';

/*
 * Survey rounds are validated by the engine, through the survey compiled into the forms language
 * (survey/on-engine.ts). data/forms/f254.json is f254 written out in that language for every year. Here the
 * two are held together: the file is what the survey compiles to, with the round's functions worded in (254
 * until 2023, 257 and 258 from 2024); and the survey's findings, put back in the survey's terms (table, row,
 * measure, severity), are what the engine finds on the file for any response the survey's structure admits.
 */

const form = resolveForm(
  parseFormDefinition(f254Form, 'f254.json', parseCodeLists(lists, 'code-lists.json')),
  2021,
  parseCodeLists(lists, 'code-lists.json'),
);

const surveyTerms = (f: Finding): string => {
  switch (f.kind) {
    case 'amount_not_negative':
    case 'amount_whole_number':
      return `error cell ${f.table}/${f.row}/${f.measure}`;
    case 'fewer_than_5_without_amounts':
      return `error ticked ${f.table}/${f.row}`;
    case 'rows_not_above_part_of':
      return `${f.severity} part ${f.table}/${f.measure}`;
    case 'table_not_above_prefilled':
      return `${f.severity} prefilled ${f.table}/${f.measure}`;
    case 'method_given_when_split':
      return `${f.severity} method ${f.table}`;
    case 'warnings_need_comment':
      return `${f.severity} comment`;
    default:
      return `${f.severity} ${f.kind} ${f.table}/${f.row}/${f.measure}`;
  }
};

const formTerms = (f: FormFinding): string => {
  const [table, row, measure] = f.path.split('/');
  switch (f.kind) {
    case 'below_min':
    case 'not_whole':
      return `error cell ${f.path}`;
    case 'flag_with_values':
      return `error ticked ${table}/${row}`;
    case 'not_above':
      return f.ruleId.startsWith('parts-not-above-whole')
        ? `${f.severity} part ${table}/${measure}`
        : `${f.severity} prefilled ${table}/${measure}`;
    case 'required_if':
      return `${f.severity} method ${f.path.replace(/_methods$/, '')}`;
    case 'comment_required':
      return `${f.severity} comment`;
    default:
      return `${f.severity} ${f.kind} ${f.path}`;
  }
};

const same = (content: ResponseContent, prefilled: Record<string, number | null>) => {
  const old = validateResponse(survey, content, prefilled, 'nb');
  const now = validateAnswers(form, answersOf(content), 'nb', { prefilled });
  const terms = <T>(found: readonly T[], put: (f: T) => string) => [...new Set(found.map(put))].sort();
  expect(terms([...now.errors, ...now.warnings], formTerms)).toEqual(
    terms([...old.errors, ...old.warnings], surveyTerms),
  );
  return true;
};

const amount = fc.oneof(
  fc.constant(null),
  fc.integer({ min: 0, max: 5000 }),
  fc.integer({ min: -50, max: -1 }),
  fc.double({ min: 0, max: 100, noNaN: true }),
);
const measures = survey.measures.map((m) => m.code);
const response: fc.Arbitrary<ResponseContent> = fc.record({
  comments: fc.constantFrom('', '  ', 'Forklart.'),
  tables: fc
    .tuple(
      ...survey.tables.map((table) =>
        fc
          .option(
            fc.record({
              methods: fc.subarray(survey.methods.map((m) => m.code)),
              rows: fc
                .tuple(
                  ...table.rows.map((row) =>
                    fc
                      .option(
                        fc.record({
                          fewerThan5: fc.boolean(),
                          amounts: fc
                            .tuple(...measures.map(() => amount))
                            .map((values) =>
                              Object.fromEntries(measures.map((m, i) => [m, values[i] ?? null])),
                            ),
                        }),
                        { nil: undefined },
                      )
                      .map((r) => [row.key, r] as const),
                  ),
                )
                .map((rows) => Object.fromEntries(rows.filter(([, r]) => r !== undefined))),
            }),
            { nil: undefined },
          )
          .map((t) => [table.key, t] as const),
      ),
    )
    .map((tables) => Object.fromEntries(tables.filter(([, t]) => t !== undefined))),
}) as fc.Arbitrary<ResponseContent>;
const prefilled = fc
  .tuple(...measures.map(() => fc.option(fc.integer({ min: 0, max: 20000 }), { nil: null })))
  .map((values) => Object.fromEntries(measures.map((m, i) => [m, values[i] ?? null])));

describe('f254 on the forms engine', () => {
  test('a split within the totals, explained: no finding either way', () => {
    const content: ResponseContent = {
      comments: '',
      tables: {
        business_types: {
          methods: ['RESPONSIBILITY'],
          rows: {
            AMBULANT: { fewerThan5: false, amounts: { AGD10: 600, AGD4: 500, AGD16: 400, AGD2: 550 } },
            HOUSING_BASE: { fewerThan5: false, amounts: { AGD10: 300, AGD4: 250, AGD16: 200, AGD2: 280 } },
          },
        },
        housing_base_target_groups: {
          methods: ['RESPONSIBILITY'],
          rows: { ELDERLY: { fewerThan5: false, amounts: { AGD10: 300, AGD4: 250, AGD16: 200, AGD2: 280 } } },
        },
      },
    };
    same(content, { AGD10: 1000, AGD4: 900, AGD16: 800, AGD2: 950 });
    expect(validateAnswers(form, answersOf(content), 'nb', { prefilled: { AGD10: 1000 } }).errors).toEqual(
      [],
    );
  });

  test.each([
    { year: 2021, functions: ['254'] },
    { year: 2024, functions: ['257', '258'] },
  ])('data/forms/f254.json for $year is the survey compiled, functions $functions', ({ year, functions }) => {
    const written = resolveForm(
      parseFormDefinition(f254Form, 'f254.json', parseCodeLists(lists, 'code-lists.json')),
      year,
      parseCodeLists(lists, 'code-lists.json'),
    );
    const { form: compiled } = surveyOnEngine(withFunctions(survey, functions));
    expect(compiled.sections).toEqual(written.sections);
    expect(compiled.rules).toEqual(written.rules);
    expect(compiled.warningsNeedComment).toBe(written.warningsNeedComment);
  });

  test('the same findings as the survey validator for any response', () => {
    fc.assert(
      fc.property(response, prefilled, (content, totals) => same(content, totals)),
      { seed: 254, numRuns: 500 },
    );
  });
});
