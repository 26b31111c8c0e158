import { answerPaths, type AnswerValue, type Answers } from './answers.ts';
import type { ResolvedForm } from './resolve.ts';

/** When a change from last year is worth asking about: both more than `percent` % and more than `absolute`. */
export interface DeviationThresholds {
  readonly percent: number;
  readonly absolute: number;
}

/** A number of this year's form that moved beyond the thresholds from the unit's answer of the year before. */
export interface Deviation {
  readonly unit: string;
  readonly path: string;
  readonly label: string;
  readonly now: number;
  readonly before: number;
  readonly change: number;
  /** Of last year's value; null when last year's was 0. */
  readonly percent: number | null;
}

/**
 * Last year's answers of the units a unit was made of (a merged municipality's predecessors): numbers are
 * summed path by path, as a merged unit's figure is the sum of its parts; other answers are kept only where
 * they agree.
 */
export function mergeAnswers(parts: readonly Answers[]): Answers {
  if (parts.length === 1) return parts[0]!;
  const merged: Record<string, AnswerValue> = {};
  const paths = new Set(parts.flatMap((p) => Object.keys(p)));
  for (const path of paths) {
    const values = parts.map((p) => p[path]).filter((v) => v !== undefined && v !== null);
    if (values.length === 0) continue;
    if (values.every((v) => typeof v === 'number')) merged[path] = values.reduce((a, b) => a + b, 0);
    else if (values.every((v) => JSON.stringify(v) === JSON.stringify(values[0]))) merged[path] = values[0]!;
  }
  return merged;
}

/**
 * This year's numbers against last year's, path by path: those that moved by more than both thresholds
 * (a new figure where last year had none, or the reverse, is not a deviation but an absence: not listed).
 */
export function previousYearDeviations(
  form: ResolvedForm,
  unit: string,
  now: Answers,
  before: Answers,
  thresholds: DeviationThresholds,
): Deviation[] {
  const deviations: Deviation[] = [];
  for (const info of answerPaths(form).values()) {
    const a = now[info.path];
    const b = before[info.path];
    if (typeof a !== 'number' || typeof b !== 'number') continue;
    const change = a - b;
    const percent = b === 0 ? null : (change / Math.abs(b)) * 100;
    if (Math.abs(change) <= thresholds.absolute) continue;
    if (percent !== null && Math.abs(percent) <= thresholds.percent) continue;
    const item = info.item;
    const grid = item.kind === 'grid' ? item : undefined;
    const label = [
      `${item.number ? `${item.number} ` : ''}${item.labels.nb}`,
      grid?.rows.find((r) => r.code === info.row)?.labels.nb,
      grid?.columns.find((c) => c.code === info.column)?.labels.nb,
    ]
      .filter((part): part is string => part !== undefined)
      .join(', ');
    deviations.push({ unit, path: info.path, label, now: a, before: b, change, percent });
  }
  return deviations;
}
