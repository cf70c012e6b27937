// Reads a roster as the department keeps it — a grid of cells from an Excel sheet or a
// CSV, often with a title row above the header and Chinese column names — and validates
// every data row, collecting each problem (row, column, what is wrong) in Chinese so the
// secretariat can fix the sheet before anything is saved. Duplicates are found within the
// file and against the bases already in the round (same name and host institution), so an
// import never makes a second copy. Pure: no I/O, no decoding.
import { compactText, normaliseCityName } from '../domain/taxonomy';
import type { Base, BaseTypeCode, CityName, LegacyTypeCode } from '../domain/types';
import {
  MAX_FIGURE_CHARS,
  MAX_TEXT_CHARS,
  MAX_YEAR,
  MIN_YEAR,
  readCodeCell,
  readFigureCell,
  readTypeCell,
  readYearCell,
} from './rosterCells';
import type { TypeChoice } from './rosterCells';
import {
  findHeaderRow,
  HEADER_SEARCH_ROWS,
  keyFigureColumns,
  mapColumns,
  REQUIRED_FIELDS,
  ROSTER_COLUMNS,
} from './rosterHeader';
import type { RosterField } from './rosterHeader';

export {
  MAX_YEAR,
  MIN_YEAR,
  readCodeCell,
  readFigureCell,
  readTypeCell,
  readYearCell,
} from './rosterCells';
export type { TypeChoice, TypeReading } from './rosterCells';
export {
  findHeaderRow,
  HEADER_SEARCH_ROWS,
  MAX_KEY_FIGURE_COLUMNS,
  ROSTER_COLUMNS,
} from './rosterHeader';
export type { RosterField } from './rosterHeader';

export type RosterRow = {
  /** 1-based spreadsheet row the values came from. */
  row: number;
  name: string;
  type: BaseTypeCode;
  legacyType?: LegacyTypeCode;
  hostInstitution: string;
  city: CityName;
  director: string;
  yearEstablished: number;
  field: string;
  /** The 基地编号 from the file, when it has one. */
  code?: string;
  /** Cells of the extra columns, by header; absent when the row has none. */
  keyFigures?: Record<string, number | string>;
};

export type RosterProblem = {
  /** 1-based spreadsheet row. */
  row: number;
  /** Chinese column header (canonical spelling). */
  column: string;
  /** What is wrong, in Chinese. */
  message: string;
  /** Set when the problem is a legacy type that goes to several new types: the choices. */
  typeChoice?: TypeChoice;
};

export type RosterReadResult = {
  /** Rows without any problem, ready to become bases. */
  rows: RosterRow[];
  problems: RosterProblem[];
  /** 1-based row of the header, when one was found. */
  headerRow?: number;
  /** Headers of the extra columns kept as key figures. */
  keyFigureColumns: string[];
};

export type RosterReadOptions = {
  /** Bases already in the round: the same name and host is a duplicate; their codes are taken. */
  existing?: readonly Pick<Base, 'name' | 'hostInstitution' | 'code'>[];
  /** New types chosen in the preview for rows whose legacy type needs a choice, by row. */
  typeChoices?: ReadonlyMap<number, BaseTypeCode>;
  /**
   * The round's year (Round.year). A base cannot have been established after the year it
   * is evaluated in: a later 批建年份 is a problem of its row. Importers pass it.
   */
  roundYear?: number;
};

/** The key under which two bases are the same one: name and host, ignoring spacing and width. */
export function baseIdentityKey(base: { name: string; hostInstitution: string }): string {
  return `${compactText(base.name)}\u0000${compactText(base.hostInstitution)}`;
}

function isEmptyRow(cells: readonly string[]): boolean {
  return cells.every((c) => compactText(c) === '');
}

const OPTIONAL_TEXT_FIELDS: readonly RosterField[] = ['director', 'field'];

/** Reads and validates a roster grid (rows of cell text, top row first). */
export function readRoster(
  grid: readonly (readonly string[])[],
  options: RosterReadOptions = {},
): RosterReadResult {
  const headerIndex = findHeaderRow(grid);
  if (headerIndex === undefined) {
    return {
      rows: [],
      problems: [
        {
          row: 1,
          column: `${ROSTER_COLUMNS.name}、${ROSTER_COLUMNS.type}`,
          message: `前 ${HEADER_SEARCH_ROWS} 行中未找到同时含有「基地名称」和「基地类型」的表头行`,
        },
      ],
      keyFigureColumns: [],
    };
  }
  const headerRow = headerIndex + 1;
  const headerCells = grid[headerIndex] ?? [];
  const columns = mapColumns(headerCells);
  const missing = REQUIRED_FIELDS.filter((f) => columns[f] === undefined);
  if (missing.length > 0) {
    const names = missing.map((f) => ROSTER_COLUMNS[f]).join('、');
    return {
      rows: [],
      problems: [{ row: headerRow, column: names, message: `缺少必填列：${names}` }],
      headerRow,
      keyFigureColumns: [],
    };
  }
  const figures = keyFigureColumns(headerCells);
  if (!figures.ok) {
    return {
      rows: [],
      problems: [{ row: headerRow, column: '表头', message: figures.message }],
      headerRow,
      keyFigureColumns: [],
    };
  }

  const rows: RosterRow[] = [];
  const problems: RosterProblem[] = [];
  const firstRowByKey = new Map<string, number>();
  const firstRowByCode = new Map<string, number>();
  const existingKeys = new Set((options.existing ?? []).map(baseIdentityKey));
  const existingCodes = new Set((options.existing ?? []).map((b) => b.code));

  for (let i = headerIndex + 1; i < grid.length; i += 1) {
    const cells = grid[i] ?? [];
    if (isEmptyRow(cells)) continue;
    const row = i + 1;
    const rowProblems: RosterProblem[] = [];
    const problem = (f: RosterField, message: string): void => {
      rowProblems.push({ row, column: ROSTER_COLUMNS[f], message });
    };
    const cell = (f: RosterField): string => {
      const index = columns[f];
      return index === undefined ? '' : (cells[index] ?? '').trim();
    };
    const tooLong = (f: RosterField, text: string): void => {
      if (text.length > MAX_TEXT_CHARS) {
        problem(f, `${ROSTER_COLUMNS[f]}不能超过 ${MAX_TEXT_CHARS} 个字符`);
      }
    };

    const name = cell('name');
    if (compactText(name) === '') problem('name', '基地名称不能为空');
    tooLong('name', name);

    let typeReading = readTypeCell(cell('type'));
    const chosen = options.typeChoices?.get(row);
    if (!typeReading.ok && typeReading.choice !== undefined) {
      const { legacyType, candidates } = typeReading.choice;
      if (chosen !== undefined && candidates.includes(chosen)) {
        typeReading =
          legacyType === undefined
            ? { ok: true, type: chosen }
            : { ok: true, type: chosen, legacyType };
      } else {
        rowProblems.push({
          row,
          column: ROSTER_COLUMNS.type,
          message: typeReading.message,
          typeChoice: typeReading.choice,
        });
      }
    } else if (!typeReading.ok) problem('type', typeReading.message);

    const hostInstitution = cell('hostInstitution');
    if (compactText(hostInstitution) === '') problem('hostInstitution', '依托单位不能为空');
    tooLong('hostInstitution', hostInstitution);

    const cityText = cell('city');
    const city = normaliseCityName(cityText);
    if (compactText(cityText) === '') problem('city', '所在地市不能为空');
    else if (city === undefined) {
      problem('city', `「${cityText}」不是辽宁省的地市（应为沈阳、大连等 14 市或沈抚新区）`);
    }

    const yearText = cell('yearEstablished');
    const year = readYearCell(yearText);
    if (compactText(yearText) === '') problem('yearEstablished', '批建年份不能为空');
    else if (year === undefined) {
      problem(
        'yearEstablished',
        `批建年份「${yearText}」应为 ${MIN_YEAR}–${MAX_YEAR} 之间的整数年份`,
      );
    } else if (options.roundYear !== undefined && year > options.roundYear) {
      problem(
        'yearEstablished',
        `批建年份 ${year} 晚于本轮评估年度 ${options.roundYear} 年，请核对`,
      );
    }
    for (const f of OPTIONAL_TEXT_FIELDS) tooLong(f, cell(f));

    let isDuplicate = false;
    if (compactText(name) !== '') {
      const key = baseIdentityKey({ name, hostInstitution });
      const first = firstRowByKey.get(key);
      if (existingKeys.has(key)) {
        isDuplicate = true;
        problem('name', '本轮已有该基地（基地名称和依托单位相同），不会重复导入');
      } else if (first === undefined) firstRowByKey.set(key, row);
      else {
        isDuplicate = true;
        problem('name', `与第 ${first} 行重复（基地名称和依托单位相同）`);
      }
    }

    const codeReading = readCodeCell(cell('code'));
    if (!codeReading.ok) problem('code', codeReading.message);
    const code = codeReading.ok ? codeReading.code : undefined;
    if (code !== undefined && !isDuplicate) {
      const first = firstRowByCode.get(code);
      if (existingCodes.has(code)) problem('code', `基地编号「${code}」已被本轮其他基地使用`);
      else if (first === undefined) firstRowByCode.set(code, row);
      else problem('code', `基地编号「${code}」与第 ${first} 行重复`);
    }

    const keyFigures: Record<string, number | string> = {};
    for (const { index, label } of figures.columns) {
      const value = readFigureCell(cells[index] ?? '');
      if (typeof value === 'string' && value.length > MAX_FIGURE_CHARS) {
        rowProblems.push({
          row,
          column: label,
          message: `内容不能超过 ${MAX_FIGURE_CHARS} 个字符`,
        });
      } else if (value !== undefined) keyFigures[label] = value;
    }

    problems.push(...rowProblems);
    if (rowProblems.length === 0 && typeReading.ok && city !== undefined && year !== undefined) {
      const base: RosterRow = {
        row,
        name,
        type: typeReading.type,
        hostInstitution,
        city,
        director: cell('director'),
        yearEstablished: year,
        field: cell('field'),
      };
      if (typeReading.legacyType !== undefined) base.legacyType = typeReading.legacyType;
      if (code !== undefined) base.code = code;
      if (Object.keys(keyFigures).length > 0) base.keyFigures = keyFigures;
      rows.push(base);
    }
  }
  return { rows, problems, headerRow, keyFigureColumns: figures.columns.map((c) => c.label) };
}
