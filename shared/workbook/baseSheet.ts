// One base's worksheet of the scoresheet workbook, laid out by layout.ts: a title, the table
// (one row per secondary indicator, the 得分 and 评语 cells unlocked, 得分 validated 0 to 满分
// in steps of 0.5), subtotals and the total as live formulas, the inputs block with its
// lists, and signature lines; protected without a password and printed A4 fit to width.
import { DISPOSITIONS } from '../domain/dispositions';
import { baseTypeByCode } from '../domain/taxonomy';
import type { Base, Expert, IndicatorTemplate, Round } from '../domain/types';
import type {
  XlsxCell,
  XlsxCellOptions,
  XlsxSheetInput,
  XlsxStyle,
  XlsxValidation,
} from '../xlsx/write';
import {
  COLUMNS,
  HEADER,
  HEADER_ROW,
  INPUT_COLUMN,
  INPUT_KEYS,
  INPUT_LABELS,
  LABEL_COLUMN,
  NO,
  sheetLayout,
  TOTAL_LABEL,
  YES,
} from './layout';
import type { InputKey } from './layout';

const INPUT_FILL = 'FFF2CC';
const HEADER_FILL = 'DDEBF7';
const TABLE: XlsxStyle = { border: 'all', wrap: true, vertical: 'center' };
const INPUT: XlsxStyle = { ...TABLE, unlocked: true, fill: INPUT_FILL };
const SCORE: XlsxStyle = { ...INPUT, horizontal: 'center' };
const LABEL: XlsxStyle = { ...TABLE, bold: true };
const CENTERED: XlsxStyle = { ...TABLE, horizontal: 'center' };

const INPUT_HEIGHTS: Partial<Record<InputKey, number>> = {
  recusalReason: 30,
  target: 20,
  reason: 45,
  overall: 90,
};

const YES_NO_LIST = `"${YES},${NO}"`;
const DISPOSITION_LIST = `"${DISPOSITIONS.map((d) => d.nameZh).join(',')}"`;

const PROMPTS: Partial<Record<InputKey, { title: string; text: string }>> = {
  recusal: { title: '回避', text: '与该基地存在利益关系须回避时选“是”，并填写回避理由。' },
  disposition: { title: '处理建议', text: '从列表中选择一项。' },
  target: {
    title: '目标',
    text: '“纳入”“转”：填写目标基地类型（如 B1 或 省工程研究中心），“纳入”不填即为本类型；“合并”：填写目标基地的编号。',
  },
  reason: { title: '理由', text: '“限期整改”“合并”“转”“撤销”须填写理由。' },
  confirm: { title: '确认提交', text: '全部打分完成并核对无误后选“是”，否则按草稿导入。' },
};

/** Text for a number of points: 7.5 → "7.5", 10 → "10". */
const points = (n: number): string => String(n);

export type BaseSheetInput = {
  sheetName: string;
  round: Round;
  expert: Expert;
  base: Base;
  template: IndicatorTemplate;
};

export function baseSheet(input: BaseSheetInput): XlsxSheetInput {
  const { base, template, round, expert } = input;
  const layout = sheetLayout(template);
  const rows: XlsxCell[][] = [];
  const cells: Record<string, XlsxCellOptions> = {};
  const merges: string[] = [];
  const validations: XlsxValidation[] = [];
  const heights: (number | undefined)[] = [];
  const set = (ref: string, value: XlsxCell, options?: XlsxCellOptions): void => {
    const match = /^([A-G])(\d+)$/u.exec(ref);
    if (!match?.[1] || !match[2]) throw new RangeError(ref);
    const r = Number(match[2]) - 1;
    const c = match[1].charCodeAt(0) - 65;
    const row = rows[r] ?? [];
    while (row.length < c) row.push(null);
    row[c] = value;
    rows[r] = row;
    if (options) cells[ref] = options;
  };

  const typeName = baseTypeByCode(base.type).nameZh;
  set('A1', `${base.code}\u3000${base.name}`, { style: { bold: true, fontSize: 14 } });
  set(
    'A2',
    `基地类型：${base.type} ${typeName}\u3000依托单位：${base.hostInstitution}\u3000所在地市：${base.city}`,
  );
  set(
    'A3',
    `评估轮次：${round.name}\u3000评审专家：${expert.name}\u3000指标体系：${template.name}（第 ${template.version} 版）`,
  );
  merges.push('A1:F1', 'A2:F2', 'A3:F3');
  heights[0] = 24;

  HEADER.forEach((label, i) => {
    const ref = `${String.fromCharCode(65 + i)}${HEADER_ROW}`;
    set(ref, label, { style: { ...CENTERED, bold: true, fill: HEADER_FILL } });
  });

  for (const r of layout.rows) {
    set(`${COLUMNS.primary}${r.row}`, null, { style: TABLE });
    set(`${COLUMNS.secondary}${r.row}`, r.name, { style: TABLE });
    set(`${COLUMNS.max}${r.row}`, r.maxPoints, { style: CENTERED });
    set(`${COLUMNS.score}${r.row}`, null, { style: SCORE });
    set(`${COLUMNS.comment}${r.row}`, null, { style: INPUT });
    set(`${COLUMNS.subtotal}${r.row}`, null, { style: CENTERED });
    set(`${COLUMNS.id}${r.row}`, r.indicatorId);
    const d = `${COLUMNS.score}${r.row}`;
    validations.push({
      sqref: d,
      type: 'custom',
      formula1: `AND(ISNUMBER(${d}),${d}>=0,${d}<=${points(r.maxPoints)},MOD(${d}*2,1)=0)`,
      errorTitle: '得分无效',
      error: `“${r.name}”的得分须在 0 到 ${points(r.maxPoints)} 之间，且为 0.5 的整数倍（如 7 或 7.5）。`,
      promptTitle: '得分',
      prompt: `0 到 ${points(r.maxPoints)} 分，步长 0.5`,
    });
  }
  for (const g of layout.groups) {
    const a = `${COLUMNS.primary}${g.firstRow}`;
    const f = `${COLUMNS.subtotal}${g.firstRow}`;
    set(a, `${g.name}（${points(g.maxPoints)} 分）`, { style: { ...TABLE, bold: true } });
    const range = `${COLUMNS.score}${g.firstRow}:${COLUMNS.score}${g.lastRow}`;
    set(f, 0, { style: CENTERED, formula: `SUM(${range})` });
    if (g.lastRow > g.firstRow) {
      merges.push(`${a}:${COLUMNS.primary}${g.lastRow}`, `${f}:${COLUMNS.subtotal}${g.lastRow}`);
    }
  }

  const total = layout.totalRow;
  const first = layout.rows[0]?.row ?? total;
  set(`A${total}`, TOTAL_LABEL, { style: { ...LABEL, horizontal: 'center' } });
  set(`B${total}`, null, { style: TABLE });
  set(
    `C${total}`,
    layout.rows.reduce((sum, r) => sum + r.maxPoints, 0),
    { style: CENTERED },
  );
  set(`D${total}`, 0, {
    style: { ...CENTERED, bold: true },
    formula: layout.rows.length === 0 ? '0' : `SUM(D${first}:D${total - 1})`,
  });
  set(`E${total}`, null, { style: TABLE });
  set(`F${total}`, null, { style: TABLE });
  merges.push(`A${total}:B${total}`);

  for (const key of INPUT_KEYS) {
    const row = layout.inputs[key];
    set(`${LABEL_COLUMN}${row}`, INPUT_LABELS[key], { style: LABEL });
    set(`${INPUT_COLUMN}${row}`, null, { style: INPUT });
    for (const col of ['C', 'D', 'E', 'F']) set(`${col}${row}`, null, { style: INPUT });
    merges.push(`${INPUT_COLUMN}${row}:F${row}`);
    heights[row - 1] = INPUT_HEIGHTS[key];
    const prompt = PROMPTS[key];
    const list =
      key === 'recusal' || key === 'confirm'
        ? YES_NO_LIST
        : key === 'disposition'
          ? DISPOSITION_LIST
          : undefined;
    if (list !== undefined) {
      validations.push({
        sqref: `${INPUT_COLUMN}${row}`,
        type: 'list',
        formula1: list,
        errorTitle: '请从列表中选择',
        error: `“${INPUT_LABELS[key]}”只能从下拉列表中选择。`,
        ...(prompt ? { promptTitle: prompt.title, prompt: prompt.text } : {}),
      });
    } else if (prompt) {
      validations.push({
        sqref: `${INPUT_COLUMN}${row}`,
        type: 'textLength',
        operator: 'lessThanOrEqual',
        formula1: '20000',
        promptTitle: prompt.title,
        prompt: prompt.text,
      });
    }
  }

  const sign = layout.signatureRow;
  set(`A${sign}`, '专家签名：', { style: { bold: true, vertical: 'bottom' } });
  set(`B${sign}`, null, { style: { border: 'bottom' } });
  set(`D${sign}`, '日期：', { style: { bold: true, horizontal: 'right', vertical: 'bottom' } });
  set(`E${sign}`, null, { style: { border: 'bottom' } });
  heights[sign - 1] = 36;
  set(`A${layout.lastRow}`, '本表由评估通导出；请勿插入、删除或移动行，也不要修改工作表名称。', {
    style: { fontSize: 9 },
  });
  merges.push(`A${layout.lastRow}:F${layout.lastRow}`);

  // Rows never touched stay empty rows (the array must have no holes).
  const filled = Array.from({ length: rows.length }, (_, i) => rows[i] ?? []);
  return {
    name: input.sheetName,
    rows: filled,
    cells,
    merges,
    validations,
    rowHeights: heights,
    columnWidths: [20, 26, 7, 8, 36, 9, 14],
    hiddenColumns: [6],
    protect: true,
    page: { orientation: 'portrait', fitToWidth: true, printArea: `A1:F${layout.lastRow}` },
  };
}
