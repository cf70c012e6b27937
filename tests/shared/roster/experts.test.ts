import { describe, expect, it } from 'vitest';
import { findExpertHeaderRow, readExpertRoster } from '../../../shared/roster/experts';

const panels = [
  { id: 'p-sy', name: '沈阳一组' },
  { id: 'p-dl', name: '大连组' },
];

describe('reading an expert roster', () => {
  it('reads a sheet with a title row, aliased headers and panels by name', () => {
    const result = readExpertRoster(
      [
        ['2024年度评估专家名单', '', '', '', '', ''],
        ['姓名', '单位', '职称', '领域', '电话', '组别'],
        ['李明', '大连理工大学', '教授', '材料', '139 1234 5678', '大连组'],
        ['', '', '', '', '', ''],
        ['王芳', '东北大学', '研究员', '冶金', '', ' 沈阳一组 '],
      ],
      { panels },
    );
    expect(result.problems).toEqual([]);
    expect(result.headerRow).toBe(2);
    expect(result.experts).toEqual([
      {
        row: 3,
        name: '李明',
        institution: '大连理工大学',
        title: '教授',
        field: '材料',
        phone: '13912345678',
        panelId: 'p-dl',
      },
      {
        row: 5,
        name: '王芳',
        institution: '东北大学',
        title: '研究员',
        field: '冶金',
        panelId: 'p-sy',
      },
    ]);
  });

  it('puts experts into the default panel when the sheet names none', () => {
    const result = readExpertRoster(
      [
        ['姓名', '工作单位', '专业领域', '联系电话'],
        ['赵强', '中国医科大学', '临床医学', '024-8328 2888'],
      ],
      { panels, defaultPanelId: 'p-sy' },
    );
    expect(result.problems).toEqual([]);
    expect(result.experts).toMatchObject([
      { name: '赵强', title: '', field: '临床医学', phone: '02483282888', panelId: 'p-sy' },
    ]);
  });

  it('lists every problem by row and column and keeps only the good rows', () => {
    const result = readExpertRoster(
      [
        ['姓名', '工作单位', '职称', '联系电话', '评审组'],
        ['', '东北大学', '教授', '', '沈阳一组'],
        ['钱伟', '', '', '1391234567x', '沈阳一组'],
        ['孙丽', '辽宁大学', '教授', '', '锦州组'],
        ['周涛', '沈阳工业大学', '', '', ''],
        ['李明', '大连理工大学', '', '', '大连组'],
        ['吴刚', '东北大学', '', '', '沈阳一组'],
        ['吴刚', '东北大学', '', '', '大连组'],
      ],
      { panels, existingExperts: [{ name: '李明', institution: '大连理工大学' }] },
    );
    expect(result.problems).toEqual([
      { row: 2, column: '姓名', message: '专家姓名不能为空' },
      { row: 3, column: '工作单位', message: '工作单位不能为空' },
      {
        row: 3,
        column: '联系电话',
        message: '联系电话「1391234567x」应为 7–15 位数字（可含空格、“-”和括号）',
      },
      {
        row: 4,
        column: '评审组',
        message: '本轮次没有名为「锦州组」的评审组（现有：沈阳一组、大连组）',
      },
      {
        row: 5,
        column: '评审组',
        message: '未指定评审组：请在表中填写评审组，或在导入时选择默认评审组',
      },
      { row: 6, column: '姓名', message: '李明（大连理工大学）已在本轮次的专家中' },
      { row: 8, column: '姓名', message: '与第 7 行重复（姓名和工作单位相同）' },
    ]);
    expect(result.experts.map((e) => e.name)).toEqual(['吴刚']);
  });

  it('says so when no header row names 姓名 and 工作单位', () => {
    const grid = [
      ['基地名称', '基地类型'],
      ['某实验室', 'A1'],
    ];
    expect(findExpertHeaderRow(grid)).toBeUndefined();
    expect(readExpertRoster(grid, { panels })).toEqual({
      experts: [],
      problems: [
        {
          row: 1,
          column: '姓名、工作单位',
          message: '前 10 行中未找到同时含有「姓名」和「工作单位」的表头行',
        },
      ],
    });
  });

  it('accepts headers with required marks and notes (*姓名, 联系电话（手机）)', () => {
    const result = readExpertRoster(
      [
        ['*姓名', '*工作单位', '联系电话（手机）'],
        ['郑华', '沈阳药科大学', '13800001111'],
      ],
      { panels, defaultPanelId: 'p-dl' },
    );
    expect(result.experts).toMatchObject([{ name: '郑华', phone: '13800001111' }]);
  });
});
