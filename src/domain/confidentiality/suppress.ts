import { DomainError } from '../errors.ts';
import { auditExact, publishDerivable } from './audit.ts';
import { gaussSuppression } from './gauss.ts';
import {
  auditIntervals,
  DEFAULT_PROTECTION,
  type AttackerInterval,
  type IntervalProblem,
  type ProtectionInterval,
} from './interval-audit.ts';
import type { LinearSolver } from './linear-solver.ts';
import { optimalSuppression } from './optimal.ts';
import { publicationOrder } from './order.ts';
import { primarySuppression, type PrimaryRule } from './primary.ts';
import { describeCell, type Cell, type SuppressionTable } from './table.ts';

export interface SuppressionOptions {
  readonly rules: readonly PrimaryRule[];
  /** `gauss` (fast, default) or `optimal` (mixed-integer, small tables; needs a solver). */
  readonly method?: 'gauss' | 'optimal';
  /** What a suppressed cell loses: its frequency (counts) or its absolute value (amounts). */
  readonly weight?: 'frequency' | 'value';
  /**
   * Protect against a single contributor who knows its own inner cell (magnitude tables): such an inner
   * cell is a singleton, and must not open a primary cell to its contributor.
   */
  readonly singletons?: boolean;
  readonly protection?: ProtectionInterval;
  /** The least value an inner cell can take, known to everybody (0 for counts and costs). */
  readonly lowerBound?: number;
}

export type CellStatus = 'published' | 'primary' | 'secondary';

export interface SuppressionOutcome {
  readonly table: SuppressionTable;
  readonly status: readonly CellStatus[];
  readonly reasons: readonly (readonly string[])[];
  readonly singletons: readonly number[];
  readonly method: 'gauss' | 'optimal';
}

/**
 * What suppressing a cell loses. In a table of amounts a cell of zero is offered for publication first: it
 * loses nothing, but hidden beside a primary cell it protects nothing either (no cost is below zero, so a
 * pair that sums to a small number gives both away).
 */
const weigh = (weight: 'frequency' | 'value') => (cell: Cell) =>
  weight === 'frequency' ? cell.frequency : cell.value === 0 ? Number.MAX_VALUE : Math.abs(cell.value);

/** Primary suppression by the rules, then secondary suppression so that no primary cell can be recovered. */
export function suppressTable(
  table: SuppressionTable,
  options: SuppressionOptions,
  solver?: LinearSolver,
): SuppressionOutcome {
  const decisions = primarySuppression(table, options.rules);
  const primary = decisions.map((d) => d.primary);
  const columns = table.cells.map((c) => c.inner);
  const weight = weigh(options.weight ?? 'frequency');
  const singletons = options.singletons
    ? [...table.innerFrequency.keys()].filter((i) => table.innerFrequency[i] === 1)
    : [];
  const method = options.method ?? 'gauss';
  let suppressed: boolean[];
  if (method === 'optimal') {
    if (!solver) throw new DomainError('the optimal method needs a linear solver');
    ({ suppressed } = optimalSuppression(
      {
        innerCount: table.innerCount,
        columns,
        values: table.cells.map((c) => c.value),
        primary,
        weights: table.cells.map(weight),
        lowerBound: options.lowerBound ?? 0,
      },
      solver,
      options.protection ?? DEFAULT_PROTECTION,
    ));
  } else {
    ({ suppressed } = gaussSuppression({
      innerCount: table.innerCount,
      columns,
      primary,
      order: publicationOrder(table.cells, primary, weight),
      singletons,
    }));
  }
  if (method === 'gauss' && solver)
    suppressed = widenIntervals(
      {
        innerCount: table.innerCount,
        columns,
        values: table.cells.map((c) => c.value),
        primary,
        published: suppressed.map((x) => !x),
        lowerBound: options.lowerBound ?? 0,
      },
      table.cells.map(weight),
      solver,
      options.protection ?? DEFAULT_PROTECTION,
    );
  suppressed = publishDerivable(columns, primary, suppressed);
  return {
    table,
    status: suppressed.map((s, i) => (primary[i] ? 'primary' : s ? 'secondary' : 'published')),
    reasons: decisions.map((d) => d.reasons),
    singletons,
    method,
  };
}

/**
 * The Gaussian pattern keeps every primary cell out of the span of the published cells, but bounds (no
 * inner cell below zero) can still narrow a cell's interval. While the attacker narrows one too much, the
 * cheapest published cell its bounds rest on is suppressed too; suppressing more never narrows an interval,
 * so this ends.
 */
function widenIntervals(
  problem: IntervalProblem,
  weights: readonly number[],
  solver: LinearSolver,
  protection: ProtectionInterval,
): boolean[] {
  const published = [...problem.published];
  for (;;) {
    const narrow = auditIntervals({ ...problem, published }, solver, protection).filter((i) => !i.protected);
    if (narrow.length === 0) return published.map((p) => !p);
    if (narrow.every((i) => i.binding.length === 0))
      throw new DomainError(
        `cell ${narrow[0]!.cell} cannot be protected: its bounds rest on no published cell`,
      );
    for (const interval of narrow) {
      const open = interval.binding.filter((cell) => published[cell]);
      if (open.length === 0) continue; // widened already by a cell suppressed for another one this round
      const cheapest = open.reduce((a, b) => (weights[b]! < weights[a]! ? b : a));
      published[cheapest] = false;
    }
  }
}

export interface AuditReport {
  readonly passed: boolean;
  /** What was checked: exact disclosure always; singletons when declared; intervals when a solver was given. */
  readonly checked: readonly ('exact' | 'singletons' | 'intervals')[];
  readonly problems: readonly string[];
  readonly intervals: readonly AttackerInterval[];
}

/**
 * The audit that proves a pattern: no primary cell in the span of the published cells (nor, for a singleton's
 * contributor, in the span with its own cell added), and, with a solver, each primary cell's attacker
 * interval at least as wide as required. Every problem names the cell and why.
 */
export function auditSuppression(
  outcome: SuppressionOutcome,
  options: { solver?: LinearSolver; protection?: ProtectionInterval; lowerBound?: number } = {},
): AuditReport {
  const { table } = outcome;
  const columns = table.cells.map((c) => c.inner);
  const primary = outcome.status.map((s) => s === 'primary');
  const published = outcome.status.map((s) => s === 'published');
  const problems: string[] = [];
  for (const d of auditExact({
    innerCount: table.innerCount,
    columns,
    primary,
    published,
    singletons: outcome.singletons,
  })) {
    const where = describeCell(table, table.cells[d.cell]!);
    problems.push(
      d.kind === 'exact'
        ? `${where}: primary cell is a linear combination of published cells`
        : `${where}: the single contributor of inner cell ${d.singleton} can compute this primary cell`,
    );
  }
  let intervals: AttackerInterval[] = [];
  if (options.solver) {
    intervals = auditIntervals(
      {
        innerCount: table.innerCount,
        columns,
        values: table.cells.map((c) => c.value),
        primary,
        published,
        lowerBound: options.lowerBound ?? 0,
      },
      options.solver,
      options.protection ?? DEFAULT_PROTECTION,
    );
    for (const i of intervals.filter((x) => !x.protected))
      problems.push(
        `${describeCell(table, table.cells[i.cell]!)}: an attacker narrows it to [${i.lower}, ${i.upper}], narrower than ${i.required}`,
      );
  }
  return {
    passed: problems.length === 0,
    checked: [
      'exact',
      ...(outcome.singletons.length > 0 ? (['singletons'] as const) : []),
      ...(options.solver ? (['intervals'] as const) : []),
    ],
    problems,
    intervals,
  };
}

/** Refuses to publish a table whose audit failed, naming the first cells and why. */
export function assertPublishable(name: string, report: AuditReport): void {
  if (report.passed) return;
  const shown = report.problems.slice(0, 5).join('; ');
  const more = report.problems.length > 5 ? ` (and ${report.problems.length - 5} more)` : '';
  throw new DomainError(`the suppression audit failed: ${shown}${more}`, [name]);
}
