import { describe, expect, test } from 'vitest';
import { definition } from '../testing/rounds.ts';
import { withFunctions } from './functions-text.ts';
import { changeLabel, fieldLabel } from './field-labels.ts';

const survey = withFunctions(definition, ['254']);

describe('fields by the names the form gives them', () => {
  test('a row, a table sum, and codes the questionnaire does not know', () => {
    expect(fieldLabel(survey, { table: 'business_types', row: 'OTHER', measure: 'AGD10' })).toBe(
      'Virksomhetstyper · Øvrige utgifter f254 · AGD10',
    );
    expect(fieldLabel(survey, { table: 'target_groups', measure: 'AGD2' })).toBe('Målgrupper · AGD2');
    expect(fieldLabel(survey, { table: 'x', row: 'Y', measure: 'AGD4' })).toBe('x · Y · AGD4');
    expect(fieldLabel(survey, { table: 'target_groups', row: 'ELDERLY', measure: 'AGD4' }, 'en')).toBe(
      'Target groups · Elderly · AGD4',
    );
  });

  test("a version's changed fields: amounts, the fewer-than-five box, methods and comments", () => {
    expect(changeLabel(survey, 'business_types/AMBULANT/AGD10')).toBe(
      'Virksomhetstyper · Ambulerende hjemmetjeneste · AGD10',
    );
    expect(changeLabel(survey, 'business_types/BPA/fewer_than_5')).toBe(
      'Virksomhetstyper · Brukerstyrt personlig assistanse (BPA) · færre enn fem brukere',
    );
    expect(changeLabel(survey, 'target_groups/methods')).toBe('Målgrupper · metoder');
    expect(changeLabel(survey, 'comments')).toBe('Merknader');
  });
});
