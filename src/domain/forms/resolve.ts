import { DomainError } from '../errors.ts';
import type { Labels } from '../language.ts';
import type {
  CodeItem,
  CodeList,
  Condition,
  FormChange,
  FormDefinition,
  FormRule,
  ItemDefinition,
  LabelHistory,
  SectionDefinition,
  UnitKind,
} from './definition.ts';
import { inYear } from './years.ts';

/** A code of a list as it reads in one year. */
export interface ResolvedCode {
  readonly code: string;
  readonly labels: Labels;
  readonly guidance?: Labels | undefined;
  readonly note?: Labels | undefined;
}

type Resolved<T> = T extends unknown
  ? Omit<T, 'labels' | 'guidance' | 'years' | 'options' | 'rows' | 'columns'> & {
      readonly labels: Labels;
      readonly guidance?: Labels | undefined;
      /** The section the item is in (its key). */
      readonly section: string;
    }
  : never;

type Choice = Extract<ItemDefinition, { kind: 'single_choice' | 'multiple_choice' }>;
type Grid = Extract<ItemDefinition, { kind: 'grid' }>;

/** A question as it was asked in one year: labels in each language, the codes of that year. */
export type ResolvedItem =
  | (Resolved<Choice> & { readonly options: readonly ResolvedCode[] })
  | (Resolved<Grid> & { readonly rows: readonly ResolvedCode[]; readonly columns: readonly ResolvedCode[] })
  | Resolved<Exclude<ItemDefinition, Choice | Grid>>;

export interface ResolvedSection {
  readonly key: string;
  readonly number?: string | undefined;
  readonly labels: Labels;
  readonly guidance?: Labels | undefined;
  readonly shown_if?: Condition | undefined;
  readonly items: readonly ResolvedItem[];
}

/** A form exactly as it was asked for one årgang. */
export interface ResolvedForm {
  readonly id: string;
  readonly year: number;
  readonly title: Labels;
  readonly unitKinds: readonly UnitKind[];
  readonly notes: readonly string[];
  readonly warningsNeedComment: boolean;
  readonly sections: readonly ResolvedSection[];
  readonly rules: readonly FormRule[];
  /** The changes dated to this year (proposed ones included, marked so). */
  readonly changes: readonly FormChange[];
  /** Every item by key, for validation and rendering. */
  readonly items: ReadonlyMap<string, ResolvedItem>;
}

/**
 * Resolves a definition for one årgang: the sections, items, codes and rules of that year, each label as it
 * read then. `sharedLists` are the lists shared between forms (data/forms/code-lists.json); a form's own
 * list of the same id takes precedence. Fails, naming where, for a year outside the definition or a label
 * with no text for that year.
 */
export function resolveForm(
  definition: FormDefinition,
  year: number,
  sharedLists: readonly CodeList[] = [],
): ResolvedForm {
  const where = (path: string) => [`form ${definition.id} for ${year}`, path];
  if (year < definition.years.from || (definition.years.to !== null && year > definition.years.to))
    throw new DomainError(
      `the form covers ${definition.years.from}–${definition.years.to ?? ''}, not ${year}`,
      where('years'),
    );
  const lists = new Map<string, CodeList>();
  for (const list of sharedLists) lists.set(list.id, list);
  for (const list of definition.code_lists) lists.set(list.id, list);

  const label = (history: LabelHistory, path: string): Labels => {
    if (!Array.isArray(history)) return history;
    const entry = history.find((h) => inYear(h.years, year));
    if (!entry) throw new DomainError(`no label for ${year}`, where(path));
    return { nb: entry.nb, nn: entry.nn, en: entry.en };
  };
  const optional = (history: LabelHistory | undefined, path: string) =>
    history === undefined ? undefined : label(history, path);

  const codes = (ref: { code_list: string; codes?: string[] | undefined }, path: string): ResolvedCode[] => {
    const list = lists.get(ref.code_list);
    if (!list) throw new DomainError(`unknown code list ${ref.code_list}`, where(path));
    const chosen: CodeItem[] = ref.codes
      ? ref.codes.map((c) => {
          const item = list.items.find((i) => i.code === c);
          if (!item) throw new DomainError(`code ${c} is not in ${list.id}`, where(path));
          return item;
        })
      : list.items;
    return chosen
      .filter((i) => inYear(i.years, year))
      .map((i) => ({
        code: i.code,
        labels: i.bounds ? bandLabels(i.bounds) : label(i.labels!, `${path}.${i.code}`),
        guidance: optional(i.guidance, `${path}.${i.code}.guidance`),
        note: optional(i.note, `${path}.${i.code}.note`),
      }));
  };

  const item = (definitionItem: ItemDefinition, section: SectionDefinition, path: string): ResolvedItem => {
    const { labels, guidance, years: _years, ...rest } = definitionItem;
    const base = {
      ...rest,
      labels: label(labels, `${path}.labels`),
      guidance: optional(guidance, `${path}.guidance`),
      section: section.key,
    };
    if (definitionItem.kind === 'single_choice' || definitionItem.kind === 'multiple_choice')
      return {
        ...base,
        kind: definitionItem.kind,
        options: codes(definitionItem.options, `${path}.options`),
      } as ResolvedItem;
    if (definitionItem.kind === 'grid')
      return {
        ...base,
        kind: 'grid',
        rows: codes(definitionItem.rows, `${path}.rows`),
        columns: codes(definitionItem.columns, `${path}.columns`),
      } as ResolvedItem;
    return base as ResolvedItem;
  };

  const sections: ResolvedSection[] = definition.sections
    .map((section, s) => ({ section, s }))
    .filter(({ section }) => inYear(section.years, year))
    .map(({ section, s }) => ({
      key: section.key,
      number: section.number,
      labels: label(section.labels, `sections.${s}.labels`),
      guidance: optional(section.guidance, `sections.${s}.guidance`),
      shown_if: section.shown_if,
      items: section.items
        .map((it, i) => ({ it, i }))
        .filter(({ it }) => inYear(it.years, year))
        .map(({ it, i }) => item(it, section, `sections.${s}.items.${i}`)),
    }))
    .filter((section) => section.items.length > 0);
  const items = new Map<string, ResolvedItem>();
  for (const section of sections) for (const it of section.items) items.set(it.key, it);
  return {
    id: definition.id,
    year,
    title: label(definition.title, 'title'),
    unitKinds: definition.unit_kinds,
    notes: definition.notes,
    warningsNeedComment: definition.warnings_need_comment,
    sections,
    rules: definition.rules.filter((r) => inYear(r.years, year)),
    changes: definition.changes.filter((c) => c.year === year),
    items,
  };
}

type Bounds = NonNullable<CodeItem['bounds']>;

const percent = (n: number, language: 'nb' | 'nn' | 'en') =>
  `${language === 'en' ? String(n) : String(n).replace('.', ',')} %`;

/** A band's label in each language, written from its numbers: the languages cannot disagree. */
export function bandLabels(bounds: Bounds): Labels {
  const write = (language: 'nb' | 'nn' | 'en'): string => {
    const low = percent(bounds.min, language);
    let text: string;
    if (bounds.max === bounds.min && bounds.max_inclusive) text = low;
    else if (bounds.max === null) text = language === 'en' ? `${low} or more` : `f.o.m. ${low}`;
    else {
      const high = percent(bounds.max, language);
      if (language === 'en')
        text = bounds.max_inclusive ? `from ${low} to ${high}` : `from ${low} up to ${high}`;
      else if (bounds.max_inclusive) text = `f.o.m. ${low} t.o.m. ${high}`;
      else text = `f.o.m. ${low} ${language === 'nb' ? 'opptil' : 'opp til'} ${high}`;
    }
    return bounds.suffix ? `${text} (${bounds.suffix[language]})` : text;
  };
  return { nb: write('nb'), nn: write('nn'), en: write('en') };
}

/** A resolved form as data that travels (JSON): everything but the item index, which is rebuilt from it. */
export type PlainForm = Omit<ResolvedForm, 'items'>;

export const toPlainForm = (form: ResolvedForm): PlainForm => {
  const { items: _items, ...plain } = form;
  return plain;
};

/** The resolved form again from its plain data (in the browser, for validation as the user types). */
export function fromPlainForm(plain: PlainForm): ResolvedForm {
  const items = new Map<string, ResolvedItem>();
  for (const section of plain.sections) for (const item of section.items) items.set(item.key, item);
  return { ...plain, items };
}
