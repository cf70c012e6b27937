// The roster's header: which column holds which field (by Chinese header and its common
// spellings), where the header row is under titles and notes, and which other columns are
// kept as key figures (关键数据, shown to experts on the base's card). The header matching
// itself (columnsByAliases, findHeaderRowBy) also serves the expert roster (experts.ts).
import { compactText } from '../domain/taxonomy';
import { RESERVED_KEYS } from './rosterCells';

export type RosterField =
  'name' | 'type' | 'hostInstitution' | 'city' | 'director' | 'yearEstablished' | 'field' | 'code';

/** The canonical Chinese header of each field, used in problems and the template. */
export const ROSTER_COLUMNS: Readonly<Record<RosterField, string>> = {
  name: '基地名称',
  type: '基地类型',
  hostInstitution: '依托单位',
  city: '所在地市',
  director: '负责人',
  yearEstablished: '批建年份',
  field: '所属领域',
  code: '基地编号',
};

/** Header spellings accepted for each field (compared after compactText). */
const COLUMN_ALIASES: ColumnAliases<RosterField> = {
  name: ['基地名称', '名称', '平台名称'],
  type: ['基地类型', '类型', '原基地类型', '新基地类型'],
  hostInstitution: ['依托单位', '承担单位'],
  city: ['所在地市', '地市', '所在城市', '城市', '所在地区'],
  director: ['负责人', '主任'],
  yearEstablished: ['批建年份', '批准年份', '建设年份', '批建时间'],
  field: ['所属领域', '领域'],
  code: ['基地编号', '编号', '基地代码', '统一编号'],
};

/** Columns that are neither fields nor key figures: row numbers and notes to the clerk. */
const IGNORED_HEADERS: ReadonlySet<string> = new Set(['序号', '序', 'NO', 'NO.', '行号']);

export const REQUIRED_FIELDS: readonly RosterField[] = [
  'name',
  'type',
  'hostInstitution',
  'city',
  'yearEstablished',
];

/** How many rows from the top may hold titles and notes before the header. */
export const HEADER_SEARCH_ROWS = 10;
/** At most this many extra columns are kept as key figures (a bundle carries up to 200). */
export const MAX_KEY_FIGURE_COLUMNS = 50;
const MAX_LABEL_CHARS = 64;

/** Header spellings accepted for each field of a table (compared after normaliseHeader). */
export type ColumnAliases<F extends string> = Readonly<Record<F, readonly string[]>>;

/** Header text without whitespace, required-marks (*) and a trailing note in brackets. */
function normaliseHeader(cell: string): string {
  return compactText(cell)
    .replace(/[*＊]/gu, '')
    .replace(/[(（][^()（）]*[)）]$/u, '');
}

/** The field a header cell names; the first field (in `aliases` order) that lists it. */
function fieldByAliases<F extends string>(cell: string, aliases: ColumnAliases<F>): F | undefined {
  const header = normaliseHeader(cell);
  if (header === '') return undefined;
  const fields = Object.keys(aliases).filter((key): key is F => key in aliases);
  return fields.find((f) => aliases[f].includes(header));
}

/** Column index of each field; the first column with a matching header wins. */
export function columnsByAliases<F extends string>(
  headerCells: readonly string[],
  aliases: ColumnAliases<F>,
): Partial<Record<F, number>> {
  const columns: Partial<Record<F, number>> = {};
  headerCells.forEach((cell, index) => {
    const field = fieldByAliases(cell, aliases);
    if (field !== undefined && columns[field] === undefined) columns[field] = index;
  });
  return columns;
}

/** 0-based index of the header row: the first of the top rows naming every `required` field. */
export function findHeaderRowBy<F extends string>(
  grid: readonly (readonly string[])[],
  aliases: ColumnAliases<F>,
  required: readonly F[],
): number | undefined {
  const limit = Math.min(grid.length, HEADER_SEARCH_ROWS);
  for (let i = 0; i < limit; i += 1) {
    const columns = columnsByAliases(grid[i] ?? [], aliases);
    if (required.every((field) => columns[field] !== undefined)) return i;
  }
  return undefined;
}

/** Column index of each roster field; the first column with a matching header wins. */
export function mapColumns(headerCells: readonly string[]): Partial<Record<RosterField, number>> {
  return columnsByAliases(headerCells, COLUMN_ALIASES);
}

/** 0-based index of the header row: the first of the top rows naming both 基地名称 and 基地类型. */
export function findHeaderRow(grid: readonly (readonly string[])[]): number | undefined {
  return findHeaderRowBy(grid, COLUMN_ALIASES, ['name', 'type']);
}

export type KeyFigureColumn = { index: number; label: string };

export type KeyFigureColumns =
  { ok: true; columns: KeyFigureColumn[] } | { ok: false; message: string };

/**
 * Every other titled column is a key figure, labelled with its header as written (units in
 * brackets kept): 研发投入（万元）. Untitled columns, 序号 and second spellings of a field
 * (a second 类型 column) are skipped.
 */
export function keyFigureColumns(headerCells: readonly string[]): KeyFigureColumns {
  const columns: KeyFigureColumn[] = [];
  const seen = new Set<string>();
  for (const [index, cell] of headerCells.entries()) {
    const label = cell.replace(/\s+/gu, ' ').trim();
    const compact = compactText(cell).toUpperCase();
    const isField = fieldByAliases(cell, COLUMN_ALIASES) !== undefined;
    if (label === '' || isField || IGNORED_HEADERS.has(compact)) continue;
    if (RESERVED_KEYS.has(label) || label.length > MAX_LABEL_CHARS) {
      return {
        ok: false,
        message: `列名「${label.slice(0, MAX_LABEL_CHARS)}」不能使用，请改短或改名`,
      };
    }
    if (seen.has(label)) return { ok: false, message: `列名「${label}」出现了不止一次，请改名` };
    seen.add(label);
    columns.push({ index, label });
  }
  if (columns.length > MAX_KEY_FIGURE_COLUMNS) {
    return {
      ok: false,
      message: `除基本信息外还有 ${columns.length} 列，最多可导入 ${MAX_KEY_FIGURE_COLUMNS} 列关键数据，请删除不需要的列`,
    };
  }
  return { ok: true, columns };
}
