import ExcelJS from 'exceljs';
import { combinations, SYMBOL_LABELS, type PublishedDataset } from '../domain/publication/dataset.ts';

const quote = (field: string) => (/[",;\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field);

/** One row per cell: each dimension's code and label, then the value, or its symbol where it has none. */
function rows(dataset: PublishedDataset): string[][] {
  const sizes = dataset.dimensions.map((d) => d.categories.length);
  const out: string[][] = [];
  let i = 0;
  for (const picked of combinations(sizes)) {
    const value = dataset.values[i];
    const symbol = dataset.status[i];
    i++;
    out.push([
      ...picked.flatMap((p, d) => {
        const category = dataset.dimensions[d]!.categories[p]!;
        return [category.code, category.label];
      }),
      symbol ?? String(value),
    ]);
  }
  return out;
}

const header = (dataset: PublishedDataset) => [
  ...dataset.dimensions.flatMap((d) => [d.id, `${d.id} (tekst)`]),
  'verdi',
];

/** CSV (comma-separated, UTF-8): suppressed cells carry ":" and missing ones "..", as in the JSON-stat. */
export function datasetCsv(dataset: PublishedDataset): string {
  return [header(dataset), ...rows(dataset)].map((r) => r.map(quote).join(',')).join('\n') + '\n';
}

/** XLSX: the same rows with numbers as numbers, and a sheet explaining the symbols and notes. */
export async function datasetXlsx(dataset: PublishedDataset): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(dataset.id);
  sheet.addRow([dataset.label]).font = { bold: true };
  sheet.addRow(header(dataset)).font = { bold: true };
  for (const row of rows(dataset)) {
    const last = row.at(-1)!;
    const numeric = /^-?\d+(\.\d+)?$/.test(last);
    sheet.addRow([...row.slice(0, -1), numeric ? Number(last) : last]);
  }
  const notes = workbook.addWorksheet('Forklaring');
  notes.addRow(['Tegn', 'Betydning']).font = { bold: true };
  for (const [symbol, label] of Object.entries(SYMBOL_LABELS)) notes.addRow([symbol, label.nb]);
  notes.addRow([]);
  for (const note of dataset.notes) notes.addRow([note]);
  notes.addRow([`Kilde: ${dataset.source}. Oppdatert ${dataset.updated}.`]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * A StatBank load file: semicolon-separated, no header; the codes of every dimension but the contents,
 * then for each contents variable its value and its suppression code (empty when published, else the
 * symbol ":" or ".."), as StatBank takes a value column followed by its code column.
 */
export function datasetStatbank(dataset: PublishedDataset): string {
  const contents = dataset.dimensions.findIndex((d) => d.role === 'metric');
  const sizes = dataset.dimensions.map((d) => d.categories.length);
  const lines = new Map<string, string[]>();
  let i = 0;
  for (const picked of combinations(sizes)) {
    const key = picked
      .flatMap((p, d) => (d === contents ? [] : [dataset.dimensions[d]!.categories[p]!.code]))
      .join(';');
    const symbol = dataset.status[i];
    const value = dataset.values[i];
    i++;
    const line = lines.get(key) ?? [];
    line.push(symbol ? '' : String(value), symbol ?? '');
    lines.set(key, line);
  }
  return [...lines].map(([key, fields]) => `${key};${fields.join(';')}`).join('\n') + '\n';
}
