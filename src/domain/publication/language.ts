import type { PublishedDataset } from './dataset.ts';

/** The languages published tables are offered in: Norwegian (bokmål) always, English where labels exist. */
export const TABLE_LANGUAGES = [
  { id: 'no', label: 'Norsk' },
  { id: 'en', label: 'English' },
] as const;

export type TableLanguage = (typeof TABLE_LANGUAGES)[number]['id'];

/** The dataset with its texts in English where it has them, Norwegian where it does not. */
export function inLanguage(dataset: PublishedDataset, language: TableLanguage): PublishedDataset {
  if (language === 'no') return dataset;
  return {
    ...dataset,
    label: dataset.labelEn ?? dataset.label,
    description: dataset.descriptionEn ?? dataset.description,
    notes: dataset.notesEn ?? dataset.notes,
    dimensions: dataset.dimensions.map((d) => ({
      ...d,
      label: d.labelEn ?? d.label,
      categories: d.categories.map((c) => ({
        ...c,
        label: c.labelEn ?? c.label,
        ...(c.note ? { note: c.noteEn ?? c.note } : {}),
      })),
      ...(d.codelists
        ? {
            codelists: d.codelists.map((l) => ({
              ...l,
              label: l.labelEn ?? l.label,
              values: l.values.map((v) => ({ ...v, label: v.labelEn ?? v.label })),
            })),
          }
        : {}),
    })),
  };
}
