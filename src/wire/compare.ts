import * as z from 'zod';

/* What the comparison API sends: a municipality against its KOSTRA group, county and the country. */

const symbol = z.enum([':', '.', '..']).nullable();

export const wireComparable = z.strictObject({
  table: z.strictObject({ id: z.string(), label: z.string() }),
  municipalities: z.array(z.strictObject({ code: z.string(), label: z.string() })),
  functions: z.array(z.strictObject({ code: z.string(), label: z.string() })),
});
export type WireComparable = z.infer<typeof wireComparable>;

export const wireComparison = z.strictObject({
  table: z.strictObject({ id: z.string(), label: z.string(), updated: z.string() }),
  municipality: z.strictObject({ code: z.string(), label: z.string(), note: z.array(z.string()) }),
  periods: z.array(z.strictObject({ code: z.string(), note: z.array(z.string()) })),
  fixed: z.record(z.string(), z.string()),
  figures: z.array(
    z.strictObject({
      code: z.string(),
      label: z.string(),
      unit: z.string(),
      chart: z.string(),
      series: z.array(
        z.strictObject({
          compared: z.enum(['municipality', 'group', 'county', 'country', 'country_without_oslo']),
          label: z.string(),
          values: z.array(
            z.strictObject({
              period: z.string(),
              region: z.string().nullable(),
              value: z.number().nullable(),
              status: symbol,
            }),
          ),
        }),
      ),
    }),
  ),
  notes: z.array(z.string()),
  downloads: z.strictObject({ csv: z.string(), xlsx: z.string(), json_stat: z.string() }),
});
export type WireComparison = z.infer<typeof wireComparison>;
