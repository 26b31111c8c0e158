import { DomainError } from '../errors.ts';
import { applyCodelist, findCodelist, groupsInTable, type OutputValues } from './codelist.ts';
import {
  combinations,
  flatIndex,
  selectCategories,
  type CellSymbol,
  type PublishedDataset,
} from './dataset.ts';
import { selectValues } from './selection.ts';

/** One variable of a PxWeb API v2 selection: value codes or expressions, optionally through a codelist. */
export interface VariableQuery {
  readonly variableCode: string;
  readonly codelist?: string;
  readonly outputValues?: OutputValues;
  readonly valueCodes: readonly string[];
}

export interface Placement {
  readonly heading: readonly string[];
  readonly stub: readonly string[];
}

/** A selection as PxWeb API v2 takes it (GET parameters, POST body and saved queries alike). */
export interface TableQuery {
  readonly selection: readonly VariableQuery[];
  readonly placement?: Partial<Placement>;
}

/** The table as a reader first sees it: every value of the latest period, measures and years across. */
export function defaultSelection(dataset: PublishedDataset): {
  selection: VariableQuery[];
  placement: Placement;
} {
  return {
    selection: dataset.dimensions.map((d) => ({
      variableCode: d.id,
      valueCodes: d.role === 'time' ? [d.categories.at(-1)!.code] : d.categories.map((c) => c.code),
    })),
    placement: defaultPlacement(dataset),
  };
}

export function defaultPlacement(dataset: PublishedDataset): Placement {
  const across = (role: string | undefined) => role === 'metric' || role === 'time';
  return {
    stub: dataset.dimensions.filter((d) => !across(d.role)).map((d) => d.id),
    heading: dataset.dimensions.filter((d) => across(d.role)).map((d) => d.id),
  };
}

/**
 * Runs a selection on a published table. Each variable takes its value codes or expressions, through a
 * codelist if one is named; a variable left out gets its total where it has one and is an error where it
 * has none; no selection at all gives the default selection. The result's dimensions come in the order of
 * the placement: the stub, then the heading.
 */
export function runQuery(
  table: PublishedDataset,
  query: TableQuery,
): { dataset: PublishedDataset; placement: Placement } {
  const asked = new Map<string, VariableQuery>();
  for (const q of query.selection) {
    if (!table.dimensions.some((d) => d.id === q.variableCode))
      throw new DomainError(`no variable "${q.variableCode}" in ${table.id}`, ['selection', q.variableCode]);
    if (asked.has(q.variableCode))
      throw new DomainError(`variable ${q.variableCode} is selected twice`, ['selection', q.variableCode]);
    if (q.outputValues && !q.codelist)
      throw new DomainError(`outputValues needs a codelist for variable ${q.variableCode}`, [
        'outputValues',
        q.variableCode,
      ]);
    asked.set(q.variableCode, q);
  }
  const selection = query.selection.length === 0 ? defaultSelection(table).selection : [...asked.values()];
  const byVariable = new Map(selection.map((q) => [q.variableCode, q]));

  let dataset = table;
  const chosen: number[][] = [];
  for (const dimension of table.dimensions) {
    const q = byVariable.get(dimension.id);
    const current = dataset.dimensions.find((d) => d.id === dimension.id)!;
    if (!q) {
      if (dimension.elimination === undefined)
        throw new DomainError(
          `variable ${dimension.id} must be selected: it has no total to leave it out by`,
          ['selection', dimension.id],
        );
      chosen.push(selectValues(current, dimension.elimination));
    } else if (q.codelist) {
      const codelist = findCodelist(table, dimension.id, q.codelist);
      const groups = groupsInTable(current.categories, codelist);
      const values = groups.map((g) => ({ code: g.code, label: g.label }));
      const picked = selectValues(
        { id: dimension.id, label: '', categories: values },
        q.valueCodes.join(','),
      );
      dataset = applyCodelist(dataset, dimension.id, codelist, picked, q.outputValues ?? 'aggregated');
      chosen.push(dataset.dimensions.find((d) => d.id === dimension.id)!.categories.map((_, i) => i));
    } else chosen.push(selectValues(current, q.valueCodes.join(',')));
  }
  dataset = selectCategories(dataset, chosen);
  const placement = resolvePlacement(table, query.placement);
  return { dataset: reorder(dataset, [...placement.stub, ...placement.heading]), placement };
}

/** A placement checked against the table; what it leaves out goes to the stub, or the heading if it names only a stub. */
function resolvePlacement(table: PublishedDataset, asked: Partial<Placement> | undefined): Placement {
  if (!asked || (asked.heading === undefined && asked.stub === undefined)) return defaultPlacement(table);
  const ids = table.dimensions.map((d) => d.id);
  const named = [...(asked.heading ?? []), ...(asked.stub ?? [])];
  for (const id of named)
    if (!ids.includes(id)) throw new DomainError(`no variable "${id}" in ${table.id}`, ['placement', id]);
  const twice = named.find((id, i) => named.indexOf(id) !== i);
  if (twice) throw new DomainError(`variable ${twice} is placed twice`, ['placement', twice]);
  const rest = ids.filter((id) => !named.includes(id));
  return asked.stub !== undefined && asked.heading === undefined
    ? { stub: asked.stub, heading: rest }
    : { stub: [...(asked.stub ?? []), ...rest], heading: asked.heading ?? [] };
}

/** The same cells with the dimensions in another order. */
export function reorder(dataset: PublishedDataset, order: readonly string[]): PublishedDataset {
  const from = order.map((id) => dataset.dimensions.findIndex((d) => d.id === id));
  if (from.every((f, i) => f === i)) return dataset;
  const sizes = dataset.dimensions.map((d) => d.categories.length);
  const values: (number | null)[] = [];
  const status: (CellSymbol | null)[] = [];
  for (const picked of combinations(from.map((f) => sizes[f]!))) {
    const original: number[] = [];
    from.forEach((f, i) => (original[f] = picked[i]!));
    const at = flatIndex(sizes, original);
    values.push(dataset.values[at]!);
    status.push(dataset.status[at]!);
  }
  return { ...dataset, dimensions: from.map((f) => dataset.dimensions[f]!), values, status };
}

/** How many cells a dataset has. */
export const cellCount = (dataset: PublishedDataset) =>
  dataset.dimensions.reduce((n, d) => n * d.categories.length, 1);
