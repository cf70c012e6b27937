// The 说明 sheet: who the workbook is for, how to fill it (in Chinese, for an expert without
// the app) and the bases it holds. Protected like the base sheets; it carries nothing the
// reader needs.
import { DISPOSITIONS } from '../domain/dispositions';
import { baseTypeByCode } from '../domain/taxonomy';
import type { Base, Expert, Round } from '../domain/types';
import type { XlsxCell, XlsxCellOptions, XlsxSheetInput } from '../xlsx/write';
import { INSTRUCTIONS_SHEET } from './layout';

const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

/** "2024-05-10 17:00（北京时间）" for an ISO instant. */
export function beijingTime(iso: string): string {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return iso;
  const shifted = new Date(ms + BEIJING_OFFSET_MS).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 16)}（北京时间）`;
}

export type InstructionsInput = {
  round: Round;
  expert: Expert;
  panelName?: string;
  exportedAt: string;
  /** The base sheets, in workbook order. */
  sheets: readonly { sheetName: string; base: Base }[];
};

const needReason = DISPOSITIONS.filter((d) => d.requiresReason)
  .map((d) => `“${d.nameZh}”`)
  .join('');

const STEPS = [
  '每个需要您评分的基地有一张工作表，工作表名称是基地编号（见下表）。',
  '只能在浅黄色单元格中填写：“得分”按二级指标逐项打分，分值在 0 到该项满分之间，且为 0.5 的整数倍；“评语”可不填。',
  '一级小计和总分自动计算，无需填写；导入时以各项得分重新计算。',
  '与该基地存在利益关系须回避时，在“回避”选“是”并填写“回避理由”；该表的得分不会导入。',
  `“处理建议”从下拉列表选择。“纳入”“转”在“目标”填写目标基地类型（如 B1 或 省工程研究中心），“纳入”不填即为本类型；“合并”在“目标”填写目标基地的编号；${needReason}须填写“理由”。`,
  '全部打分完成、核对无误后，将“确认提交”选为“是”；否则导入后按草稿处理，可以再交一份。',
  '请勿插入、删除或移动行和工作表，也不要修改工作表名称，否则评估通将拒收此文件。',
  '用 Excel、WPS 或 LibreOffice 填写均可，请保存为 .xlsx 格式，交回秘书处或评审组组长。',
  '打印时每个基地一页（A4），请在签名处签字。',
];

export function instructionsSheet(input: InstructionsInput): XlsxSheetInput {
  const rows: XlsxCell[][] = [];
  const cells: Record<string, XlsxCellOptions> = {};
  const merges: string[] = [];
  const add = (row: XlsxCell[], style?: XlsxCellOptions['style'], merge = true): void => {
    rows.push(row);
    const n = rows.length;
    if (style) cells[`A${n}`] = { style };
    if (merge) merges.push(`A${n}:D${n}`);
  };
  const { round, expert } = input;
  add(['辽宁省科技创新基地评估 · 专家评分表'], { bold: true, fontSize: 16 });
  add([`评估轮次：${round.name}（${round.year} 年）`]);
  const panel = input.panelName === undefined ? '' : `\u3000评审组：${input.panelName}`;
  add([`评审专家：${expert.name}（${expert.institution}）${panel}`]);
  add([`导出时间：${beijingTime(input.exportedAt)}`]);
  add([]);
  add(['填写说明'], { bold: true, fontSize: 12 });
  STEPS.forEach((step, i) => add([`${i + 1}. ${step}`], { wrap: true, vertical: 'top' }));
  add([]);
  add(['本评分表包含的基地'], { bold: true, fontSize: 12 });
  const header = rows.length + 1;
  add(['工作表', '基地名称', '基地类型', '依托单位'], undefined, false);
  for (const col of ['A', 'B', 'C', 'D']) {
    cells[`${col}${header}`] = { style: { bold: true, border: 'all', fill: 'DDEBF7' } };
  }
  for (const { sheetName, base } of input.sheets) {
    add(
      [
        sheetName,
        base.name,
        `${base.type} ${baseTypeByCode(base.type).nameZh}`,
        base.hostInstitution,
      ],
      undefined,
      false,
    );
    const n = rows.length;
    for (const col of ['A', 'B', 'C', 'D'])
      cells[`${col}${n}`] = { style: { border: 'all', wrap: true } };
  }
  const stepHeights = STEPS.map((step) => (step.length > 60 ? 45 : 30));
  return {
    name: INSTRUCTIONS_SHEET,
    rows,
    cells,
    merges,
    columnWidths: [16, 40, 28, 30],
    rowHeights: [28, undefined, undefined, undefined, undefined, undefined, ...stepHeights],
    protect: true,
    page: { orientation: 'portrait', fitToWidth: true, printArea: `A1:D${rows.length}` },
  };
}
