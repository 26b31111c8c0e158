import { parseData as parse } from './parse-data.ts';
import * as z from 'zod';
import { DomainError } from './errors.ts';

const labels = z.object({ nb: z.string(), nn: z.string(), en: z.string() });

const sizeGroupsSchema = z.object({
  source: z.string(),
  groups: z
    .array(
      z.object({
        code: z.string(),
        labels,
        asss: z.boolean().optional(),
        min_population: z.number().int().optional(),
        max_population: z.number().int().optional(),
      }),
    )
    .min(1),
});

const criteriaSchema = z.object({
  source: z.string(),
  criteria: z.array(z.object({ code: z.string(), labels })).min(1),
});

export type SizeGroup = z.infer<typeof sizeGroupsSchema>['groups'][number];
export type SelectionCriterion = z.infer<typeof criteriaSchema>['criteria'][number];

/** The classifications a report needs, in the order the note presents them. */
export interface ReferenceData {
  readonly sizeGroups: readonly SizeGroup[];
  readonly criteria: readonly SelectionCriterion[];
}

export function parseReferenceData(sizeGroups: unknown, criteria: unknown): ReferenceData {
  return {
    sizeGroups: parse(sizeGroupsSchema, sizeGroups, 'size-groups.json').groups,
    criteria: parse(criteriaSchema, criteria, 'selection-criteria.json').criteria,
  };
}

/**
 * The size group of a municipality: ASSS members by membership, the others by population.
 *
 * @example sizeGroupOf(groups, { asss: false, population: 4_200 }) === '<5000'
 */
export function sizeGroupOf(
  groups: readonly SizeGroup[],
  municipality: { readonly asss: boolean; readonly population: number },
): string {
  if (municipality.asss) {
    const asss = groups.find((g) => g.asss === true);
    if (asss) return asss.code;
  }
  const group = groups.find(
    (g) =>
      g.asss !== true &&
      (g.min_population ?? -Infinity) <= municipality.population &&
      municipality.population <= (g.max_population ?? Infinity),
  );
  if (!group) throw new DomainError(`no size group for population ${municipality.population}`);
  return group.code;
}
