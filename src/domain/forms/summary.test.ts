import { expect, test } from 'vitest';
import lists from '../../../data/forms/code-lists.json' with { type: 'json' };
import skjema4 from '../../../data/forms/kostra-skjema-4.json' with { type: 'json' };
import { parseCodeLists, parseFormDefinition } from './check.ts';
import { resolveForm } from './resolve.ts';
import { summarizeAnswers } from './summary.ts';

const shared = parseCodeLists(lists, 'code-lists.json');
const form = resolveForm(parseFormDefinition(skjema4, 'skjema-4', shared), 2021, shared);

test('per item: who answered, sums and ranges by group for numbers, counts for yes/no and choices', () => {
  const items = summarizeAnswers(form, [
    {
      unit: '0301',
      group: 'EKG13',
      answers: { g2_system: true, g2_malgrupper: ['ELDRE', 'ANNET'], g6_beboere_dogn: 120 },
    },
    {
      unit: '4640',
      group: 'EKG01',
      answers: { g2_system: true, g2_malgrupper: ['ELDRE'], g6_beboere_dogn: 12 },
    },
    { unit: '4641', group: 'EKG01', answers: { g2_system: false, g6_beboere_dogn: 3 } },
    { unit: '030105', answers: { g6_beboere_dogn: 40 } },
  ]);
  const at = (path: string) => items.find((i) => i.path === path)!;
  expect(at('g6_beboere_dogn')).toMatchObject({
    section: '6',
    item: '6',
    answered: 4,
    sum: 175,
    min: 3,
    max: 120,
    byGroup: { EKG13: { answered: 1, sum: 120 }, EKG01: { answered: 2, sum: 15 } },
  });
  expect(at('g2_system')).toMatchObject({ answered: 3, counts: { true: 2, false: 1 } });
  expect(at('g2_malgrupper')).toMatchObject({ answered: 2, counts: { ELDRE: 2, ANNET: 1 } });
  expect(at('g6_herav_utviklingshemming')).toMatchObject({ answered: 0 });
  expect(at('g2_malgrupper/other')).toMatchObject({ answered: 0, kind: 'text' });
});
