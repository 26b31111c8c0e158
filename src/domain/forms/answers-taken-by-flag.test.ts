import { describe, expect, test } from 'vitest';
import { answersTakenByFlag } from './answers.ts';
import { resolveForm } from './resolve.ts';
import { oneSectionForm, sameLabels, testCodeList } from '../testing/forms.ts';

const form = resolveForm(
  oneSectionForm({
    id: 'flag-case',
    years: { from: 2021, to: null },
    codeLists: [testCodeList('rader', 'Rad', ['A', 'B']), testCodeList('kolonner', 'Kolonne', ['X', 'Y'])],
    items: [
      {
        key: 'tabell',
        kind: 'grid',
        labels: sameLabels('Tabell'),
        rows: { code_list: 'rader' },
        columns: { code_list: 'kolonner' },
        cell: { kind: 'integer' },
        row_flag: { key: 'few', labels: sameLabels('Færre enn fem') },
      },
      { key: 'antall', kind: 'integer', labels: sameLabels('Antall') },
    ],
  }),
  2021,
);

describe('what a ticked row flag takes away', () => {
  test('the answered cells of its own row, and nothing of other rows or items', () => {
    const answers = { 'tabell/A/X': 10, 'tabell/A/Y': null, 'tabell/B/X': 7, antall: 3 };
    expect(answersTakenByFlag(form, answers, 'tabell/A/few')).toEqual({ 'tabell/A/X': 10 });
    expect(answersTakenByFlag(form, answers, 'tabell/B/few')).toEqual({ 'tabell/B/X': 7 });
  });
  test('nothing for a path that is no row flag, or a row without answers', () => {
    expect(answersTakenByFlag(form, { 'tabell/A/X': 10 }, 'tabell/A/X')).toEqual({});
    expect(answersTakenByFlag(form, { antall: 3 }, 'antall')).toEqual({});
    expect(answersTakenByFlag(form, { 'tabell/A/X': 10 }, 'tabell/B/few')).toEqual({});
  });
});
