import type { CellSymbol, DatasetCategory, PublishedDataset } from '../publication/dataset.ts';
import { combinations } from '../publication/dataset.ts';
import { roundedAmount } from '../rounding.ts';
import type { Answers } from './answers.ts';
import type { ResolvedForm } from './resolve.ts';

/** One published table of a form round: a grid of the form, by region, row and column. */
export interface GridTablePlan {
  readonly id: string;
  readonly grid: string;
  readonly label: string;
  readonly label_en: string;
  readonly description: string;
  /** The grid's rows and columns as the table's variables: their ids and names. */
  readonly rows: { readonly id: string; readonly label: string; readonly label_en: string };
  readonly columns: { readonly id: string; readonly label: string; readonly label_en: string };
  readonly contents: {
    readonly code: string;
    readonly label: string;
    readonly label_en: string;
    readonly unit: string;
  };
  /** Why no cell is withheld, or what protects them: said in the table's notes. */
  readonly protection_note: string;
}

export interface PublishedUnit {
  readonly unit: string;
  readonly name: string;
  /** Its KOSTRA group (EKG01…), if it has one. */
  readonly group?: string | undefined;
  readonly answers: Answers;
}

export const COUNTRY = 'EAK';
/** Oslo's districts in total, as KOSTRA's region hierarchy names them. */
export const OSLO_DISTRICTS = 'EAB';
export const TOTAL = 'I_ALT';

/**
 * A grid of a form round as a published table: the units that submitted, their KOSTRA groups, Oslo's
 * districts in total (EAB) where districts answered, and the country (all units that submitted) as regions; the grid's rows and columns each with their total. A
 * submitted grid's empty cell counts as 0 (the matrix asks for the hours there are); an aggregate is the sum
 * of its members. Published per unit as KOSTRA publishes municipal service figures, so no cell is withheld.
 */
export function publishGrid(
  form: ResolvedForm,
  plan: GridTablePlan,
  units: readonly PublishedUnit[],
  groupLabels: ReadonlyMap<string, string>,
  updated: string,
): PublishedDataset {
  const grid = form.items.get(plan.grid);
  if (grid?.kind !== 'grid') throw new Error(`${plan.id}: ${plan.grid} is no grid of ${form.id}`);
  const sorted = [...units].sort((a, b) => a.unit.localeCompare(b.unit));
  const groups = [...new Set(sorted.map((u) => u.group).filter((g): g is string => g !== undefined))].sort();
  const districts = sorted.filter((u) => u.unit.length === 6).map((u) => u.unit);
  const regions: DatasetCategory[] = [
    {
      code: COUNTRY,
      label: 'Alle som har svart',
      labelEn: 'All respondents',
      members: sorted.map((u) => u.unit),
    },
    ...(districts.length > 0
      ? [
          {
            code: OSLO_DISTRICTS,
            label: 'Bydeler i Oslo i alt',
            labelEn: 'Oslo districts, total',
            members: districts,
          },
        ]
      : []),
    ...groups.map((g) => ({
      code: g,
      label: groupLabels.get(g) ?? g,
      labelEn: (groupLabels.get(g) ?? g).replace('KOSTRA-gruppe', 'KOSTRA group'),
      members: sorted.filter((u) => u.group === g).map((u) => u.unit),
    })),
    ...sorted.map((u) => ({ code: u.unit, label: `${u.unit} ${u.name}` })),
  ];
  const rows: DatasetCategory[] = [
    ...grid.rows.map((r) => ({ code: r.code, label: r.labels.nb, labelEn: r.labels.en })),
    { code: TOTAL, label: 'I alt', labelEn: 'Total', members: grid.rows.map((r) => r.code) },
  ];
  const columns: DatasetCategory[] = [
    ...grid.columns.map((c) => ({ code: c.code, label: c.labels.nb, labelEn: c.labels.en })),
    { code: TOTAL, label: 'I alt', labelEn: 'Total', members: grid.columns.map((c) => c.code) },
  ];
  const byUnit = new Map(sorted.map((u) => [u.unit, u.answers]));
  const cell = (unit: string, row: string, column: string): number => {
    const value = byUnit.get(unit)?.[`${grid.key}/${row}/${column}`];
    return typeof value === 'number' ? value : 0;
  };
  const expand = (category: DatasetCategory) => category.members ?? [category.code];
  const sizes = [regions.length, rows.length, columns.length, 1, 1];
  const values: (number | null)[] = [];
  const status: (CellSymbol | null)[] = [];
  for (const [r, i, j] of combinations(sizes)) {
    let sum = 0;
    for (const unit of expand(regions[r!]!))
      for (const row of expand(rows[i!]!))
        for (const column of expand(columns[j!]!)) sum += cell(unit, row, column);
    // One decimal, as the hours are asked (and float sums carry noise beyond it), by the one rounding rule.
    values.push(roundedAmount(sum * 10) / 10);
    status.push(null);
  }
  const year = String(form.year);
  return {
    id: plan.id,
    label: plan.label,
    labelEn: plan.label_en,
    description: plan.description,
    source: 'Statistisk sentralbyrå',
    updated,
    decimals: 1,
    dimensions: [
      {
        id: 'Region',
        label: 'region',
        labelEn: 'region',
        role: 'geo',
        categories: regions,
        elimination: COUNTRY,
      },
      {
        id: plan.rows.id,
        label: plan.rows.label,
        labelEn: plan.rows.label_en,
        categories: rows,
        elimination: TOTAL,
      },
      {
        id: plan.columns.id,
        label: plan.columns.label,
        labelEn: plan.columns.label_en,
        categories: columns,
        elimination: TOTAL,
      },
      {
        id: 'ContentsCode',
        label: 'statistikkvariabel',
        labelEn: 'contents',
        role: 'metric',
        categories: [
          {
            code: plan.contents.code,
            label: plan.contents.label,
            labelEn: plan.contents.label_en,
            unit: plan.contents.unit,
          },
        ],
      },
      { id: 'Tid', label: 'år', labelEn: 'year', role: 'time', categories: [{ code: year, label: year }] },
    ],
    values,
    status,
    notes: [plan.protection_note],
    protection: { primary: 0, secondary: 0, checked: ['none: figures published per unit'] },
  };
}
