import type { Change } from '../collection/version-diff.ts';
import { answerPaths, COMMENTS, type Answers } from './answers.ts';
import type { ResolvedForm } from './resolve.ts';

/** A value as a change shows it: choices as their codes joined by semicolons, nothing as null. */
const shown = (value: Answers[string] | undefined): Change['new'] => {
  if (value === undefined || value === null || value === '') return null;
  if (Array.isArray(value))
    return value.length === 0 ? null : [...(value as readonly string[])].sort().join(';');
  return value as string | number | boolean;
};

/**
 * What changed from one version of a form's answers to the next, path by path in the form's order, the
 * comments last; a path the form no longer has (an answer stored before a part closed) at the end.
 */
export function diffAnswers(form: ResolvedForm, before: Answers | undefined, after: Answers): Change[] {
  const known = [...answerPaths(form).keys(), COMMENTS];
  const others = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after)])]
    .filter((p) => !known.includes(p))
    .sort();
  const changes: Change[] = [];
  for (const path of [...known, ...others]) {
    const old = shown(before?.[path]);
    const next = shown(after[path]);
    if (old !== next) changes.push({ field: path, old, new: next });
  }
  return changes;
}
