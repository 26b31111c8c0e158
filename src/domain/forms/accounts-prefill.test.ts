import { describe, expect, test } from 'vitest';
import { accountsAnswers, accountsPrefills } from './accounts-prefill.ts';
import { oneSectionForm, sameLabels } from '../testing/forms.ts';
import { resolveForm } from './resolve.ts';

const labels = sameLabels;
const form = resolveForm(
  oneSectionForm({
    id: 'accounts-case',
    years: { from: 2023, to: 2024 },
    items: [
      {
        key: 'brutto',
        kind: 'amount',
        unit: '1000 NOK',
        labels: labels('Brutto driftsutgifter'),
        prefill: { source: 'accounts', key: 'AGD10:254', read_only: true },
      },
      {
        key: 'lonn',
        kind: 'amount',
        unit: 'NOK',
        labels: labels('Lønn'),
        prefill: { source: 'accounts', key: 'AGD16:254' },
      },
      { key: 'annet', kind: 'amount', unit: 'NOK', labels: labels('Annet') },
    ],
  }),
  2024,
);
const successors = (fn: string) => (fn === '254' ? ['257', '258'] : [fn]);

describe('items prefilled from the accounts', () => {
  test('the items that say so, with measure, function and whether the respondent may change them', () => {
    expect(accountsPrefills(form)).toEqual([
      { item: 'brutto', measure: 'AGD10', function: '254', readOnly: true, unit: '1000 NOK' },
      { item: 'lonn', measure: 'AGD16', function: '254', readOnly: false, unit: 'NOK' },
    ]);
  });

  test("a measure summed over what the function became that year, in the item's unit, rounded", () => {
    const figures = [
      { function: '257', measure: 'AGD10', value: 1200.4 },
      { function: '258', measure: 'AGD10', value: 300.3 },
      { function: '257', measure: 'AGD16', value: 0.5 },
      { function: '253', measure: 'AGD10', value: 999 },
    ];
    expect(accountsAnswers(accountsPrefills(form), figures, successors)).toEqual({ brutto: 1501, lonn: 500 });
  });

  test('no figure for the function is no answer, not 0', () => {
    expect(
      accountsAnswers(accountsPrefills(form), [{ function: '257', measure: 'AGD16', value: 2 }], successors),
    ).toEqual({ lonn: 2000 });
  });
});
