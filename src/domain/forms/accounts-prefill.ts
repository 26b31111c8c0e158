import { roundedAmount } from '../rounding.ts';
import type { Answers } from './answers.ts';
import { ACCOUNTS_KEY } from './check.ts';
import type { ResolvedForm, ResolvedItem } from './resolve.ts';

/** An item of the form that takes its value from the accounts: which measure, over which function. */
export interface AccountsPrefill {
  readonly item: string;
  readonly measure: string;
  readonly function: string;
  readonly readOnly: boolean;
  /** The unit of the item: the accounts are in 1000 NOK. */
  readonly unit: 'NOK' | '1000 NOK';
}

/** The items a form prefills from the accounts (`prefill: {source: "accounts", key: "AGD10:254"}`). */
export function accountsPrefills(form: ResolvedForm): AccountsPrefill[] {
  return [...form.items.values()].flatMap((item: ResolvedItem) => {
    if (item.prefill?.source !== 'accounts' || item.kind !== 'amount') return [];
    const [, measure, fn] = ACCOUNTS_KEY.exec(item.prefill.key ?? '') ?? [];
    if (!measure || !fn) return [];
    return [{ item: item.key, measure, function: fn, readOnly: item.prefill.read_only, unit: item.unit }];
  });
}

/** One unit's figures of the year: a measure on a function, in 1000 NOK. */
export interface UnitFigure {
  readonly function: string;
  readonly measure: string;
  readonly value: number;
}

/**
 * The values of the prefilled items from a unit's accounts: the measure summed over the function and what it
 * was split into that year (`successors`: 254 is 257 and 258 from 2024), in the item's unit, rounded as the
 * product rounds. An item whose function has no figure is left out (no accounts is no answer, not 0).
 */
export function accountsAnswers(
  prefills: readonly AccountsPrefill[],
  figures: readonly UnitFigure[],
  successors: (fn: string) => readonly string[],
): Answers {
  const answers: Record<string, number> = {};
  for (const p of prefills) {
    const functions = new Set(successors(p.function));
    const matching = figures.filter((f) => f.measure === p.measure && functions.has(f.function));
    if (matching.length === 0) continue;
    const sum = matching.reduce((a, f) => a + f.value, 0);
    answers[p.item] = roundedAmount(p.unit === 'NOK' ? sum * 1000 : sum);
  }
  return answers;
}
