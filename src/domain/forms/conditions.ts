import { isAnswered, type Answers } from './answers.ts';
import type { Condition } from './definition.ts';
import type { ResolvedItem, ResolvedSection } from './resolve.ts';

/** Whether a condition holds for the answers: the same test in validation and in the form the user sees. */
export function holds(condition: Condition, answers: Answers): boolean {
  if ('all' in condition) return condition.all.every((c) => holds(c, answers));
  if ('any' in condition) return condition.any.some((c) => holds(c, answers));
  const value = answers[condition.item];
  if ('answered' in condition) return anyAnswered(condition.item, answers) === condition.answered;
  if ('includes' in condition)
    return Array.isArray(value) ? value.includes(condition.includes) : value === condition.includes;
  return value === condition.equals;
}

/**
 * Whether anything is answered at a path: a question, a grid (any of its cells) or cells named with a star
 * for any row or column (the AGD10 column of business_types: "business_types", star, "AGD10").
 */
function anyAnswered(path: string, answers: Answers): boolean {
  if (isAnswered(answers[path])) return true;
  const wanted = path.split('/');
  return Object.keys(answers).some((key) => {
    const parts = key.split('/');
    if (wanted.length === 1) return parts[0] === path && parts.length > 1 && isAnswered(answers[key]);
    return (
      parts.length === wanted.length &&
      wanted.every((w, i) => w === '*' || w === parts[i]) &&
      isAnswered(answers[key])
    );
  });
}

/** An item is shown when its section's condition and its own hold. */
export const isShown = (
  section: ResolvedSection,
  item: ResolvedItem | undefined,
  answers: Answers,
): boolean =>
  (section.shown_if === undefined || holds(section.shown_if, answers)) &&
  (item?.shown_if === undefined || holds(item.shown_if, answers));
