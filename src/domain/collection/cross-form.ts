import * as z from 'zod';
import type { Answers } from '../forms/answers.ts';
import { conditionSchema } from '../forms/definition.ts';
import { holds } from '../forms/conditions.ts';
import { labelsSchema } from '../forms/definition.ts';
import { parseData } from '../parse-data.ts';
import { percent } from '../rounding.ts';

/**
 * Controls across forms (data/forms/controls/cross-form.json): a number of one form summed over the units of
 * each municipality (those whose answers meet a condition) against a number another form has for the
 * municipality itself, flagged when they differ by more than both tolerances.
 */
const controlsSchema = z.strictObject({
  source: z.string().min(1),
  controls: z.array(
    z.strictObject({
      id: z.string().regex(/^[a-z0-9-]+$/),
      labels: labelsSchema,
      sum: z.strictObject({ form: z.string(), path: z.string(), when: conditionSchema.optional() }),
      against: z.strictObject({ form: z.string(), path: z.string() }),
      tolerance: z.strictObject({ percent: z.number().min(0), absolute: z.number().min(0) }),
    }),
  ),
});
export type CrossFormControls = z.infer<typeof controlsSchema>;
export type CrossFormControl = CrossFormControls['controls'][number];

export const parseCrossFormControls = (input: unknown, source: string): CrossFormControls =>
  parseData(controlsSchema, input, source);

/** A unit's latest submitted answers, with the municipality it belongs to. */
export interface UnitAnswers {
  readonly unit: string;
  readonly municipality: string;
  readonly answers: Answers;
}

export interface CrossFormRow {
  readonly control: string;
  readonly municipality: string;
  /** The summed form's value over the municipality's units that meet the condition; null when none answered. */
  readonly summed: number | null;
  /** How many units the sum is over. */
  readonly units: number;
  /** The other form's value for the municipality; null when it has not submitted or not answered. */
  readonly against: number | null;
  readonly difference: number | null;
  /** The difference as a share of the other form's value, one decimal; null when that is 0 or missing. */
  readonly percent: number | null;
  readonly flagged: boolean;
}

const numberAt = (answers: Answers, path: string): number | undefined => {
  const v = answers[path];
  return typeof v === 'number' ? v : undefined;
};

/**
 * The control for every municipality that either form has: the sum, the value against it, the difference
 * and whether it is flagged (a value on one side only is flagged too: one form says there are residents, the
 * other nothing). The flagged first, the largest differences first.
 */
export function crossFormControl(
  control: CrossFormControl,
  summedUnits: readonly UnitAnswers[],
  againstUnits: readonly UnitAnswers[],
): CrossFormRow[] {
  const sums = new Map<string, { sum: number; units: number }>();
  for (const u of summedUnits) {
    if (control.sum.when && !holds(control.sum.when, u.answers)) continue;
    const value = numberAt(u.answers, control.sum.path);
    if (value === undefined) continue;
    const entry = sums.get(u.municipality) ?? { sum: 0, units: 0 };
    sums.set(u.municipality, { sum: entry.sum + value, units: entry.units + 1 });
  }
  const against = new Map(
    againstUnits.map((u) => [u.municipality, numberAt(u.answers, control.against.path)]),
  );
  const municipalities = [...new Set([...sums.keys(), ...against.keys()])].sort();
  const rows = municipalities.map((municipality): CrossFormRow => {
    const summed = sums.get(municipality);
    const other = against.get(municipality) ?? null;
    const difference = summed && other !== null ? summed.sum - other : null;
    const share = difference !== null && other ? percent(difference, other, 1) : null;
    const flagged =
      difference === null
        ? (summed?.sum ?? 0) > 0 || (other ?? 0) > 0
        : Math.abs(difference) > control.tolerance.absolute &&
          (share === null || Math.abs(share) > control.tolerance.percent);
    return {
      control: control.id,
      municipality,
      summed: summed?.sum ?? null,
      units: summed?.units ?? 0,
      against: other,
      difference,
      percent: share,
      flagged,
    };
  });
  // Flagged first; among them a value on one side only, then the largest differences.
  const size = (r: CrossFormRow) =>
    r.difference === null ? (r.flagged ? Infinity : -1) : Math.abs(r.difference);
  return rows.sort(
    (a, b) =>
      Number(b.flagged) - Number(a.flagged) ||
      size(b) - size(a) ||
      a.municipality.localeCompare(b.municipality),
  );
}
