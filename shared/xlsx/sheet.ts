// Reads one worksheet part into rows of cell text. Row and column positions come from the
// cells' references (r="C7"), so skipped rows stay as empty rows and skipped cells as ''
// (a roster's row numbers then match the sheet's). Cells that hold nothing are not
// written, so rows end at their last non-empty cell and trailing empty rows are dropped.
import { decodeExcelEscapes, numberText, serialDateText } from './cellText';
import type { DateStyle } from './cellText';
import { createRichTextCollector } from './parts';
import type { WorkMeter } from './workMeter';
import { scanXml } from './xml';

export type SheetLimits = { maxRows: number; maxColumns: number; maxCells: number };

export type SheetContext = {
  sharedStrings: readonly string[];
  dateStyles: readonly (DateStyle | undefined)[];
  date1904: boolean;
};

/** Thrown when a sheet is over a limit; `kind` says which. */
export class SheetTooLarge extends Error {
  constructor(readonly kind: 'rows' | 'cells') {
    super(kind);
  }
}

/** Thrown for a cell reference or value that cannot be in a real sheet. */
export class SheetMalformed extends Error {}

/** 0-based column of a reference like "AB12" (or "$AB$12"); undefined when not one. */
export function columnIndexOf(reference: string): number | undefined {
  const match = /^\$?([A-Za-z]{1,3})\$?\d*$/u.exec(reference);
  if (match?.[1] === undefined) return undefined;
  let index = 0;
  for (const ch of match[1].toUpperCase()) index = index * 26 + (ch.charCodeAt(0) - 64);
  return index - 1;
}

function positiveInt(text: string | undefined): number | undefined {
  if (text === undefined || !/^\d{1,9}$/u.test(text)) return undefined;
  const value = Number(text);
  return value >= 1 ? value : undefined;
}

function isoDateCell(raw: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})(?:T00:00(?::00(?:\.0+)?)?Z?)?$/u.exec(raw.trim());
  return match?.[1] ?? raw.trim();
}

export function readSheet(
  xml: string,
  context: SheetContext,
  limits: SheetLimits,
  meter?: WorkMeter,
): string[][] {
  const rows: string[][] = [];
  let cellCount = 0;
  let inSheetData = false;
  let rowNumber = 0;
  let cells: string[] = [];
  let column = -1;
  let type = 'n';
  let style = 0;
  let value = '';
  let inValue = false;
  let inInline = false;
  const inline = createRichTextCollector();

  const cellText = (): string => {
    switch (type) {
      case 's':
        return context.sharedStrings[Number(value.trim())] ?? '';
      case 'inlineStr':
        return inline.take();
      case 'str':
        return decodeExcelEscapes(value);
      case 'e':
        return value;
      case 'b':
        return value.trim() === '1' || value.trim() === 'true' ? 'TRUE' : 'FALSE';
      case 'd':
        return isoDateCell(value);
      default: {
        if (value.trim() === '') return '';
        const dateStyle = context.dateStyles[style];
        if (dateStyle !== undefined) {
          const date = serialDateText(Number(value), dateStyle, context.date1904);
          if (date !== undefined) return date;
        }
        return numberText(value);
      }
    }
  };

  scanXml(
    xml,
    {
      open(name, attrs) {
        if (name === 'sheetData') {
          inSheetData = true;
          return;
        }
        if (!inSheetData) return;
        if (name === 'row') {
          rowNumber = positiveInt(attrs.get('r')) ?? rowNumber + 1;
          if (rowNumber > limits.maxRows) throw new SheetTooLarge('rows');
          cells = [];
          column = -1;
        } else if (name === 'c') {
          const reference = attrs.get('r');
          const at = reference === undefined ? column + 1 : columnIndexOf(reference);
          if (at === undefined || at < 0 || at >= limits.maxColumns) {
            throw new SheetMalformed(`bad cell reference ${reference ?? ''}`);
          }
          column = at;
          type = attrs.get('t') ?? 'n';
          style = positiveInt(attrs.get('s')) ?? 0;
          value = '';
          inValue = false;
          inInline = false;
          inline.take();
        } else if (name === 'v') {
          inValue = true;
        } else if (name === 'is') {
          inInline = true;
        } else if (inInline) {
          inline.open(name);
        }
      },
      close(name) {
        if (!inSheetData) return;
        if (name === 'sheetData') {
          inSheetData = false;
        } else if (name === 'v') {
          inValue = false;
        } else if (name === 'is') {
          inInline = false;
        } else if (inInline) {
          inline.close(name);
        } else if (name === 'c') {
          const text = cellText();
          if (text !== '') {
            if (column >= cells.length) cellCount += column + 1 - cells.length;
            if (cellCount > limits.maxCells) throw new SheetTooLarge('cells');
            while (cells.length < column) cells.push('');
            cells[column] = text;
          }
        } else if (name === 'row') {
          if (cells.length > 0) {
            while (rows.length < rowNumber - 1) rows.push([]);
            const existing = rows[rowNumber - 1];
            // A row number given twice (never by Excel) merges rather than losing cells.
            if (existing === undefined) rows[rowNumber - 1] = cells;
            else
              cells.forEach((text, i) => (existing[i] = text !== '' ? text : (existing[i] ?? '')));
          }
        }
      },
      text(text) {
        if (inValue) value += text;
        else if (inInline) inline.text(text);
      },
    },
    { meter },
  );
  // Holes left by rows written out of order become empty rows.
  for (let i = 0; i < rows.length; i += 1) if (rows[i] === undefined) rows[i] = [];
  return rows;
}
