import { parseFormDefinition } from '../forms/check.ts';
import type { FormDefinition, FormDefinitionInput } from '../forms/definition.ts';

/** The same text in every language: what a test form needs of labels. */
export const sameLabels = (text: string) => ({ nb: text, nn: text, en: text });

type Items = FormDefinitionInput['sections'][number]['items'];

/** A code list for a test form: each code labelled «name code» in every language. */
export const testCodeList = (id: string, name: string, codes: readonly string[]) => ({
  id,
  labels: sameLabels(name),
  source: 'tests',
  items: codes.map((code) => ({ code, labels: sameLabels(`${name} ${code}`) })),
});

/** A small municipal form of one section, for a test that needs a form of its own. */
export function oneSectionForm(form: {
  id: string;
  years: { from: number; to: number | null };
  items: Items;
  rules?: FormDefinitionInput['rules'];
  codeLists?: FormDefinitionInput['code_lists'];
}): FormDefinition {
  return parseFormDefinition(
    {
      id: form.id,
      title: sameLabels('Prøveskjema'),
      unit_kinds: ['municipality'],
      years: form.years,
      source: 'test',
      code_lists: form.codeLists ?? [],
      sections: [{ key: 's', number: '1', labels: sameLabels('Del'), items: form.items }],
      rules: form.rules ?? [],
    },
    form.id,
  );
}
