// Reads a roster as the department keeps it — a grid of cells from an Excel sheet or a
// CSV, often with a title row above the header and Chinese column names — and validates
// every data row, collecting each problem (row, column, what is wrong) in Chinese so the
// secretariat can fix the sheet before anything is saved. Pure: no I/O, no decoding.
import {
  baseTypeByCode,
  compactText,
  isBaseTypeCode,
  normaliseCityName,
  resolveBaseType,
} from '../domain/taxonomy';
import type { BaseTypeCode, CityName, LegacyTypeCode } from '../domain/types';

export type RosterField =
  'name' | 'type' | 'hostInstitution' | 'city' | 'director' | 'yearEstablished' | 'field';

/** The canonical Chinese header of each field, used in problems and the template. */
export const ROSTER_COLUMNS: Readonly<Record<RosterField, string>> = {
  name: '基地名称',
  type: '基地类型',
  hostInstitution: '依托单位',
  city: '所在地市',
  director: '负责人',
  yearEstablished: '批建年份',
  field: '所属领域',
};

/** Header spellings accepted for each field (compared after compactText). */
const COLUMN_ALIASES: Readonly<Record<RosterField, readonly string[]>> = {
  name: ['基地名称', '名称', '平台名称'],
  type: ['基地类型', '类型', '原基地类型', '新基地类型'],
  hostInstitution: ['依托单位', '承担单位'],
  city: ['所在地市', '地市', '所在城市', '城市', '所在地区'],
  director: ['负责人', '主任'],
  yearEstablished: ['批建年份', '批准年份', '建设年份', '批建时间'],
  field: ['所属领域', '领域'],
};

const FIELDS = Object.keys(ROSTER_COLUMNS) as RosterField[];

const REQUIRED_FIELDS: readonly RosterField[] = [
  'name',
  'type',
  'hostInstitution',
  'city',
  'yearEstablished',
];

/** How many rows from the top may hold titles and notes before the header. */
export const HEADER_SEARCH_ROWS = 10;

export const MIN_YEAR = 1950;
export const MAX_YEAR = 2100;

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
};

export type RosterProblem = {
  /** 1-based spreadsheet row. */
  row: number;
  /** Chinese column header (canonical spelling). */
  column: string;
  /** What is wrong, in Chinese. */
  message: string;
};

export type RosterReadResult = {
  /** Rows without any problem, ready to become bases. */
  rows: RosterRow[];
  problems: RosterProblem[];
  /** 1-based row of the header, when one was found. */
  headerRow?: number;
};

/** Header text without whitespace, required-marks (*) and a trailing note in brackets. */
function normaliseHeader(cell: string): string {
  return compactText(cell)
    .replace(/[*＊]/gu, '')
    .replace(/[(（][^()（）]*[)）]$/u, '');
}

function fieldOfHeader(cell: string): RosterField | undefined {
  const header = normaliseHeader(cell);
  if (header === '') return undefined;
  return FIELDS.find((f) => COLUMN_ALIASES[f].includes(header));
}

/** Column index of each field; the first column with a matching header wins. */
function mapColumns(headerCells: readonly string[]): Partial<Record<RosterField, number>> {
  const columns: Partial<Record<RosterField, number>> = {};
  headerCells.forEach((cell, index) => {
    const field = fieldOfHeader(cell);
    if (field !== undefined && columns[field] === undefined) columns[field] = index;
  });
  return columns;
}

/** 0-based index of the header row: the first of the top rows naming both 基地名称 and 基地类型. */
export function findHeaderRow(grid: readonly (readonly string[])[]): number | undefined {
  const limit = Math.min(grid.length, HEADER_SEARCH_ROWS);
  for (let i = 0; i < limit; i += 1) {
    const columns = mapColumns(grid[i] ?? []);
    if (columns.name !== undefined && columns.type !== undefined) return i;
  }
  return undefined;
}

type TypeReading =
  { ok: true; type: BaseTypeCode; legacyType?: LegacyTypeCode } | { ok: false; message: string };

function describeTypes(codes: readonly BaseTypeCode[]): string {
  return codes.map((c) => `${c} ${baseTypeByCode(c).nameZh}`).join('、');
}

/**
 * Reads a 基地类型 cell. A legacy type that maps to several new types (the C-category
 * platforms) needs the chosen code written in the same cell, e.g. 科技创新资源共享服务平台（C2）.
 */
export function readTypeCell(cell: string): TypeReading {
  const text = cell.trim();
  if (compactText(text) === '') return { ok: false, message: '基地类型不能为空' };

  const direct = resolveBaseType(text);
  if (direct?.type !== undefined) {
    return direct.legacyType === undefined
      ? { ok: true, type: direct.type }
      : { ok: true, type: direct.type, legacyType: direct.legacyType };
  }

  // A new type code written next to a legacy name: 科技创新资源共享服务平台（C2）, …/C2, C2-….
  const compact = compactText(text);
  const codeMatch = /(?<![A-Za-z0-9])([ABCabc][1-5])(?![0-9])/u.exec(compact);
  const statedRaw = codeMatch?.[1]?.toUpperCase();
  const stated = isBaseTypeCode(statedRaw) ? statedRaw : undefined;
  const rest =
    codeMatch === null
      ? compact
      : compact.replace(codeMatch[0], '').replace(/[()[\]【】/／\\\-—→:：,，、]/gu, '');
  const resolved = direct ?? (stated === undefined ? undefined : resolveBaseType(rest));

  if (resolved === undefined) {
    return {
      ok: false,
      message: `无法识别基地类型「${text}」，请填写新类型代码（A1、B1–B5、C1–C3）或原基地类型名称`,
    };
  }
  const candidates = resolved.candidateTypes;
  if (stated !== undefined && candidates.includes(stated)) {
    return resolved.legacyType === undefined
      ? { ok: true, type: stated }
      : { ok: true, type: stated, legacyType: resolved.legacyType };
  }
  if (stated !== undefined) {
    return {
      ok: false,
      message: `基地类型「${text}」中注明的 ${stated} 不是该原类型可归入的类型，应为：${describeTypes(candidates)}`,
    };
  }
  return {
    ok: false,
    message: `原基地类型「${text}」可归入多个新类型，请注明其一：${describeTypes(candidates)}（如「${text}（${candidates[0] ?? 'C1'}）」）`,
  };
}

/** An integer year in [MIN_YEAR, MAX_YEAR]; accepts 2008, 2008.0 (Excel numbers), 2008年. */
export function readYearCell(cell: string): number | undefined {
  const text = compactText(cell);
  const match = /^(\d{4})(?:\.0+)?年?$/u.exec(text);
  if (match?.[1] === undefined) return undefined;
  const year = Number(match[1]);
  return year >= MIN_YEAR && year <= MAX_YEAR ? year : undefined;
}

function isEmptyRow(cells: readonly string[]): boolean {
  return cells.every((c) => compactText(c) === '');
}

/** Reads and validates a roster grid (rows of cell text, top row first). */
export function readRoster(grid: readonly (readonly string[])[]): RosterReadResult {
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
    };
  }
  const headerRow = headerIndex + 1;
  const columns = mapColumns(grid[headerIndex] ?? []);
  const missing = REQUIRED_FIELDS.filter((f) => columns[f] === undefined);
  if (missing.length > 0) {
    const names = missing.map((f) => ROSTER_COLUMNS[f]).join('、');
    return {
      rows: [],
      problems: [{ row: headerRow, column: names, message: `缺少必填列：${names}` }],
      headerRow,
    };
  }

  const rows: RosterRow[] = [];
  const problems: RosterProblem[] = [];
  const firstRowByKey = new Map<string, number>();

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

    const name = cell('name');
    if (compactText(name) === '') problem('name', '基地名称不能为空');

    const typeReading = readTypeCell(cell('type'));
    if (!typeReading.ok) problem('type', typeReading.message);

    const hostInstitution = cell('hostInstitution');
    if (compactText(hostInstitution) === '') problem('hostInstitution', '依托单位不能为空');

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
    }

    if (compactText(name) !== '') {
      const key = `${compactText(name)}\u0000${compactText(hostInstitution)}`;
      const first = firstRowByKey.get(key);
      if (first === undefined) firstRowByKey.set(key, row);
      else problem('name', `与第 ${first} 行重复（基地名称和依托单位相同）`);
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
      rows.push(base);
    }
  }
  return { rows, problems, headerRow };
}
