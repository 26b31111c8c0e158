import { isAnswered, type Answers } from './answers.ts';
import type { Condition } from './definition.ts';
import type { ResolvedItem, ResolvedSection } from './resolve.ts';

/** Whether a condition holds for the answers: the same test in validation and in the form the user sees. */
export function holds(condition: Condition, answers: Answers): boolean {
  if ('all' in condition) return condition.all.every((c) => holds(c, answers));
  if ('any' in condition) return condition.any.some((c) => holds(c, answers));
  const value = answers[condition.item];
  if ('answered' in condition) return isAnswered(value) === condition.answered;
  if ('includes' in condition)
    return Array.isArray(value) ? value.includes(condition.includes) : value === condition.includes;
  return value === condition.equals;
}

/** An item is shown when its section's condition and its own hold. */
export const isShown = (
  section: ResolvedSection,
  item: ResolvedItem | undefined,
  answers: Answers,
): boolean =>
  (section.shown_if === undefined || holds(section.shown_if, answers)) &&
  (item?.shown_if === undefined || holds(item.shown_if, answers));
