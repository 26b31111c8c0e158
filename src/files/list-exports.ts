import ExcelJS from 'exceljs';
import { writeCsv } from '../domain/csv.ts';

type Cell = string | number | null;

/** A list (header row first) as CSV for Norwegian Excel: semicolons, CRLF and a byte-order mark. */
export const listCsv = (rows: readonly (readonly Cell[])[]): string =>
  writeCsv(rows, { separator: ';', lineEnd: '\r\n', bom: true });

/** The same list as a workbook: one sheet, a bold header that stays in view, numbers as numbers. */
export async function listXlsx(sheetName: string, rows: readonly (readonly Cell[])[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  const [header = [], ...body] = rows;
  sheet.addRow([...header]).font = { bold: true };
  for (const row of body) sheet.addRow([...row]);
  sheet.columns.forEach((column, i) => {
    const widest = Math.max(...rows.map((r) => String(r[i] ?? '').length));
    column.width = Math.min(40, Math.max(8, widest + 2));
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
