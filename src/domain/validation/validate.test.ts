import { describe, expect, test } from 'vitest';
import f254 from '../../../data/surveys/f254.json' with { type: 'json' };
import { parseSurveyDefinition } from '../survey/definition.ts';
import type { ResponseContent, ResponseRow, ResponseTable } from '../survey/response.ts';
import { validateResponse } from './validate.ts';

// f254 and a rule it no longer has: AGD4 as SSB defines it ((010..290, 429, 590) - (690, 729, 790)) leaves
// out purchases and transfers but keeps the sick-pay refunds in, so it can exceed AGD10 and the form does not
// forbid it. The rule kind stays for other surveys and is tested here.
const definition = parseSurveyDefinition({
  ...f254,
  rules: [
    ...f254.rules,
    {
      id: 'corrected-not-above-gross',
      kind: 'measure_not_above',
      severity: 'error',
      measure: 'AGD4',
      limit: 'AGD10',
    },
  ],
});
const prefilled = { AGD10: 1000, AGD4: 900, AGD16: 800, AGD2: 950 };

const row = (amounts: Record<string, number | null>, fewerThan5 = false): ResponseRow => ({
  fewerThan5,
  amounts,
});
const full = (agd10: number): Record<string, number | null> => ({
  AGD10: agd10,
  AGD4: Math.floor(agd10 * 0.9),
  AGD16: Math.floor(agd10 * 0.8),
  AGD2: Math.floor(agd10 * 0.95),
});
const table = (rows: Record<string, ResponseRow>, methods = ['RESPONSIBILITY']): ResponseTable => ({
  methods,
  rows,
});
const content = (tables: Record<string, ResponseTable>, comments = ''): ResponseContent => ({
  tables,
  comments,
});

const valid = content({
  business_types: table({
    AMBULANT: row(full(300)),
    BPA: row({ AGD10: null, AGD4: null, AGD16: null, AGD2: null }, true),
    HOUSING_BASE: row(full(500)),
  }),
  housing_base_target_groups: table({ INTELLECTUAL_DISABILITY: row(full(300)), ELDERLY: row(full(200)) }),
});

describe('validateResponse', () => {
  test('a consistent response has no findings', () => {
    expect(validateResponse(definition, valid, prefilled, 'nb')).toEqual({ errors: [], warnings: [] });
  });

  test('an empty response (nothing could be split) is valid', () => {
    expect(validateResponse(definition, content({}), prefilled, 'nb')).toEqual({ errors: [], warnings: [] });
  });

  test.each([
    {
      name: 'negative amount',
      answer: content({ business_types: table({ AMBULANT: row({ AGD10: -5 }) }) }),
      ruleId: 'amount-not-negative',
      at: { table: 'business_types', row: 'AMBULANT', measure: 'AGD10', value: -5 },
      nb: 'Tabell 1 Virksomhetstyper, rad Ambulerende hjemmetjeneste, AGD10 Brutto driftsutgifter på funksjon/tjenesteområde: beløpet kan ikke være negativt (-5).',
      nn: 'Tabell 1 Verksemdstypar, rad Ambulerande heimeteneste, AGD10 Brutto driftsutgifter på funksjon/tenesteområde: beløpet kan ikkje vere negativt (-5).',
    },
    {
      name: 'fractional amount',
      answer: content({ target_groups: table({ ELDERLY: row({ AGD4: 12.5 }) }) }),
      ruleId: 'amount-whole-number',
      at: { table: 'target_groups', row: 'ELDERLY', measure: 'AGD4', value: 12.5 },
      nb: 'Tabell 2 Målgrupper, rad Eldre, AGD4 Korrigerte brutto driftsutgifter på funksjon/tjenesteområde: oppgi beløpet i hele tusen kroner (12,5).',
      nn: 'Tabell 2 Målgrupper, rad Eldre, AGD4 Korrigerte brutto driftsutgifter på funksjon/tenesteområde: oppgi beløpet i heile tusen kroner (12,5).',
    },
    {
      name: 'amounts on a row ticked for fewer than five users',
      answer: content({ business_types: table({ BPA: row({ AGD10: 40, AGD2: 30 }, true) }) }),
      ruleId: 'fewer-than-5-without-amounts',
      at: { table: 'business_types', row: 'BPA' },
      nb: 'Tabell 1 Virksomhetstyper, rad Brukerstyrt personlig assistanse (BPA): raden er krysset av for færre enn fem brukere og skal ikke ha beløp.',
      nn: 'Tabell 1 Verksemdstypar, rad Brukarstyrt personleg assistanse (BPA): rada er kryssa av for færre enn fem brukarar og skal ikkje ha beløp.',
    },
    {
      name: 'unknown table',
      answer: content({ institutions: table({}) }),
      ruleId: 'unknown-table',
      at: { table: 'institutions' },
      nb: 'Skjemaet har ingen tabell «institutions».',
      nn: 'Skjemaet har ingen tabell «institutions».',
    },
    {
      name: 'unknown row',
      answer: content({ target_groups: table({ CHILDREN: row({ AGD10: 1 }) }) }),
      ruleId: 'unknown-row',
      at: { table: 'target_groups', row: 'CHILDREN' },
      nb: 'Tabell 2 Målgrupper, rad CHILDREN: tabellen har ingen rad «CHILDREN».',
      nn: 'Tabell 2 Målgrupper, rad CHILDREN: tabellen har inga rad «CHILDREN».',
    },
    {
      name: 'unknown measure',
      answer: content({ business_types: table({ AMBULANT: row({ AGD99: 1 }) }) }),
      ruleId: 'unknown-measure',
      at: { table: 'business_types', row: 'AMBULANT', measure: 'AGD99' },
      nb: 'Tabell 1 Virksomhetstyper, rad Ambulerende hjemmetjeneste, AGD99: skjemaet har ingen utgiftstype «AGD99».',
      nn: 'Tabell 1 Verksemdstypar, rad Ambulerande heimeteneste, AGD99: skjemaet har ingen utgiftstype «AGD99».',
    },
    {
      name: 'AGD4 above AGD10 on a row',
      answer: content({ business_types: table({ AMBULANT: row({ AGD10: 100, AGD4: 120 }) }) }),
      ruleId: 'corrected-not-above-gross',
      at: { table: 'business_types', row: 'AMBULANT', measure: 'AGD4', value: 120, limit: 100 },
      nb: 'Tabell 1 Virksomhetstyper, rad Ambulerende hjemmetjeneste, AGD4 Korrigerte brutto driftsutgifter på funksjon/tjenesteområde: beløpet (120) er større enn AGD10 Brutto driftsutgifter på funksjon/tjenesteområde (100).',
      nn: 'Tabell 1 Verksemdstypar, rad Ambulerande heimeteneste, AGD4 Korrigerte brutto driftsutgifter på funksjon/tenesteområde: beløpet (120) er større enn AGD10 Brutto driftsutgifter på funksjon/tenesteområde (100).',
    },
    {
      name: 'housing-base target groups above the housing-base amount',
      answer: content({
        business_types: table({ HOUSING_BASE: row({ AGD10: 500 }) }),
        housing_base_target_groups: table({ ELDERLY: row({ AGD10: 300 }), OTHER: row({ AGD10: 250 }) }),
      }),
      ruleId: 'parts-not-above-whole',
      at: { table: 'housing_base_target_groups', measure: 'AGD10', value: 550, limit: 500 },
      nb: 'Tabell 3 Målgrupper i boligbaser, AGD10 Brutto driftsutgifter på funksjon/tjenesteområde: summen av radene (550) er større enn Boligbaser (omsorgsboliger med fast bemanning) i tabell 1 (500).',
      nn: 'Tabell 3 Målgrupper i bustadbasar, AGD10 Brutto driftsutgifter på funksjon/tenesteområde: summen av radene (550) er større enn Bustadbasar (omsorgsbustader med fast bemanning) i tabell 1 (500).',
    },
    {
      name: 'unknown derivation method',
      answer: content({ business_types: table({ AMBULANT: row({ AGD10: 1 }) }, ['GUESSWORK']) }),
      ruleId: 'unknown-method',
      at: { table: 'business_types' },
      nb: 'Tabell 1 Virksomhetstyper: ukjent beregningsmetode «GUESSWORK».',
      nn: 'Tabell 1 Verksemdstypar: ukjend utrekningsmetode «GUESSWORK».',
    },
  ])('hard error: $name', ({ answer, ruleId, at, nb, nn }) => {
    const bokmal = validateResponse(definition, answer, prefilled, 'nb');
    expect(bokmal.errors).toEqual([
      expect.objectContaining({ ruleId, severity: 'error', ...at, message: nb }),
    ]);
    expect(bokmal.warnings).toEqual([]);
    expect(validateResponse(definition, answer, prefilled, 'nn').errors[0]?.message).toBe(nn);
    expect(validateResponse(definition, answer, prefilled, 'en').errors[0]?.message).not.toBe(nb);
  });

  describe('a table summing to more than the prefilled total', () => {
    const over = (comments: string) =>
      content(
        { business_types: table({ AMBULANT: row({ AGD10: 700 }), HOUSING_BASE: row({ AGD10: 400 }) }) },
        comments,
      );

    test('warns, names table and measure, and needs a comment to submit', () => {
      const result = validateResponse(definition, over(''), prefilled, 'nb');
      expect(result.warnings).toEqual([
        expect.objectContaining({
          ruleId: 'table-not-above-prefilled',
          table: 'business_types',
          measure: 'AGD10',
          value: 1100,
          limit: 1000,
          message:
            'Tabell 1 Virksomhetstyper, AGD10 Brutto driftsutgifter på funksjon/tjenesteområde: summen av radene (1\u00a0100) er større enn KOSTRA-totalen for funksjonen (1\u00a0000). Forklar avviket i merknadsfeltet.',
        }),
      ]);
      expect(result.errors.map((e) => e.ruleId)).toEqual(['warnings-explained']);
      expect(validateResponse(definition, over(''), prefilled, 'nn').errors[0]?.message).toBe(
        'Skjemaet har åtvaringar. Forklar dei i merknadsfeltet før du sender inn.',
      );
    });

    test('an explaining comment leaves the warning and lifts the block', () => {
      const result = validateResponse(
        definition,
        over('Regnskapet er korrigert etter KOSTRA-rapporteringen.'),
        prefilled,
        'nb',
      );
      expect(result.errors).toEqual([]);
      expect(result.warnings).toHaveLength(1);
    });

    test('is not checked where no total was prefilled', () => {
      const result = validateResponse(definition, over(''), { AGD10: null }, 'nb');
      expect(result).toEqual({ errors: [], warnings: [] });
    });
  });

  test('warns when a table with amounts names no derivation method', () => {
    const answer = content({ target_groups: table({ ELDERLY: row({ AGD10: 10 }) }, []) }, 'Se merknad.');
    const result = validateResponse(definition, answer, prefilled, 'en');
    expect(result.warnings).toEqual([
      expect.objectContaining({
        ruleId: 'method-given',
        table: 'target_groups',
        message: 'Table 2 Target groups: tick how you arrived at the figures.',
      }),
    ]);
  });

  test('reports every fault, not only the first', () => {
    const answer = content({
      business_types: table({ AMBULANT: row({ AGD10: -1, AGD4: 2.5 }), BPA: row({ AGD10: 3 }, true) }),
    });
    const ids = validateResponse(definition, answer, prefilled, 'nb').errors.map((e) => e.ruleId);
    expect(ids).toEqual([
      'amount-not-negative',
      'amount-whole-number',
      'fewer-than-5-without-amounts',
      'corrected-not-above-gross',
    ]);
  });

  test('rules are data: a definition without a rule does not check it', () => {
    const lenient = parseSurveyDefinition({
      ...f254,
      rules: f254.rules.filter((r) => r.kind !== 'amount_not_negative'),
    });
    const answer = content({ business_types: table({ AMBULANT: row({ AGD10: -5 }) }) });
    expect(validateResponse(lenient, answer, prefilled, 'nb').errors).toEqual([]);
  });
});
