import ExcelJS from 'exceljs';
import {
  combinations,
  SYMBOL_LABELS,
  type DatasetCategory,
  type PublishedDataset,
} from '../domain/publication/dataset.ts';
import type { TableLanguage } from '../domain/publication/language.ts';
import { writeCsv } from '../domain/csv.ts';

/** How a table is laid out in CSV and XLSX: PxWeb API v2's output format parameters. */
export interface TableLayout {
  /** How many of the last dimensions go across (the heading); the others go down (the stub). */
  readonly headingCount: number;
  readonly labels: 'codes' | 'texts' | 'codesAndTexts';
  readonly title: boolean;
  readonly separator: ',' | ';' | '\t' | ' ';
  readonly language: TableLanguage;
}

export const DEFAULT_LAYOUT: TableLayout = {
  headingCount: 0,
  labels: 'texts',
  title: false,
  separator: ',',
  language: 'no',
};

type Cell = string | number;

/**
 * The table as a grid: a header row, then one row per combination of the stub's categories with one
 * column per combination of the heading's; a cell holds the number, or the symbol where it has none.
 */
function grid(dataset: PublishedDataset, layout: TableLayout): Cell[][] {
  const dims = dataset.dimensions;
  const split = dims.length - layout.headingCount;
  const stub = dims.slice(0, split);
  const heading = dims.slice(split);
  const name = (c: DatasetCategory) =>
    layout.labels === 'codes' ? c.code : layout.labels === 'texts' ? c.label : `${c.code} ${c.label}`;
  const across = [...combinations(heading.map((d) => d.categories.length))];
  const header: Cell[] = [
    ...stub.map((d) => (layout.labels === 'codes' ? d.id : d.label)),
    ...(heading.length === 0
      ? [layout.language === 'en' ? 'value' : 'verdi']
      : across.map((h) => h.map((p, i) => name(heading[i]!.categories[p]!)).join(' '))),
  ];
  const rows: Cell[][] = [header];
  const width = across.length;
  let i = 0;
  for (const down of combinations(stub.map((d) => d.categories.length))) {
    const row: Cell[] = down.map((p, d) => name(stub[d]!.categories[p]!));
    for (let k = 0; k < width; k++, i++) row.push(dataset.status[i] ?? dataset.values[i]!);
    rows.push(row);
  }
  return rows;
}

/** CSV (UTF-8): suppressed cells carry ":" and missing ones "..", as in the JSON-stat. */
export function datasetCsv(dataset: PublishedDataset, layout: TableLayout = DEFAULT_LAYOUT): string {
  const rows = [...(layout.title ? [[dataset.label]] : []), ...grid(dataset, layout)];
  // Semicolons are what Norwegian Excel splits on: that file is made to open there as it is, with decimal
  // commas, Windows line ends and a byte-order mark so that æøå read right. Other separators stay plain.
  if (layout.separator === ';')
    return writeCsv(
      rows.map((row) =>
        row.map((cell) => (typeof cell === 'number' ? String(cell).replace('.', ',') : cell)),
      ),
      { separator: ';', lineEnd: '\r\n', bom: true },
    );
  return writeCsv(rows, { separator: layout.separator });
}

/** XLSX: the same grid with numbers as numbers, and a sheet explaining the symbols and notes. */
export async function datasetXlsx(
  dataset: PublishedDataset,
  layout: TableLayout = DEFAULT_LAYOUT,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(dataset.id);
  if (layout.title) sheet.addRow([dataset.label]).font = { bold: true };
  const [header = [], ...rows] = grid(dataset, layout);
  sheet.addRow(header).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  const en = layout.language === 'en';
  const notes = workbook.addWorksheet(en ? 'Explanation' : 'Forklaring');
  notes.addRow(en ? ['Symbol', 'Meaning'] : ['Tegn', 'Betydning']).font = { bold: true };
  for (const [symbol, label] of Object.entries(SYMBOL_LABELS))
    notes.addRow([symbol, en ? label.en : label.nb]);
  notes.addRow([]);
  for (const note of dataset.notes) notes.addRow([note]);
  notes.addRow([
    en
      ? `Source: ${dataset.source}. Updated ${dataset.updated}.`
      : `Kilde: ${dataset.source}. Oppdatert ${dataset.updated}.`,
  ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
