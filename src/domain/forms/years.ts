import * as z from 'zod';

/**
 * When a part of a form applies, in årganger (reporting years), both ends inclusive: `[{from: 2021}]` from
 * 2021 on, `[{to: 2019}, {from: 2021}]` for a category that left in 2020 and came back. No spans: always.
 */
export interface YearSpan {
  readonly from?: number | undefined;
  readonly to?: number | undefined;
}

const year = z.number().int().min(1990).max(2100);

export const yearSpansSchema = z
  .array(
    z
      .strictObject({ from: year.optional(), to: year.optional() })
      .refine((s) => s.from === undefined || s.to === undefined || s.from <= s.to, 'from is after to'),
  )
  .min(1);

export const inYear = (spans: readonly YearSpan[] | undefined, y: number): boolean =>
  spans === undefined || spans.some((s) => (s.from ?? -Infinity) <= y && y <= (s.to ?? Infinity));
