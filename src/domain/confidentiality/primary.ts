import { DomainError } from '../errors.ts';
import type { Cell, SuppressionTable } from './table.ts';

/**
 * Primary suppression rules, as data: the respondent's fewer-than-five box, a frequency rule (count at most
 * maxN; zeros protected or not), and the (n, k) dominance rule (the n largest contributors make more than
 * k per cent of the cell).
 */
export type PrimaryRule =
  | { readonly kind: 'flagged' }
  | { readonly kind: 'frequency'; readonly maxN: number; readonly protectZeros: boolean }
  | { readonly kind: 'dominance'; readonly n: number; readonly k: number };

export interface PrimaryDecision {
  readonly primary: boolean;
  /** The rules that made the cell primary, in the order given. */
  readonly reasons: readonly PrimaryRule['kind'][];
}

function breaks(rule: PrimaryRule, cell: Cell): boolean {
  switch (rule.kind) {
    case 'flagged':
      return cell.flagged;
    case 'frequency':
      return cell.frequency === 0 ? rule.protectZeros : cell.frequency <= rule.maxN;
    case 'dominance': {
      const total = cell.contributions.reduce((sum, c) => sum + c, 0);
      const largest = cell.contributions.slice(0, rule.n).reduce((sum, c) => sum + c, 0);
      return total > 0 && largest > (rule.k / 100) * total;
    }
  }
}

/** Which cells the rules make primary, and why. */
export function primarySuppression(
  table: SuppressionTable,
  rules: readonly PrimaryRule[],
): PrimaryDecision[] {
  if (rules.some((r) => r.kind === 'dominance') && !table.contributions)
    throw new DomainError('the dominance rule needs a table built with its contributions');
  const { cells } = table;
  return cells.map((cell) => {
    const reasons = rules.filter((rule) => breaks(rule, cell)).map((rule) => rule.kind);
    return { primary: reasons.length > 0, reasons };
  });
}
