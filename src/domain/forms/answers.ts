import type { ResolvedForm, ResolvedItem } from './resolve.ts';

/**
 * A form's answers as a flat map from path to value: `p5_1` for a question, `p2_1/LIS1/241` for a grid's
 * cell, `p2_1/LIS1/fewer_than_5` for its row flag, `p4_4/other` for the text of "annet, spesifiser", and
 * `comments`. Flat paths compare across years (a previous-year control), fit a workbook's key column and a
 * JSON column alike, and let rules address any part of a form.
 */
export type AnswerValue = number | boolean | string | readonly string[] | null;
export type Answers = Readonly<Record<string, AnswerValue>>;

export const COMMENTS = 'comments';

/** What a path of a form is: a question's value, a grid's cell or row flag, or an "other" text. */
export interface PathInfo {
  readonly path: string;
  readonly item: ResolvedItem;
  readonly role: 'value' | 'cell' | 'flag' | 'other';
  readonly row?: string | undefined;
  readonly column?: string | undefined;
}

const cache = new WeakMap<ResolvedForm, ReadonlyMap<string, PathInfo>>();

/** Every path a respondent can answer in the form, in form order. */
export function answerPaths(form: ResolvedForm): ReadonlyMap<string, PathInfo> {
  const known = cache.get(form);
  if (known) return known;
  const paths = new Map<string, PathInfo>();
  const add = (info: PathInfo) => paths.set(info.path, info);
  for (const section of form.sections)
    for (const item of section.items) {
      if (item.kind === 'computed') continue;
      if (item.kind === 'grid') {
        for (const row of item.rows) {
          for (const column of item.columns)
            add({
              path: `${item.key}/${row.code}/${column.code}`,
              item,
              role: 'cell',
              row: row.code,
              column: column.code,
            });
          if (item.row_flag)
            add({ path: `${item.key}/${row.code}/${item.row_flag.key}`, item, role: 'flag', row: row.code });
        }
        continue;
      }
      add({ path: item.key, item, role: 'value' });
      if (
        (item.kind === 'single_choice' || item.kind === 'multiple_choice') &&
        item.options.some((o) => o.code === item.other)
      )
        add({ path: `${item.key}/other`, item, role: 'other' });
    }
  cache.set(form, paths);
  return paths;
}

const byItemCache = new WeakMap<ResolvedForm, ReadonlyMap<string, readonly PathInfo[]>>();

/** Every path of each item, by item key: what validation and patterns look up, without scanning the form. */
export function pathsByItem(form: ResolvedForm): ReadonlyMap<string, readonly PathInfo[]> {
  const known = byItemCache.get(form);
  if (known) return known;
  const index = new Map<string, PathInfo[]>();
  for (const info of answerPaths(form).values()) {
    const list = index.get(info.item.key);
    if (list) list.push(info);
    else index.set(info.item.key, [info]);
  }
  byItemCache.set(form, index);
  return index;
}

/** The numeric paths a pattern names: an item, a grid (all its cells), or cells with `*` for any row or column. */
export function expandPattern(form: ResolvedForm, pattern: string): readonly PathInfo[] {
  const [key, row = '*', column = '*'] = pattern.split('/');
  const own = pathsByItem(form).get(key ?? '') ?? [];
  const item = form.items.get(key ?? '');
  if (!item) return [];
  if (item.kind !== 'grid') return own.filter((p) => p.role === 'value');
  return own.filter(
    (p) => p.role === 'cell' && (row === '*' || p.row === row) && (column === '*' || p.column === column),
  );
}

export const isAnswered = (value: AnswerValue | undefined): boolean =>
  value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0);

/**
 * What ticking a grid row's flag takes away (f254's "fewer than five users": such a row keeps no numbers):
 * the row's cells that hold an answer. Nothing for a path that is no row flag.
 */
export function answersTakenByFlag(form: ResolvedForm, answers: Answers, flagPath: string): Answers {
  const flag = answerPaths(form).get(flagPath);
  if (flag?.role !== 'flag' || flag.item.kind !== 'grid') return {};
  const taken: Record<string, AnswerValue> = {};
  for (const column of flag.item.columns) {
    const path = `${flag.item.key}/${flag.row}/${column.code}`;
    const value = answers[path];
    if (isAnswered(value)) taken[path] = value!;
  }
  return taken;
}
