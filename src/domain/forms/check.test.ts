import { expect, test } from 'vitest';
import { checkFormDefinition, parseFormDefinition } from './check.ts';
import { formDefinitionSchema, type FormDefinitionInput } from './definition.ts';

const labels = (nb: string) => ({ nb, nn: nb, en: nb });

/** A small valid definition to break one thing at a time. */
const valid = (): FormDefinitionInput => ({
  id: 'check-cases',
  title: labels('Skjema'),
  unit_kinds: ['municipality'],
  years: { from: 2020, to: 2022 },
  source: 'tests',
  code_lists: [
    {
      id: 'rader',
      labels: labels('Rader'),
      source: 'tests',
      items: [
        { code: 'A', labels: labels('A') },
        { code: 'B', labels: labels('B'), years: [{ from: 2021 }] },
      ],
    },
    {
      id: 'kolonner',
      labels: labels('Kolonner'),
      source: 'tests',
      items: [{ code: 'X', labels: labels('X') }],
    },
  ],
  sections: [
    {
      key: 's1',
      number: '1',
      labels: labels('Del 1'),
      items: [
        { key: 'ja', kind: 'yes_no', labels: labels('Ja?') },
        {
          key: 'tabell',
          kind: 'grid',
          labels: labels('Tabell'),
          rows: { code_list: 'rader' },
          columns: { code_list: 'kolonner' },
          cell: { kind: 'integer' },
          shown_if: { item: 'ja', equals: true },
        },
      ],
    },
  ],
  rules: [{ id: 'r1', kind: 'not_above', severity: 'error', part: 'tabell/B/X', whole: 'tabell/A/X' }],
});

const problems = (change: (d: FormDefinitionInput) => void) => {
  const definition = valid();
  change(definition);
  return checkFormDefinition(formDefinitionSchema.parse(definition));
};

test('the valid definition has no problems', () => {
  expect(problems(() => undefined)).toEqual([]);
});

test('each mistake is named with its path and reason', () => {
  expect(
    problems((d) => {
      d.sections[0]!.items.push({ key: 'ja', kind: 'yes_no', labels: labels('Igjen') });
    }),
  ).toEqual([{ path: 'sections.0.items.2.key', message: 'duplicate key ja' }]);
  expect(
    problems((d) => {
      const grid = d.sections[0]!.items[1]!;
      if (grid.kind === 'grid') grid.rows = { code_list: 'ingen' };
    }),
  ).toEqual([
    { path: 'sections.0.items.1.rows.code_list', message: 'unknown code list ingen' },
    { path: 'rules.0.part', message: 'tabell has no row B' },
    { path: 'rules.0.whole', message: 'tabell has no row A' },
  ]);
  expect(
    problems((d) => {
      d.rules![0] = { id: 'r1', kind: 'not_above', severity: 'error', part: 'tabell/A/Y', whole: 'mangler' };
    }),
  ).toEqual([
    { path: 'rules.0.part', message: 'tabell has no column Y' },
    { path: 'rules.0.whole', message: 'no item mangler' },
  ]);
  expect(
    problems((d) => {
      d.sections[0]!.shown_if = { any: [{ item: 'nei', equals: true }] };
    }),
  ).toEqual([{ path: 'sections.0.shown_if.any.0.item', message: 'no item nei' }]);
});

test('an item prefilled from the accounts is an amount naming a measure and a function', () => {
  expect(
    problems((d) => {
      d.sections[0]!.items.push({
        key: 'utgift',
        kind: 'amount',
        unit: '1000 NOK',
        labels: labels('Utgift'),
        prefill: { source: 'accounts', key: 'AGD10:254', read_only: true },
      });
    }),
  ).toEqual([]);
  expect(
    problems((d) => {
      d.sections[0]!.items.push(
        {
          key: 'antall',
          kind: 'integer',
          labels: labels('Antall'),
          prefill: { source: 'accounts', key: 'AGD10:254' },
        },
        {
          key: 'utgift',
          kind: 'amount',
          unit: 'NOK',
          labels: labels('Utgift'),
          prefill: { source: 'accounts', key: '254' },
        },
      );
    }),
  ).toEqual([
    { path: 'sections.0.items.2.prefill', message: 'only an amount is prefilled from the accounts' },
    {
      path: 'sections.0.items.3.prefill.key',
      message: 'an accounts prefill names a measure and a function: MEASURE:FUNCTION, for example AGD10:254',
    },
  ]);
});

test('a label history must give exactly one text in every year its part is asked', () => {
  expect(
    problems((d) => {
      d.code_lists![0]!.items[1]!.labels = [
        { ...labels('B før'), years: [{ to: 2021 }] },
        { ...labels('B etter'), years: [{ from: 2021 }] },
      ];
    }),
  ).toEqual([{ path: 'code_lists.0.items.1.labels', message: 'more than one label for 2021' }]);
  expect(
    problems((d) => {
      d.sections[0]!.labels = [{ ...labels('Del 1'), years: [{ to: 2020 }] }];
    }),
  ).toEqual([{ path: 'sections.0.labels', message: 'no label for 2021, 2022' }]);
});

test('a file with a mistake is refused with its source, path and reason', () => {
  expect(() => parseFormDefinition({ ...valid(), years: { from: 2020 } }, 'skjema.json')).toThrow(
    'skjema.json, years.to: Invalid input: expected number, received undefined',
  );
  expect(() =>
    parseFormDefinition(
      {
        ...valid(),
        code_lists: [
          {
            id: 'rader',
            labels: labels('Rader'),
            source: 't',
            items: [{ code: 'A', labels: labels('A'), bounds: { min: 0, max: 1, unit: 'percent' } }],
          },
        ],
      },
      'skjema.json',
    ),
  ).toThrow(
    'skjema.json, code_lists.0.items.0: an item has labels or bounds (whose labels are written from the numbers), not both',
  );
  expect(() =>
    parseFormDefinition(
      {
        ...valid(),
        sections: [{ ...valid().sections[0]!, items: [{ key: 'x', kind: 'slider', labels: labels('x') }] }],
      },
      'skjema.json',
    ),
  ).toThrow(/^skjema\.json, sections\.0\.items\.0\.kind: /);
});
