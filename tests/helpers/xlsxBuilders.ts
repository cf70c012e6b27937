// Workbooks made by exceljs (an independent implementation) for tests of shared/xlsx, and
// reading our own output back through it.
import ExcelJS from 'exceljs';

export type ExcelSheetSpec = {
  name: string;
  /** Rows from A1; undefined/null leave a cell empty; a Date becomes a date cell. */
  rows: (string | number | boolean | Date | null | undefined)[][];
  /** Optional per-cell number formats, keyed like 'B2'. */
  numFmt?: Record<string, string>;
  hidden?: boolean;
};

/** Writes a workbook with exceljs and returns its bytes. */
export async function excelWorkbook(sheets: readonly ExcelSheetSpec[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(spec.name, spec.hidden ? { state: 'hidden' } : {});
    spec.rows.forEach((row, r) => {
      row.forEach((value, c) => {
        if (value === undefined || value === null) return;
        sheet.getCell(r + 1, c + 1).value = value;
      });
    });
    for (const [address, format] of Object.entries(spec.numFmt ?? {})) {
      sheet.getCell(address).numFmt = format;
    }
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}

/** Loads bytes with exceljs. */
export async function loadWithExcelJs(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  const copy = bytes.slice();
  // exceljs types its input as an ArrayBuffer-like "Buffer" of its own.
  await workbook.xlsx.load(copy.buffer);
  return workbook;
}

/** The values of a sheet as exceljs sees them, rows from 1, columns from 1 (index 0 unused). */
export function excelValues(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: unknown[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cell.value;
    });
    rows[rowNumber - 1] = cells;
  });
  return rows;
}
