import { describe, expect, test } from 'vitest';
import { oneSectionForm, sameLabels } from '../testing/forms.ts';
import { diffAnswers } from './answers-diff.ts';
import { resolveForm } from './resolve.ts';

const labels = sameLabels;
const form = resolveForm(
  oneSectionForm({
    id: 'diff-case',
    years: { from: 2021, to: 2021 },
    codeLists: [
      {
        id: 'c',
        labels: labels('C'),
        source: 'test',
        items: [
          { code: 'A', labels: labels('A') },
          { code: 'B', labels: labels('B') },
        ],
      },
    ],
    items: [
      { key: 'antall', kind: 'integer', labels: labels('Antall') },
      { key: 'valg', kind: 'multiple_choice', labels: labels('Valg'), options: { code_list: 'c' } },
      { key: 'ja', kind: 'yes_no', labels: labels('Ja?') },
    ],
  }),
  2021,
);

describe('what changed between two versions of a form', () => {
  test("each changed path in the form's order, the comments after; choices compared as sets", () => {
    expect(
      diffAnswers(
        form,
        { ja: true, antall: 3, valg: ['B', 'A'], comments: '' },
        { comments: 'Rettet.', valg: ['A', 'B'], antall: 4, ja: false },
      ),
    ).toEqual([
      { field: 'antall', old: 3, new: 4 },
      { field: 'ja', old: true, new: false },
      { field: 'comments', old: null, new: 'Rettet.' },
    ]);
  });

  test('the first version against nothing; an answer removed; a path the form does not have, last', () => {
    expect(diffAnswers(form, undefined, { antall: 1 })).toEqual([{ field: 'antall', old: null, new: 1 }]);
    expect(diffAnswers(form, { antall: 1, gammel: 'x', valg: ['A'] }, { valg: [] })).toEqual([
      { field: 'antall', old: 1, new: null },
      { field: 'valg', old: 'A', new: null },
      { field: 'gammel', old: 'x', new: null },
    ]);
  });
});
