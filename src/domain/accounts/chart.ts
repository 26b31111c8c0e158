import { parseData as parse } from '../parse-data.ts';
import * as z from 'zod';
import { DomainError } from '../errors.ts';

const codes = z.array(z.string().regex(/^\d{3}$/));
const codeFileSchema = z.object({
  source: z.string(),
  municipal_service_functions: codes,
  municipal_financial_functions: codes,
  oslo_extra_functions: codes.optional(),
  county_functions_also_valid_for_oslo: codes,
  arts: codes,
  municipal_extra_arts: codes,
  oslo_extra_arts: codes.optional(),
  /** Functions and arts valid for Oslo's districts only (regions 030101-030115). */
  oslo_district_functions: codes.optional(),
  oslo_district_arts: codes.optional(),
  arts_valid_only_in_operations: codes,
  arts_valid_only_in_investment: codes,
});
export type CodeFile = z.infer<typeof codeFileSchema>;

const changeSchema = z.object({
  id: z.string(),
  status: z.enum(['enacted', 'proposed']),
  year: z.number().int().nullable(),
  proposed: z.string().optional(),
  kind: z.enum(['split', 'move', 'content', 'label']),
  dimension: z.enum(['function', 'art']),
  from: z.string(),
  to: z.array(z.string()).min(1),
  text: z.string(),
});

const chartSchema = z.object({
  source: z.string(),
  periods: z
    .array(
      z.object({
        valid_from: z.number().int(),
        valid_to: z.number().int().nullable(),
        file: z.string(),
        apply: z.array(z.string()).default([]),
        note: z.string().optional(),
      }),
    )
    .min(1),
  changes: z.array(changeSchema),
  functions: z.record(
    z.string(),
    z.object({
      name: z.string(),
      contains: z.string(),
      valid_from: z.number().int().optional(),
      valid_to: z.number().int().optional(),
    }),
  ),
});
export type ChartData = z.infer<typeof chartSchema>;
export type ChartChange = z.infer<typeof changeSchema>;

export const parseChart = (input: unknown, source: string) => parse(chartSchema, input, source);
export const parseCodeFile = (input: unknown, source: string) => parse(codeFileSchema, input, source);

/** The codes valid in one reporting year for a municipality's accounts (skjema 0A/0M). */
export interface CodeList {
  readonly year: number;
  readonly functions: ReadonlySet<string>;
  readonly arts: ReadonlySet<string>;
  readonly operationsOnlyArts: ReadonlySet<string>;
  readonly investmentOnlyArts: ReadonlySet<string>;
  /** Oslo (region 030100) and its districts also keep county functions. */
  readonly osloFunctions: ReadonlySet<string>;
  /** Oslo's districts (030101-030115) have functions and arts of their own besides. */
  readonly districtFunctions: ReadonlySet<string>;
  readonly districtArts: ReadonlySet<string>;
}

/** The chart of accounts by year: code lists per period, with the enacted changes applied. */
export class ChartOfAccounts {
  constructor(
    readonly data: ChartData,
    private readonly files: ReadonlyMap<string, CodeFile>,
  ) {}

  private readonly lists = new Map<number, CodeList>();

  /** The code list of a year; the same object for the same year, so what is judged by it can be kept. */
  codeList(year: number): CodeList {
    const known = this.lists.get(year);
    if (known) return known;
    const list = this.buildCodeList(year);
    this.lists.set(year, list);
    return list;
  }

  private buildCodeList(year: number): CodeList {
    const period = this.data.periods.find(
      (p) => p.valid_from <= year && (p.valid_to === null || year <= p.valid_to),
    );
    if (!period) throw new DomainError(`no chart of accounts for ${year}`, ['year']);
    const file = this.files.get(period.file);
    if (!file) throw new DomainError(`code list ${period.file} is not loaded`, ['chart-of-accounts.json']);
    const functions = new Set([...file.municipal_service_functions, ...file.municipal_financial_functions]);
    const arts = new Set([...file.arts, ...file.municipal_extra_arts]);
    for (const id of period.apply) {
      const change = this.data.changes.find((c) => c.id === id);
      if (!change) throw new DomainError(`no change ${id}`, ['chart-of-accounts.json', 'periods']);
      const set = change.dimension === 'function' ? functions : arts;
      set.delete(change.from);
      for (const code of change.to) set.add(code);
    }
    return {
      year,
      functions,
      arts,
      operationsOnlyArts: new Set(file.arts_valid_only_in_operations),
      investmentOnlyArts: new Set(file.arts_valid_only_in_investment),
      osloFunctions: new Set([
        ...(file.oslo_extra_functions ?? []),
        ...file.county_functions_also_valid_for_oslo,
      ]),
      districtFunctions: new Set(file.oslo_district_functions ?? file.oslo_extra_functions ?? []),
      districtArts: new Set(file.oslo_district_arts ?? file.oslo_extra_arts ?? []),
    };
  }

  /**
   * The functions that carry in `year` what `code` carried before an enacted split: 254 for 2021 is 254,
   * for 2024 it is 257 and 258. A survey round on 2024 data splits 257 and 258 where earlier ones split 254.
   */
  successors(code: string, year: number): string[] {
    const split = this.data.changes.find(
      (c) =>
        c.status === 'enacted' &&
        c.kind === 'split' &&
        c.dimension === 'function' &&
        c.from === code &&
        c.year !== null &&
        c.year <= year,
    );
    return split ? split.to.flatMap((to) => this.successors(to, year)) : [code];
  }

  /** The dated changes concerning a function, enacted and proposed. */
  changesOf(code: string): ChartChange[] {
    return this.data.changes.filter(
      (c) => c.dimension === 'function' && (c.from === code || c.to.includes(code)),
    );
  }
}
