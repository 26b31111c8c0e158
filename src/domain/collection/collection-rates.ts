import { osloDay } from '../oslo-time.ts';
import { percent } from '../rounding.ts';
import type { PublicationCheckpoint } from './kostra-calendar.ts';
import {
  responseRates,
  type ListedUnit,
  type RateCheckpoint,
  type UnitSubmission,
} from './response-rates.ts';

/** A frozen publication checkpoint of a collection: the units whose submitted answers went into it. */
export interface TakenCheckpoint {
  readonly kind: PublicationCheckpoint;
  /** The publication's day: what was submitted by its end went in. */
  readonly date: string;
  readonly units: ReadonlySet<string>;
}

/** One form of a collection: its units (expected or not), every submission, the checkpoints taken. */
export interface CollectionForm {
  readonly form: string;
  readonly units: readonly ListedUnit[];
  readonly submissions: readonly UnitSubmission[];
  readonly checkpoints: readonly TakenCheckpoint[];
}

export interface InPublication extends RateCheckpoint {
  readonly kind: PublicationCheckpoint;
  /** Expected units submitted again after the checkpoint: their answers in it are not their latest. */
  readonly resubmittedAfter: number;
}

/** A column of the working group's table (seed 001, section 6.3) for one form. */
export interface CollectionFormRates {
  readonly form: string;
  readonly expected: number;
  /** First submissions by the end of each day (the deadlines). */
  readonly byDate: readonly RateCheckpoint[];
  /** The expected units in each publication taken so far. */
  readonly inPublication: readonly InPublication[];
  readonly lastResubmission: string | null;
}

/**
 * The working group's response-rate table from a collection's data: per form, the expected units, those
 * with a first submission by each date, those in each frozen publication (count and share, one decimal,
 * half away from zero), how many were submitted again after a publication, and the last resubmission.
 */
export function collectionRates(
  forms: readonly CollectionForm[],
  dates: readonly string[],
): CollectionFormRates[] {
  return forms.map((f) => {
    const [rates] = responseRates(f.units, f.submissions, dates);
    const expected = new Set(f.units.filter((u) => u.expected).map((u) => u.unit));
    const inPublication = f.checkpoints.map((c): InPublication => {
      const count = [...c.units].filter((u) => expected.has(u)).length;
      const after = new Set(
        f.submissions
          .filter((s) => expected.has(s.unit) && c.units.has(s.unit) && osloDay(s.submittedAt) > c.date)
          .map((s) => s.unit),
      );
      return {
        kind: c.kind,
        date: c.date,
        count,
        percent: percent(count, expected.size, 1),
        resubmittedAfter: after.size,
      };
    });
    return {
      form: f.form,
      expected: expected.size,
      byDate: rates?.checkpoints ?? [],
      inPublication,
      lastResubmission: rates?.lastResubmission ?? null,
    };
  });
}
