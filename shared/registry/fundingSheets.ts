// The 后补助 table as an Excel workbook for the finance office (shared/xlsx/write.ts takes
// these sheets): 后补助 (title, the budget line, one row per base, 合计) and 分配规则 (the
// amounts per type and grade, the budget and how amounts were rounded). Amounts are numbers in
// 万元, so the finance office can sum them; text stays text. Pure.
import { dispositionByCode } from '../domain/dispositions';
import { GRADE_ORDER } from '../domain/grading';
import { BASE_TYPE_CODES, baseTypeByCode, categoryByCode } from '../domain/taxonomy';
import { isSafeFileName } from '../ipc/fileNames';
import { formatReportTime, gradeLabel } from '../report/labels';
import type { XlsxCell, XlsxSheetInput } from '../xlsx/write';
import type { AcceptedRound, FundingRow, FundingRule, FundingTable } from './types';

export const FUNDING_SHEET_NAMES = { table: '后补助', rule: '分配规则' } as const;

export const FUNDING_KIND_LABELS: Readonly<Record<FundingRow['kind'], string>> = {
  subsidy: '后补助',
  stable: '稳定支持',
  none: '不予补助',
};

export const FUNDING_HEADER: readonly string[] = [
  '序号',
  '基地编号',
  '基地名称',
  '类别',
  '基地类型',
  '评估等级',
  '评估决定',
  '支持方式',
  '等级金额（万元）',
  '后补助金额（万元）',
];

/** The sentence under the title: the budget and the rounding, or the plain grade amounts. */
export function fundingBasisText(rule: FundingRule, table: FundingTable): string {
  if (rule.budget === undefined) {
    return `未设总预算：按等级金额计，合计 ${String(table.total)} 万元。`;
  }
  return `总预算 ${String(rule.budget)} 万元：按等级金额同比例折算，取整到万元（最大余数法），合计 ${String(table.total)} 万元。`;
}

export const fundingTitle = (round: Pick<AcceptedRound, 'name'>): string =>
  `${round.name} 后补助分配表`;

const dispositionText = (row: FundingRow): string =>
  row.disposition === undefined ? '' : (dispositionByCode(row.disposition)?.nameZh ?? '');

function tableSheet(round: AcceptedRound, table: FundingTable, rule: FundingRule): XlsxSheetInput {
  const rows: XlsxCell[][] = [
    [fundingTitle(round)],
    [fundingBasisText(rule, table)],
    [...FUNDING_HEADER],
    ...table.rows.map((row, index): XlsxCell[] => [
      index + 1,
      row.code,
      row.name,
      categoryByCode(row.category)?.nameZh ?? row.category,
      `${row.type} ${baseTypeByCode(row.type).nameZh}`,
      gradeLabel(row.grade) ?? '未评定',
      dispositionText(row),
      FUNDING_KIND_LABELS[row.kind],
      row.kind === 'subsidy' ? row.baseAmount : null,
      row.amount,
    ]),
    [null, '合计', null, null, null, null, null, null, null, table.total],
  ];
  return {
    name: FUNDING_SHEET_NAMES.table,
    rows,
    headerRows: 3,
    merges: ['A1:J1', 'A2:J2'],
    columnWidths: [6, 16, 36, 20, 28, 10, 16, 10, 16, 18],
  };
}

function ruleSheet(round: AcceptedRound, rule: FundingRule, generatedAt: string): XlsxSheetInput {
  const header = [
    '类型代码',
    '基地类型',
    '支持方式',
    ...GRADE_ORDER.map((g) => gradeLabel(g) ?? g),
  ];
  const rows: XlsxCell[][] = [
    header,
    ...BASE_TYPE_CODES.map((type): XlsxCell[] => {
      const amounts = rule.amounts[type];
      return [
        type,
        baseTypeByCode(type).nameZh,
        amounts === undefined ? FUNDING_KIND_LABELS.stable : FUNDING_KIND_LABELS.subsidy,
        ...GRADE_ORDER.map((grade) => (amounts === undefined ? null : (amounts[grade] ?? 0))),
      ];
    }),
    [],
    ['评估轮次', `${String(round.year)} 年 · ${round.name} · 第 ${String(round.version)} 版`],
    ['总预算（万元）', rule.budget ?? '未设'],
    [
      '取整方法',
      rule.budget === undefined
        ? '不折算：金额即等级金额。'
        : '等级金额 × 总预算 ÷ 等级金额合计，先取整数部分，余下的万元按小数部分从大到小逐个分配（小数相同按基地编号），合计等于总预算。',
    ],
    ['生成时间', formatReportTime(generatedAt)],
  ];
  return {
    name: FUNDING_SHEET_NAMES.rule,
    rows,
    headerRows: 1,
    columnWidths: [16, 30, 12, 10, 10, 10, 10],
  };
}

/** The workbook's sheets: 后补助 and 分配规则. */
export function fundingWorkbookSheets(input: {
  round: AcceptedRound;
  table: FundingTable;
  rule: FundingRule;
  /** ISO instant written on 分配规则. */
  generatedAt: string;
}): XlsxSheetInput[] {
  return [
    tableSheet(input.round, input.table, input.rule),
    ruleSheet(input.round, input.rule, input.generatedAt),
  ];
}

/** "后补助-2022-2022年度定期评估.xlsx", or a plain fallback a file system always accepts. */
export function fundingFileName(round: Pick<AcceptedRound, 'year' | 'name' | 'roundId'>): string {
  const name = round.name
    // eslint-disable-next-line no-control-regex -- control characters are what we replace
    .replace(/[/\\:*?"<>|\u0000-\u001f\u007f]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 60)
    .trim();
  const proposed = `后补助-${String(round.year)}-${name}.xlsx`;
  return isSafeFileName(proposed) ? proposed : `funding-${String(round.year)}.xlsx`;
}
