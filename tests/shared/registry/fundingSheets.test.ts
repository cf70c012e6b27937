import { describe, expect, it } from 'vitest';
import { computeFunding, DEFAULT_FUNDING_RULE } from '../../../shared/registry/funding';
import {
  FUNDING_HEADER,
  FUNDING_SHEET_NAMES,
  fundingFileName,
  fundingWorkbookSheets,
} from '../../../shared/registry/fundingSheets';
import { readXlsx } from '../../../shared/xlsx/read';
import { writeXlsx } from '../../../shared/xlsx/write';
import { acceptedRound, outcome } from '../../helpers/fundingBuilders';

const round = acceptedRound(
  [
    outcome('LN-001', 'B1', { grade: 'excellent' }),
    outcome('LN-002', 'B2', { grade: 'good', disposition: 'keepAdjust' }),
    outcome('LN-003', 'B3', { grade: 'pass' }),
    outcome('LN-004', 'A1', { grade: 'excellent' }),
    outcome('LN-005', 'B4', { grade: 'good', disposition: 'revoke' }),
  ],
  { name: '2023年度定期评估', year: 2023 },
);

function readBack(budget?: number) {
  const rule = budget === undefined ? DEFAULT_FUNDING_RULE : { ...DEFAULT_FUNDING_RULE, budget };
  const table = computeFunding(round, rule);
  const bytes = writeXlsx(
    fundingWorkbookSheets({ round, table, rule, generatedAt: '2024-01-05T02:30:00.000Z' }),
  );
  const read = readXlsx(bytes);
  if (!read.ok) throw new Error(read.message);
  return read.sheets;
}

describe('the 后补助 workbook', () => {
  it('lists every base with its amount and a total equal to the budget', () => {
    const [sheet, rules] = readBack(100);
    expect(sheet?.name).toBe(FUNDING_SHEET_NAMES.table);
    expect(sheet?.rows[0]?.[0]).toBe('2023年度定期评估 后补助分配表');
    expect(sheet?.rows[1]?.[0]).toContain('总预算 100 万元');
    expect(sheet?.rows[2]).toEqual([...FUNDING_HEADER]);
    // 200/100/50 scaled to 100: 57, 29, 14 (funding.test.ts works it out).
    expect(sheet?.rows.slice(3, 8)).toEqual([
      [
        '1',
        'LN-001',
        '基地LN-001',
        '技术创新与成果转化类',
        'B1 省工程研究中心',
        '优秀',
        '',
        '后补助',
        '200',
        '57',
      ],
      [
        '2',
        'LN-002',
        '基地LN-002',
        '技术创新与成果转化类',
        'B2 省产业技术创新研究院',
        '良好',
        '保留并调整方向',
        '后补助',
        '100',
        '29',
      ],
      [
        '3',
        'LN-003',
        '基地LN-003',
        '技术创新与成果转化类',
        'B3 省产业共性技术创新中心',
        '合格',
        '',
        '后补助',
        '50',
        '14',
      ],
      [
        '4',
        'LN-004',
        '基地LN-004',
        '科学与工程研究类',
        'A1 省重点实验室',
        '优秀',
        '',
        '稳定支持',
        '',
        '0',
      ],
      [
        '5',
        'LN-005',
        '基地LN-005',
        '技术创新与成果转化类',
        'B4 省专业技术创新中心',
        '良好',
        '撤销',
        '不予补助',
        '',
        '0',
      ],
    ]);
    expect(sheet?.rows[8]?.[1]).toBe('合计');
    expect(sheet?.rows[8]?.[9]).toBe('100');
    expect(rules?.name).toBe(FUNDING_SHEET_NAMES.rule);
    expect(rules?.rows[1]?.slice(0, 3)).toEqual(['A1', '省重点实验室', '稳定支持']);
    expect(rules?.rows[2]).toEqual(['B1', '省工程研究中心', '后补助', '200', '100', '50', '0']);
    expect(rules?.rows.find((row) => row[0] === '总预算（万元）')?.[1]).toBe('100');
    expect(rules?.rows.find((row) => row[0] === '生成时间')?.[1]).toBe('2024-01-05 10:30');
  });

  it('says when no budget was set and keeps the grade amounts', () => {
    const [sheet] = readBack();
    expect(sheet?.rows[1]?.[0]).toBe('未设总预算：按等级金额计，合计 350 万元。');
    expect(sheet?.rows[8]?.[9]).toBe('350');
  });

  it('proposes a file name with the year and the round, safe on every system', () => {
    expect(fundingFileName(round)).toBe('后补助-2023-2023年度定期评估.xlsx');
    expect(fundingFileName({ ...round, name: 'a/b:c*' })).toBe('后补助-2023-a_b_c_.xlsx');
  });
});
