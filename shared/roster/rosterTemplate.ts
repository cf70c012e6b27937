// The roster template the secretariat downloads: a title row with instructions, the header
// readRoster recognises (required columns marked *, the optional 基地编号 and one key-figure
// column as an example of extra columns) and two example rows, one of them a C-category
// platform with its chosen type written beside the legacy name.
import { strToU8 } from 'fflate';
import { toCsv } from '../csv/write';
import { writeXlsx } from '../xlsx/write';

export const ROSTER_TEMPLATE_ROWS: readonly (readonly string[])[] = [
  [
    '辽宁省科技创新基地名单（模板）：带 * 的列必填；基地类型可填新类型代码（A1、B1–B5、C1–C3）或原基地类型名称；基地编号不填时自动生成；其他列作为关键数据导入。',
  ],
  [
    '基地名称*',
    '基地类型*',
    '依托单位*',
    '所在地市*',
    '负责人',
    '批建年份*',
    '所属领域',
    '基地编号',
    '固定研究人员（人）',
  ],
  [
    '辽宁省先进材料制备技术重点实验室',
    '重点实验室',
    '东北大学',
    '沈阳',
    '张明',
    '2008',
    '材料',
    '',
    '45',
  ],
  [
    '辽宁省分析测试资源共享服务平台',
    '科技创新资源共享服务平台（C2）',
    '大连理工大学',
    '大连',
    '李华',
    '2012',
    '分析测试',
    '',
    '20',
  ],
];

const WIDTHS = [36, 30, 24, 10, 10, 10, 14, 14, 18];

export function rosterTemplateXlsx(): Uint8Array {
  return writeXlsx([
    {
      name: '基地名单',
      rows: ROSTER_TEMPLATE_ROWS.map((row) => [...row]),
      columnWidths: WIDTHS,
      headerRows: 2,
    },
  ]);
}

/** UTF-8 with a byte-order mark and CRLF, as Excel on a Chinese Windows opens it directly. */
export function rosterTemplateCsv(): Uint8Array {
  return strToU8(toCsv(ROSTER_TEMPLATE_ROWS));
}
