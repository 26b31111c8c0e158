import { describe, expect, test } from 'vitest';
import { definition } from '../testing/rounds.ts';
import { withFunctions } from './functions-text.ts';

describe('the questionnaire worded for the functions a round splits', () => {
  test('254 for a round on data before 2024', () => {
    const worded = withFunctions(definition, ['254']);
    expect(worded.title.nb).toBe(
      'Oppdeling av KOSTRA-funksjon 254 Helse- og omsorgstjenester til hjemmeboende',
    );
    expect(worded.tables[0]!.rows.at(-1)!.labels.en).toBe('Other expenditure f254');
  });

  test('257 and 258 from 2024, in each language', () => {
    const worded = withFunctions(definition, ['257', '258']);
    expect(worded.title.nb).toBe(
      'Oppdeling av KOSTRA-funksjon 257 og 258 Helse- og omsorgstjenester til hjemmeboende',
    );
    expect(worded.title.en).toBe(
      'Splitting KOSTRA function 257 and 258 Health and care services for people living at home',
    );
    expect(worded.fields.prefilled_total.labels.nn).toBe(
      'Funksjon 257 og 258 i KOSTRA-rekneskapen (førehandsutfylt)',
    );
    expect(worded.tables[0]!.rows.at(-1)!.labels.nb).toBe('Øvrige utgifter f257/f258');
    expect(JSON.stringify(worded)).not.toMatch(/\{function\}|\{f\}/);
    // Codes stay codes.
    expect(worded.id).toBe('f254');
    expect(worded.function).toBe('254');
  });
});
