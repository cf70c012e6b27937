// The sentences a refused workbook is told in: one per refusal, Chinese for the clerk and
// English for the switched interface, naming the sheet and cell where there is one. The UI
// puts the file name in front.
import type { WorkbookRefusal, WorkbookRefusalCode } from './types';

export type RefusalDetails = {
  sheet?: string;
  cell?: string;
  /** What the layout puts in the cell (a label, or the indicator the row belongs to). */
  expected?: string;
  /** What the cell holds. */
  value?: string;
  /** A sentence of the check that failed (a score's range, the identity's problem). */
  detail?: { message: string; messageEn: string };
  /** badTarget: a base type was expected, or a base. */
  kind?: 'type' | 'base';
  /** otherRound: the workbook's round and the round on screen. */
  workbookRound?: string;
  round?: string;
  /** templateVersion: the version in the workbook and the round's. */
  workbookVersion?: number;
  version?: number;
};

const where = (d: RefusalDetails): { zh: string; en: string } => {
  if (d.sheet === undefined) return { zh: '', en: '' };
  if (d.cell === undefined) return { zh: `工作表“${d.sheet}”：`, en: `sheet "${d.sheet}": ` };
  return {
    zh: `工作表“${d.sheet}”单元格 ${d.cell}：`,
    en: `sheet "${d.sheet}", cell ${d.cell}: `,
  };
};

function sentences(code: WorkbookRefusalCode, d: RefusalDetails): [string, string] {
  const detail = d.detail ?? { message: '', messageEn: '' };
  switch (code) {
    case 'notWorkbook':
      return [detail.message, detail.messageEn || 'not a readable Excel workbook (.xlsx).'];
    case 'notScoresheet':
      return [
        '不是评估通导出的评分表（缺少标识工作表），无法导入。',
        'not a scoresheet exported by Pinggu (its identity sheet is missing).',
      ];
    case 'identity':
      return [
        `评分表的标识工作表已损坏（${detail.message}），请使用评估通导出的原文件。`,
        `the scoresheet's identity sheet is damaged (${detail.messageEn}); use the file Pinggu exported.`,
      ];
    case 'otherRound':
      return [
        `这是另一评估轮次（${d.workbookRound ?? ''}）的评分表，不是当前轮次“${d.round ?? ''}”的，未导入。`,
        `this scoresheet belongs to another round (${d.workbookRound ?? ''}), not "${d.round ?? ''}".`,
      ];
    case 'unknownExpert':
      return [
        `评分表的专家（${d.value ?? ''}）不是本轮次的专家，未导入。`,
        `the scoresheet's expert (${d.value ?? ''}) is not an expert of this round.`,
      ];
    case 'unknownBase':
      return [
        `该基地（${d.value ?? ''}）不在本轮次中，未导入。`,
        `the base (${d.value ?? ''}) is not in this round.`,
      ];
    case 'templateVersion':
      return [
        `评分表按指标体系第 ${d.workbookVersion ?? '?'} 版导出，本轮次现用第 ${d.version ?? '?'} 版（或已换用其他指标体系），请重新导出评分表。`,
        `exported with version ${d.workbookVersion ?? '?'} of the indicator system; the round now uses version ${d.version ?? '?'} (or another system). Export the scoresheet again.`,
      ];
    case 'layoutDigest':
      return [
        '评分表的版式与导出时不符（版式摘要不一致），可能被其他程序改动过，未导入。',
        'the layout does not match the one exported (layout digest differs); the file may have been altered.',
      ];
    case 'missingSheet':
      return ['工作表缺失，未导入。', 'the sheet is missing.'];
    case 'unknownSheet':
      return [
        '不是导出时的工作表（评分表中不应增加工作表），未导入。',
        'a sheet that was not exported (no sheet may be added).',
      ];
    case 'layoutChanged':
      return [
        `此处应为“${d.expected ?? ''}”，表格结构被改动过，未导入。`,
        `this cell should read "${d.expected ?? ''}"; the table's structure was changed.`,
      ];
    case 'rowsMoved':
      return [
        d.expected
          ? `此处应为“${d.expected}”所在的行：表格的行被插入、删除或移动过，未导入。`
          : '此处不应有指标行：表格的行被插入、删除或移动过，未导入。',
        'the rows of the table were inserted, deleted or moved.',
      ];
    case 'badValue':
      return [`${detail.message}，未导入。`, `${detail.messageEn}.`];
    case 'badChoice':
      return [
        `“${d.value ?? ''}”不是可选的值，请从下拉列表中选择，未导入。`,
        `"${d.value ?? ''}" is not one of the choices of the list.`,
      ];
    case 'badTarget':
      return d.kind === 'base'
        ? [
            `“${d.value ?? ''}”不是本轮次中基地的编号，未导入。`,
            `"${d.value ?? ''}" is not the code of a base of this round.`,
          ]
        : [
            `“${d.value ?? ''}”不是基地类型（如 B1 或 省工程研究中心），未导入。`,
            `"${d.value ?? ''}" is not a base type (e.g. B1).`,
          ];
    case 'recusalReason':
      return ['选择回避时须填写回避理由，未导入。', 'a recusal needs a reason.'];
  }
}

export function refusal(code: WorkbookRefusalCode, details: RefusalDetails = {}): WorkbookRefusal {
  const [zh, en] = sentences(code, details);
  const place = where(details);
  return {
    code,
    message: `${place.zh}${zh}`,
    messageEn: `${place.en}${en}`,
    ...(details.sheet === undefined ? {} : { sheet: details.sheet }),
    ...(details.cell === undefined ? {} : { cell: details.cell }),
  };
}
