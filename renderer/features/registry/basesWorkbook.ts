// The 基地库 tab's Excel export: one row per base as the table shows it (filters applied),
// in Chinese like the department's own sheets, through the product's xlsx writer. A second
// sheet lists every base's evaluations, one row per round, under that round's own rule.
import {
  baseTypeByCode,
  categoryByCode,
  isBaseTypeCode,
  legacyTypeByCode,
} from '../../../shared/domain/taxonomy';
import { dispositionByCode } from '../../../shared/domain/dispositions';
import { GRADE_LABELS } from '../../../shared/domain/grading';
import type { BaseTypeCode, LegacyTypeCode } from '../../../shared/domain/types';
import type { RegistryBase, RegistryStatus } from '../../../shared/registry/types';
import { writeXlsx } from '../../../shared/xlsx/write';
import type { XlsxCell, XlsxSheetInput } from '../../../shared/xlsx/write';

const STATUS_ZH: Readonly<Record<RegistryStatus, string>> = {
  active: '运行中',
  rectifying: '限期整改',
  revoked: '已撤销',
  merged: '已并入',
};

const METHOD_ZH: Readonly<Record<string, string>> = {
  mean: '算术平均',
  median: '中位数',
  trimmedMean: '去掉最高最低分后平均',
  zScore: '标准分',
};

const typeZh = (code: BaseTypeCode | LegacyTypeCode | undefined): string => {
  if (code === undefined) return '';
  if (isBaseTypeCode(code)) return baseTypeByCode(code).nameZh;
  return legacyTypeByCode(code)?.nameZh ?? code;
};

export const BASES_HEADER = [
  '基地编号',
  '基地名称',
  '类别',
  '类型代码',
  '当前类型',
  '原类型',
  '依托单位',
  '所在地市',
  '负责人',
  '所属领域',
  '批建年份',
  '入库年份',
  '状态',
  '整改期限',
  '并入基地编号',
  '并入基地名称',
  '最近评估年度',
  '最近综合得分',
  '最近等级',
  '最近决定',
];

const HISTORY_HEADER = [
  '基地编号',
  '基地名称',
  '年度',
  '评估轮次',
  '版本',
  '综合得分',
  '汇总方法',
  '等级',
  '决定',
  '目标类型',
  '并入基地编号',
];

function baseRow(base: RegistryBase, nameOf: (code: string) => string | undefined): XlsxCell[] {
  const last = base.history[base.history.length - 1];
  return [
    base.code,
    base.name,
    categoryByCode(base.category)?.nameZh ?? base.category,
    base.type,
    base.legacyType === undefined
      ? baseTypeByCode(base.type).nameZh
      : `${typeZh(base.legacyType)}（待整合）`,
    typeZh(base.previousType),
    base.hostInstitution,
    base.city,
    base.director,
    base.field,
    base.yearEstablished,
    base.enteredYear,
    STATUS_ZH[base.status],
    base.rectifyUntil ?? '',
    base.mergedInto ?? '',
    base.mergedInto === undefined ? '' : (nameOf(base.mergedInto) ?? ''),
    last?.year ?? null,
    last?.aggregate ?? null,
    last?.grade ? GRADE_LABELS[last.grade].zh : '',
    last?.disposition ? (dispositionByCode(last.disposition)?.nameZh ?? '') : '',
  ];
}

function historyRows(base: RegistryBase): XlsxCell[][] {
  return base.history.map((h) => [
    base.code,
    base.name,
    h.year,
    h.roundName,
    h.version,
    h.aggregate,
    METHOD_ZH[h.method] ?? h.method,
    h.grade ? GRADE_LABELS[h.grade].zh : '',
    h.disposition ? (dispositionByCode(h.disposition)?.nameZh ?? '') : '',
    typeZh(h.targetType),
    h.mergedInto ?? '',
  ]);
}

/** The workbook's sheets: 基地库 and 历次评估. `all` names merge targets outside `bases`. */
export function basesWorkbookSheets(
  bases: readonly RegistryBase[],
  all: readonly RegistryBase[] = bases,
): XlsxSheetInput[] {
  const names = new Map(all.map((b) => [b.code, b.name]));
  const nameOf = (code: string) => names.get(code);
  return [
    {
      name: '基地库',
      headerRows: 1,
      rows: [BASES_HEADER, ...bases.map((b) => baseRow(b, nameOf))],
      columnWidths: [14, 36, 20, 8, 24, 20, 24, 10, 10, 12, 10, 10, 10, 12, 14, 30, 12, 12, 10, 10],
      numberFormats: [
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        '0',
        '0',
        null,
        null,
        null,
        null,
        '0',
        '0.00',
      ],
    },
    {
      name: '历次评估',
      headerRows: 1,
      rows: [HISTORY_HEADER, ...bases.flatMap(historyRows)],
      columnWidths: [14, 36, 8, 36, 8, 10, 20, 8, 14, 24, 14],
      numberFormats: [null, null, '0', null, '0', '0.00'],
    },
  ];
}

export function basesWorkbookBytes(
  bases: readonly RegistryBase[],
  all: readonly RegistryBase[] = bases,
): Uint8Array {
  return writeXlsx(basesWorkbookSheets(bases, all));
}
