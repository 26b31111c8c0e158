import { describe, expect, test } from 'vitest';
import { parseResponsesJson } from './responses-json.ts';

const entry = (overrides: Record<string, unknown> = {}) => ({
  municipality: '3403',
  submitted_at: '2022-05-19T14:02:00+02:00',
  comments: 'Se merknad',
  tables: {
    business_types: {
      methods: ['RESPONSIBILITY'],
      rows: { BPA: { fewer_than_5: false, amounts: { AGD10: 12, AGD4: null, AGD16: 9, AGD2: 11 } } },
    },
  },
  ...overrides,
});
const file = (responses: unknown[], top: Record<string, unknown> = {}) =>
  JSON.stringify({ survey: 'f254-test', reference_year: 2021, unit: '1000 NOK', responses, ...top });

describe('parseResponsesJson', () => {
  test('reads responses into the domain shape', () => {
    const parsed = parseResponsesJson(file([entry()]));
    expect(parsed).toEqual({
      survey: 'f254-test',
      referenceYear: 2021,
      unit: '1000 NOK',
      responses: [
        {
          municipality: '3403',
          submittedAt: '2022-05-19T14:02:00+02:00',
          comments: 'Se merknad',
          tables: {
            business_types: {
              methods: ['RESPONSIBILITY'],
              rows: { BPA: { fewerThan5: false, amounts: { AGD10: 12, AGD4: null, AGD16: 9, AGD2: 11 } } },
            },
          },
        },
      ],
    });
  });

  test.each([
    ['not JSON', '{"survey": ', 'responses.json: not valid JSON'],
    [
      'a missing reference year',
      JSON.stringify({ survey: 's', unit: 'u', responses: [] }),
      'responses.json, reference_year:',
    ],
    ['an unknown top-level field', file([], { extra: 1 }), 'responses.json, top level:'],
    [
      'text in an amount field',
      file([
        entry(),
        entry({
          municipality: '5041',
          tables: {
            business_types: {
              methods: [],
              rows: { BPA: { fewer_than_5: false, amounts: { AGD10: '12 000' } } },
            },
          },
        }),
      ]),
      'responses.json, response 2 (municipality 5041), tables.business_types.rows.BPA.amounts.AGD10:',
    ],
    [
      'a box that is not true or false',
      file([
        entry({
          tables: { target_groups: { methods: [], rows: { ELDERLY: { fewer_than_5: 'ja', amounts: {} } } } },
        }),
      ]),
      'responses.json, response 1 (municipality 3403), tables.target_groups.rows.ELDERLY.fewer_than_5:',
    ],
    [
      'a time without offset',
      file([entry({ submitted_at: '2022-05-19 14:02' })]),
      'response 1 (municipality 3403), submitted_at:',
    ],
    [
      'a bad municipality code',
      file([entry({ municipality: '34' })]),
      'response 1 (municipality 34), municipality:',
    ],
    [
      'a misspelt field',
      file([entry({ coments: 'x' })]),
      'response 1 (municipality 3403): Unrecognized key: "coments"',
    ],
  ])('refuses %s, naming where', (_name, text, message) => {
    expect(() => parseResponsesJson(text)).toThrow(message);
  });

  test('refuses two responses from one municipality', () => {
    expect(() => parseResponsesJson(file([entry(), entry()]))).toThrow(
      'responses.json, response 2 (municipality 3403): municipality 3403 already answered in response 1',
    );
  });
});
