import { DomainError } from '../errors.ts';
import {
  combinations,
  flatIndex,
  type CellSymbol,
  type Codelist,
  type DatasetCategory,
  type PublishedDataset,
} from './dataset.ts';

/** How a codelist's values come out: as the groups' totals, or as the groups' own members. */
export type OutputValues = 'aggregated' | 'single';

/** The codelist a dimension offers by that id, or an error naming both. */
export function findCodelist(dataset: PublishedDataset, dimensionId: string, id: string): Codelist {
  const dimension = dataset.dimensions.find((d) => d.id === dimensionId);
  const codelist = dimension?.codelists?.find((c) => c.id === id);
  if (!codelist)
    throw new DomainError(`no codelist "${id}" for variable ${dimensionId} in ${dataset.id}`, [
      'codelist',
      dimensionId,
    ]);
  return codelist;
}

/** The codelist's values that have at least one member in the dimension, each with the members it has. */
export function groupsInTable(
  categories: readonly DatasetCategory[],
  codelist: Codelist,
): { code: string; label: string; labelEn?: string; members: number[] }[] {
  const position = new Map(categories.map((c, i) => [c.code, i]));
  return codelist.values.flatMap((v) => {
    const members = v.valueMap.flatMap((code) => {
      const at = position.get(code);
      return at === undefined ? [] : [at];
    });
    return members.length === 0
      ? []
      : [{ code: v.code, label: v.label, ...(v.labelEn ? { labelEn: v.labelEn } : {}), members }];
  });
}

const sameMembers = (category: DatasetCategory, codes: ReadonlySet<string>) =>
  category.members !== undefined &&
  category.members.length === codes.size &&
  category.members.every((c) => codes.has(c));

/**
 * The dataset with one dimension's categories replaced by a codelist's groups (those chosen, in order).
 *
 * Aggregated, a group's cell is the table's own aggregate where the table has one over exactly the same
 * members (it went through the publication's suppression and audit with the rest). Otherwise it is the sum
 * of its members' published values, and withheld (":") if any member is: a sum of published cells tells an
 * attacker nothing the cells do not, while a sum over a withheld cell would give it away. A member that is
 * missing ("..") or not applicable (".") makes the group so too.
 *
 * Single, the groups' members come out as they are, group after group.
 */
export function applyCodelist(
  dataset: PublishedDataset,
  dimensionId: string,
  codelist: Codelist,
  chosen: readonly number[] | undefined,
  output: OutputValues,
): PublishedDataset {
  const d = dataset.dimensions.findIndex((x) => x.id === dimensionId);
  const dimension = dataset.dimensions[d]!;
  const all = groupsInTable(dimension.categories, codelist);
  const groups = chosen ? chosen.map((i) => all[i]!) : all;
  if (output === 'single') {
    const members: number[] = [];
    for (const g of groups) for (const m of g.members) if (!members.includes(m)) members.push(m);
    return pick(dataset, d, members);
  }
  const sizes = dataset.dimensions.map((x) => x.categories.length);
  const outSizes = sizes.map((s, i) => (i === d ? groups.length : s));
  const values: (number | null)[] = [];
  const status: (CellSymbol | null)[] = [];
  const ownAggregate = groups.map((g) => {
    const codes = new Set(g.members.map((m) => dimension.categories[m]!.code));
    return dimension.categories.findIndex((c) => sameMembers(c, codes));
  });
  const metric = dataset.dimensions.findIndex((x) => x.role === 'metric');
  const ratioAt = (picked: readonly number[]) =>
    metric >= 0 && dataset.dimensions[metric]!.categories[picked[metric]!]!.ratio === true;
  for (const picked of combinations(outSizes)) {
    const g = picked[d]!;
    const cellAt = (category: number) => flatIndex(sizes, picked.with(d, category));
    if (ownAggregate[g]! >= 0) {
      const at = cellAt(ownAggregate[g]!);
      values.push(dataset.values[at]!);
      status.push(dataset.status[at]!);
      continue;
    }
    if (ratioAt(picked)) {
      values.push(null);
      status.push('..'); // a ratio of a group the table has no aggregate for is not the sum of its members'
      continue;
    }
    const cells = groups[g]!.members.map(cellAt);
    const symbols = cells.map((at) => dataset.status[at]);
    const symbol = ([':', '..', '.'] as const).find((s) => symbols.includes(s));
    if (symbol) {
      values.push(null);
      status.push(symbol);
    } else {
      values.push(cells.reduce((sum, at) => sum + dataset.values[at]!, 0));
      status.push(null);
    }
  }
  return {
    ...dataset,
    dimensions: dataset.dimensions.map((x, i) => {
      if (i !== d) return x;
      const { codelists: _offered, elimination: _total, ...rest } = x;
      return {
        ...rest,
        categories: groups.map((g) => ({
          code: g.code,
          label: g.label,
          ...(g.labelEn ? { labelEn: g.labelEn } : {}),
          members: g.members.map((m) => x.categories[m]!.code),
        })),
      };
    }),
    values,
    status,
  };
}

/** The dataset with only the given categories of one dimension, in that order. */
function pick(dataset: PublishedDataset, d: number, categories: readonly number[]): PublishedDataset {
  const sizes = dataset.dimensions.map((x) => x.categories.length);
  const outSizes = sizes.map((s, i) => (i === d ? categories.length : s));
  const values: (number | null)[] = [];
  const status: (CellSymbol | null)[] = [];
  for (const picked of combinations(outSizes)) {
    const at = flatIndex(sizes, picked.with(d, categories[picked[d]!]!));
    values.push(dataset.values[at]!);
    status.push(dataset.status[at]!);
  }
  return {
    ...dataset,
    dimensions: dataset.dimensions.map((x, i) =>
      i === d ? { ...x, categories: categories.map((c) => x.categories[c]!) } : x,
    ),
    values,
    status,
  };
}
