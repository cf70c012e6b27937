// Where everything sits in a scoresheet workbook (docs/excel-scoresheet.md): the sheet names,
// the base sheet's header, one row per secondary indicator, the total, the inputs below the
// table, and the description of all that ("what cells hold what") whose SHA-256 the identity
// sheet carries. The writer lays sheets out from here and the reader checks them against it,
// so the two cannot disagree.
import { canonicalJson } from '../bundle/canonicalJson';
import type { IndicatorTemplate } from '../domain/types';

/** Bumped whenever a cell moves or changes its meaning. */
export const LAYOUT_VERSION = 1;
export const WORKBOOK_FORMAT = 'pinggu-scoresheet';
export const INSTRUCTIONS_SHEET = '说明';
/** Very hidden, protected: the identity the reader checks first. */
export const IDENTITY_SHEET = 'pinggu-identity';

/** The header row of a base sheet, columns A–G (G is hidden and holds indicator ids). */
export const HEADER = ['一级指标', '二级指标', '满分', '得分', '评语', '一级小计', '指标编号'];
export const HEADER_ROW = 4;
export const FIRST_INDICATOR_ROW = HEADER_ROW + 1;
export const COLUMNS = {
  primary: 'A',
  secondary: 'B',
  max: 'C',
  score: 'D',
  comment: 'E',
  subtotal: 'F',
  id: 'G',
} as const;
/** Every label of the inputs block is in column A, its input in column B. */
export const LABEL_COLUMN = 'A';
export const INPUT_COLUMN = 'B';
export const TOTAL_LABEL = '总分';

export const INPUT_KEYS = [
  'recusal',
  'recusalReason',
  'disposition',
  'target',
  'reason',
  'overall',
  'confirm',
] as const;
export type InputKey = (typeof INPUT_KEYS)[number];

export const INPUT_LABELS: Readonly<Record<InputKey, string>> = {
  recusal: '回避',
  recusalReason: '回避理由',
  disposition: '处理建议',
  target: '目标',
  reason: '理由',
  overall: '总体评价',
  confirm: '确认提交',
};

export const YES = '是';
export const NO = '否';

export type IndicatorRow = {
  /** 1-based sheet row. */
  row: number;
  indicatorId: string;
  primaryId: string;
  name: string;
  maxPoints: number;
};

export type PrimaryGroup = {
  primaryId: string;
  name: string;
  maxPoints: number;
  firstRow: number;
  lastRow: number;
};

export type SheetLayout = {
  rows: IndicatorRow[];
  /** Primaries with at least one secondary, in template order. */
  groups: PrimaryGroup[];
  totalRow: number;
  /** 1-based rows of the inputs block. */
  inputs: Readonly<Record<InputKey, number>>;
  signatureRow: number;
  lastRow: number;
};

/** The layout of a base sheet scored with `template`. */
export function sheetLayout(template: IndicatorTemplate): SheetLayout {
  const rows: IndicatorRow[] = [];
  const groups: PrimaryGroup[] = [];
  let row = FIRST_INDICATOR_ROW;
  for (const primary of template.primaries) {
    if (primary.children.length === 0) continue;
    const firstRow = row;
    for (const child of primary.children) {
      rows.push({
        row,
        indicatorId: child.id,
        primaryId: primary.id,
        name: child.name,
        maxPoints: child.maxPoints,
      });
      row += 1;
    }
    const { id, name, maxPoints } = primary;
    groups.push({ primaryId: id, name, maxPoints, firstRow, lastRow: row - 1 });
  }
  const totalRow = row;
  // One empty row between the table and the inputs.
  const firstInput = totalRow + 2;
  const at = (key: InputKey): number => firstInput + INPUT_KEYS.indexOf(key);
  const inputs: Record<InputKey, number> = {
    recusal: at('recusal'),
    recusalReason: at('recusalReason'),
    disposition: at('disposition'),
    target: at('target'),
    reason: at('reason'),
    overall: at('overall'),
    confirm: at('confirm'),
  };
  const signatureRow = firstInput + INPUT_KEYS.length + 1;
  return { rows, groups, totalRow, inputs, signatureRow, lastRow: signatureRow + 1 };
}

/** One base sheet as the identity lists it. */
export type IdentityBase = {
  sheetName: string;
  baseId: string;
  baseCode: string;
  templateId: string;
  templateVersion: number;
};

/**
 * The structure of a base sheet as cell → role: header labels, the indicator (with its
 * maximum) of each row's id, score, comment and subtotal cells, the total, and each input's
 * label and cell. Values never enter it.
 */
function sheetCells(template: IndicatorTemplate): Record<string, string> {
  const layout = sheetLayout(template);
  const cells: Record<string, string> = {};
  HEADER.forEach((label, i) => (cells[`${String.fromCharCode(65 + i)}${HEADER_ROW}`] = label));
  for (const r of layout.rows) {
    cells[`${COLUMNS.id}${r.row}`] = `indicator:${r.indicatorId}`;
    cells[`${COLUMNS.max}${r.row}`] = `max:${r.indicatorId}:${r.maxPoints}`;
    cells[`${COLUMNS.score}${r.row}`] = `score:${r.indicatorId}`;
    cells[`${COLUMNS.comment}${r.row}`] = `comment:${r.indicatorId}`;
  }
  for (const g of layout.groups) {
    cells[`${COLUMNS.primary}${g.firstRow}`] = `primary:${g.primaryId}:${g.maxPoints}`;
    cells[`${COLUMNS.subtotal}${g.firstRow}`] =
      `subtotal:${g.primaryId}:${g.firstRow}-${g.lastRow}`;
  }
  cells[`${COLUMNS.primary}${layout.totalRow}`] = TOTAL_LABEL;
  cells[`${COLUMNS.score}${layout.totalRow}`] = 'total';
  for (const key of INPUT_KEYS) {
    cells[`${LABEL_COLUMN}${layout.inputs[key]}`] = INPUT_LABELS[key];
    cells[`${INPUT_COLUMN}${layout.inputs[key]}`] = `input:${key}`;
  }
  return cells;
}

/**
 * The text whose SHA-256 is the layout digest: the format, the round and expert, and per base
 * sheet its name, base, template and cell map. Canonical JSON, so any writer can repeat it.
 */
export function layoutDescription(
  identity: { roundId: string; expertId: string; bases: readonly IdentityBase[] },
  templateOf: (base: IdentityBase) => IndicatorTemplate,
): string {
  return canonicalJson({
    format: WORKBOOK_FORMAT,
    layoutVersion: LAYOUT_VERSION,
    roundId: identity.roundId,
    expertId: identity.expertId,
    sheets: identity.bases.map((base) => ({
      sheetName: base.sheetName,
      baseId: base.baseId,
      templateId: base.templateId,
      templateVersion: base.templateVersion,
      cells: sheetCells(templateOf(base)),
    })),
  });
}
