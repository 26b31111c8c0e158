import type { Labels, Language } from '../language.ts';
import type { CodeList, FormDefinition } from './definition.ts';
import { resolveForm, type ResolvedCode, type ResolvedForm, type ResolvedItem } from './resolve.ts';

/** One line of "Nytt i årets skjema": what differs from the year before, and the changes decided for it. */
export interface NewThisYear {
  readonly kind: 'added' | 'removed' | 'reworded' | 'decided';
  /** The item, or its row, column or option (`p2_1/rows/LIS1`). */
  readonly path: string;
  readonly text: Labels;
}

const WORDS: Readonly<Record<Language, Record<'added' | 'removed' | 'reworded', string>>> = {
  nb: {
    added: 'Nytt: {label}',
    removed: 'Tatt ut: {label}',
    reworded: 'Ny tekst: «{label}» (var «{before}»)',
  },
  nn: {
    added: 'Nytt: {label}',
    removed: 'Teke ut: {label}',
    reworded: 'Ny tekst: «{label}» (var «{before}»)',
  },
  en: {
    added: 'New: {label}',
    removed: 'Removed: {label}',
    reworded: 'New wording: "{label}" (was "{before}")',
  },
};

const write = (
  kind: 'added' | 'removed' | 'reworded',
  label: Labels,
  before?: Labels,
  within?: Labels,
): Labels => {
  const one = (language: Language) => {
    const text = WORDS[language][kind]
      .replace('{label}', label[language])
      .replace('{before}', before?.[language] ?? '');
    return within ? `${within[language]}: ${text}` : text;
  };
  return { nb: one('nb'), nn: one('nn'), en: one('en') };
};

/**
 * What is new in the form for `year` against the year before: questions and codes added, removed or
 * reworded, found by comparing the two resolved forms, then the changes dated to the year that were decided
 * or enacted (a proposal is not news to a respondent). The first year of a definition has nothing to compare.
 */
export function whatsNew(
  definition: FormDefinition,
  year: number,
  sharedLists: readonly CodeList[] = [],
): NewThisYear[] {
  if (year <= definition.years.from) return decided(resolveForm(definition, year, sharedLists));
  const now = resolveForm(definition, year, sharedLists);
  const before = resolveForm(definition, year - 1, sharedLists);
  const lines: NewThisYear[] = [];
  for (const [key, item] of now.items) {
    const earlier = before.items.get(key);
    if (!earlier) lines.push({ kind: 'added', path: key, text: write('added', item.labels) });
    else {
      if (earlier.labels.nb !== item.labels.nb || earlier.labels.nn !== item.labels.nn)
        lines.push({ kind: 'reworded', path: key, text: write('reworded', item.labels, earlier.labels) });
      for (const [part, codes, earlierCodes] of codeParts(item, earlier))
        lines.push(...compareCodes(`${key}/${part}`, codes, earlierCodes, item.labels));
    }
  }
  for (const [key, item] of before.items)
    if (!now.items.has(key)) lines.push({ kind: 'removed', path: key, text: write('removed', item.labels) });
  return [...lines, ...decided(now)];
}

function decided(form: ResolvedForm): NewThisYear[] {
  return form.changes
    .filter((c) => c.status !== 'proposed')
    .map((c) => ({ kind: 'decided', path: c.paths[0] ?? '', text: c.text }));
}

function codeParts(
  item: ResolvedItem,
  earlier: ResolvedItem,
): [string, readonly ResolvedCode[], readonly ResolvedCode[]][] {
  if (item.kind === 'grid' && earlier.kind === 'grid')
    return [
      ['rows', item.rows, earlier.rows],
      ['columns', item.columns, earlier.columns],
    ];
  if (
    (item.kind === 'single_choice' || item.kind === 'multiple_choice') &&
    (earlier.kind === 'single_choice' || earlier.kind === 'multiple_choice')
  )
    return [['options', item.options, earlier.options]];
  return [];
}

function compareCodes(
  path: string,
  codes: readonly ResolvedCode[],
  earlier: readonly ResolvedCode[],
  within: Labels,
): NewThisYear[] {
  const lines: NewThisYear[] = [];
  for (const code of codes) {
    const old = earlier.find((c) => c.code === code.code);
    const at = `${path}/${code.code}`;
    const label = code.note ? withNote(code) : code.labels;
    if (!old) lines.push({ kind: 'added', path: at, text: write('added', label, undefined, within) });
    else if (old.labels.nb !== code.labels.nb || old.labels.nn !== code.labels.nn)
      lines.push({ kind: 'reworded', path: at, text: write('reworded', code.labels, old.labels, within) });
  }
  for (const old of earlier)
    if (!codes.some((c) => c.code === old.code))
      lines.push({
        kind: 'removed',
        path: `${path}/${old.code}`,
        text: write('removed', old.labels, undefined, within),
      });
  return lines;
}

const withNote = (code: ResolvedCode): Labels => ({
  nb: `${code.labels.nb} (${code.note!.nb})`,
  nn: `${code.labels.nn} (${code.note!.nn})`,
  en: `${code.labels.en} (${code.note!.en})`,
});
