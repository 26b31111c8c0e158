import type { SurveyDefinition } from '../survey/definition.ts';
import { tableSum, type ResponseContent } from '../survey/response.ts';

export interface ControlThresholds {
  /** Flag when the relative deviation is above this (0.1 = 10 %)… */
  readonly relative: number;
  /** …and the absolute deviation is at least this, in the survey's unit. */
  readonly absolute: number;
}

export interface ControlFlag {
  readonly municipality: string;
  readonly kind: 'kostra_total' | 'previous_round';
  readonly table: string;
  readonly row?: string;
  readonly measure: string;
  readonly reported: number;
  readonly reference: number;
  /** reported − reference, in the survey's unit. */
  readonly deviation: number;
}

const deviates = (reported: number, reference: number, t: ControlThresholds) =>
  Math.abs(reported - reference) >= t.absolute &&
  (reference === 0 ? reported !== 0 : Math.abs(reported - reference) / Math.abs(reference) > t.relative);

/**
 * Controls a submitted response beyond its validation: each table's sum against the KOSTRA total it
 * splits (rows that exceed it, or leave much of it unsplit while claiming a full split), and every amount
 * against the same municipality's previous round. Thresholds are the statistician's to set.
 */
export function controlResponse(
  definition: SurveyDefinition,
  municipality: string,
  content: ResponseContent,
  prefilled: Readonly<Record<string, number | null>>,
  previous: ResponseContent | undefined,
  thresholds: ControlThresholds,
): ControlFlag[] {
  const flags: ControlFlag[] = [];
  for (const table of definition.tables) {
    if (!content.tables[table.key]) continue;
    for (const measure of definition.measures) {
      const reported = tableSum(content.tables[table.key], measure.code);
      const total = table.part_of ? null : (prefilled[measure.code] ?? null);
      // A table that names a residual row claims the whole function: its sum should be the total.
      if (
        reported !== null &&
        total !== null &&
        (reported > total ||
          table.rows.some(
            (r) => r.residual && content.tables[table.key]?.rows[r.key]?.amounts[measure.code] != null,
          ))
      ) {
        if (deviates(reported, total, thresholds))
          flags.push({
            municipality,
            kind: 'kostra_total',
            table: table.key,
            measure: measure.code,
            reported,
            reference: total,
            deviation: reported - total,
          });
      }
      if (!previous) continue;
      for (const row of table.rows) {
        const now = content.tables[table.key]?.rows[row.key]?.amounts[measure.code];
        const before = previous.tables[table.key]?.rows[row.key]?.amounts[measure.code];
        if (typeof now === 'number' && typeof before === 'number' && deviates(now, before, thresholds)) {
          flags.push({
            municipality,
            kind: 'previous_round',
            table: table.key,
            row: row.key,
            measure: measure.code,
            reported: now,
            reference: before,
            deviation: now - before,
          });
        }
      }
    }
  }
  return flags;
}

/** The worklist: flags ordered by the size of the deviation, largest first. */
export function worklist(flags: readonly ControlFlag[]): ControlFlag[] {
  return [...flags].sort(
    (a, b) => Math.abs(b.deviation) - Math.abs(a.deviation) || a.municipality.localeCompare(b.municipality),
  );
}
