import { answerPaths, type Answers, type PathInfo } from './answers.ts';
import type { ResolvedForm } from './resolve.ts';

/** One unit's submitted answers, and the group it is counted in (its KOSTRA group, EKG01…). */
export interface UnitAnswers {
  readonly unit: string;
  readonly group?: string | undefined;
  readonly answers: Answers;
}

/** How one answer path came out over the units of a round. */
export interface PathSummary {
  readonly path: string;
  readonly section: string | undefined;
  readonly item: string | undefined;
  readonly label: string;
  readonly row?: string | undefined;
  readonly column?: string | undefined;
  readonly kind: string;
  /** Units that answered it. */
  readonly answered: number;
  /** Numbers: their sum and the smallest and largest given. */
  readonly sum?: number;
  readonly min?: number;
  readonly max?: number;
  /** Yes/no and choices: how many chose each (`true`/`false` for yes/no, codes for choices). */
  readonly counts?: Readonly<Record<string, number>>;
  /** Numbers by group: units answering and the sum. */
  readonly byGroup?: Readonly<Record<string, { readonly answered: number; readonly sum: number }>>;
}

/**
 * The summary report of a form round per item: for every answer path of the form, how many units answered,
 * and for numbers the sum, range and sums by group, for yes/no and choices the counts of each answer. Texts
 * and dates are counted only (what they say is not statistics).
 */
export function summarizeAnswers(form: ResolvedForm, units: readonly UnitAnswers[]): PathSummary[] {
  const sections = new Map(form.sections.map((s) => [s.key, s]));
  return [...answerPaths(form).values()].map((info) =>
    summarize(info, units, sections.get(info.item.section)?.number),
  );
}

function summarize(info: PathInfo, units: readonly UnitAnswers[], section: string | undefined): PathSummary {
  const item = info.item;
  const grid = item.kind === 'grid' ? item : undefined;
  const label = [
    item.labels.nb,
    grid?.rows.find((r) => r.code === info.row)?.labels.nb,
    info.role === 'flag'
      ? grid?.row_flag?.labels.nb
      : grid?.columns.find((c) => c.code === info.column)?.labels.nb,
    info.role === 'other' ? 'annet' : undefined,
  ]
    .filter((part): part is string => part !== undefined)
    .join(' / ');
  const values = units
    .map((u) => ({ group: u.group, value: u.answers[info.path] }))
    .filter((v) => v.value !== undefined && v.value !== null && v.value !== '');
  const base = {
    path: info.path,
    section,
    item: item.number,
    label,
    row: info.row,
    column: info.column,
    kind:
      info.role === 'flag' ? 'yes_no' : info.role === 'other' ? 'text' : grid ? grid.cell.kind : item.kind,
    answered: values.length,
  };
  const numbers = values.filter(
    (v): v is { group: string | undefined; value: number } => typeof v.value === 'number',
  );
  if (numbers.length > 0 && numbers.length === values.length) {
    const byGroup: Record<string, { answered: number; sum: number }> = {};
    for (const { group, value } of numbers) {
      if (group === undefined) continue;
      const entry = (byGroup[group] ??= { answered: 0, sum: 0 });
      entry.answered += 1;
      entry.sum += value;
    }
    return {
      ...base,
      sum: numbers.reduce((s, n) => s + n.value, 0),
      min: Math.min(...numbers.map((n) => n.value)),
      max: Math.max(...numbers.map((n) => n.value)),
      byGroup,
    };
  }
  if (base.kind === 'yes_no' || base.kind === 'single_choice' || base.kind === 'multiple_choice') {
    const counts: Record<string, number> = {};
    for (const { value } of values)
      for (const answer of Array.isArray(value) ? value : [value])
        counts[String(answer)] = (counts[String(answer)] ?? 0) + 1;
    return { ...base, counts };
  }
  return base;
}
