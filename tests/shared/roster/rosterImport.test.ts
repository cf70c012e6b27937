import { describe, expect, it } from 'vitest';
import {
  assignBaseCodes,
  derivedBaseCode,
  readRoster,
  readTableFile,
  rosterTemplateCsv,
  rosterTemplateXlsx,
  ROSTER_TEMPLATE_ROWS,
} from '../../../shared/roster';

const HEADER = [
  '基地名称',
  '基地类型',
  '依托单位',
  '所在地市',
  '负责人',
  '批建年份',
  '所属领域',
  '基地编号',
];
const GOOD = [
  '辽宁省先进材料重点实验室',
  '重点实验室',
  '东北大学',
  '沈阳',
  '张明',
  '2008',
  '材料',
  '',
];

/** A roster with a title row, the header, then the given data rows (from row 3). */
const sheet = (...rows: string[][]): string[][] => [['基地名单'], HEADER, ...rows];

/** Row `GOOD` with some cells replaced. */
const good = (changes: Partial<Record<number, string>>): string[] =>
  GOOD.map((cell, i) => changes[i] ?? cell);

describe('readRoster reports every kind of row problem and imports nothing from that row', () => {
  it.each([
    ['empty name', good({ 0: ' ' }), '基地名称', '基地名称不能为空'],
    ['name too long', good({ 0: '长'.repeat(201) }), '基地名称', '基地名称不能超过 200 个字符'],
    ['empty type', good({ 1: '' }), '基地类型', '基地类型不能为空'],
    ['unknown type', good({ 1: '孵化器' }), '基地类型', '无法识别基地类型「孵化器」'],
    [
      'stated code not a destination',
      good({ 1: '科技创新综合服务平台（B1）' }),
      '基地类型',
      '不是该原类型可归入的类型',
    ],
    [
      'legacy type needing a choice',
      good({ 1: '科技创新综合服务平台' }),
      '基地类型',
      '可归入多个新类型',
    ],
    ['empty host', good({ 2: '' }), '依托单位', '依托单位不能为空'],
    ['empty city', good({ 3: '' }), '所在地市', '所在地市不能为空'],
    ['city outside Liaoning', good({ 3: '北京市' }), '所在地市', '「北京市」不是辽宁省的地市'],
    ['empty year', good({ 5: '' }), '批建年份', '批建年份不能为空'],
    [
      'year not a year',
      good({ 5: '2008.5' }),
      '批建年份',
      '批建年份「2008.5」应为 1950–2100 之间的整数年份',
    ],
    ['director too long', good({ 4: '名'.repeat(201) }), '负责人', '负责人不能超过 200 个字符'],
    ['code with a space', good({ 7: 'LN A1' }), '基地编号', '基地编号「LN A1」不能包含空格或换行'],
    ['code too long', good({ 7: 'X'.repeat(65) }), '基地编号', '基地编号不能超过 64 个字符'],
    ['reserved code', good({ 7: '__proto__' }), '基地编号', '「__proto__」不能用作基地编号'],
  ])('%s', (_kind, row, column, message) => {
    const result = readRoster(sheet(row));
    expect(result.rows).toEqual([]);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ row: 3, column });
    expect(result.problems[0]?.message).toContain(message);
  });

  it('refuses a 批建年份 after the round year, with its row and column, and takes the round year itself', () => {
    const result = readRoster(sheet(good({ 5: '2025' }), good({ 0: '新实验室', 5: '2024' })), {
      roundYear: 2024,
    });
    expect(result.problems).toEqual([
      { row: 3, column: '批建年份', message: '批建年份 2025 晚于本轮评估年度 2024 年，请核对' },
    ]);
    expect(result.rows.map((r) => [r.row, r.yearEstablished])).toEqual([[4, 2024]]);
  });

  it('reports duplicates within the file and codes given twice', () => {
    const result = readRoster(
      sheet(
        good({ 7: 'LN-1' }),
        good({ 0: '辽 宁省先进材料重点实验室', 7: 'LN-9' }),
        good({ 0: '另一个实验室', 7: 'LN-1' }),
      ),
    );
    expect(result.problems).toEqual([
      { row: 4, column: '基地名称', message: '与第 3 行重复（基地名称和依托单位相同）' },
      { row: 5, column: '基地编号', message: '基地编号「LN-1」与第 3 行重复' },
    ]);
    expect(result.rows.map((r) => r.row)).toEqual([3]);
  });

  it('reports bases already in the round as duplicates, and codes the round already uses', () => {
    const existing = [
      { name: '辽宁省先进材料重点实验室', hostInstitution: '东北大学', code: 'LN-A1-001' },
    ];
    const result = readRoster(sheet(good({}), good({ 0: '新实验室', 7: 'LN-A1-001' })), {
      existing,
    });
    expect(result.problems).toEqual([
      {
        row: 3,
        column: '基地名称',
        message: '本轮已有该基地（基地名称和依托单位相同），不会重复导入',
      },
      { row: 4, column: '基地编号', message: '基地编号「LN-A1-001」已被本轮其他基地使用' },
    ]);
  });

  it('offers the choice for a legacy type that goes to several new types, and accepts it', () => {
    const rows = sheet(good({ 1: '科技创新资源共享服务平台' }));
    const first = readRoster(rows);
    expect(first.problems[0]?.typeChoice).toEqual({
      legacyType: 'resourceSharingPlatform',
      candidates: ['C1', 'C2', 'C3'],
    });
    // A choice outside the candidates does not count.
    expect(readRoster(rows, { typeChoices: new Map([[3, 'A1']]) }).rows).toEqual([]);
    const chosen = readRoster(rows, { typeChoices: new Map([[3, 'C2']]) });
    expect(chosen.problems).toEqual([]);
    expect(chosen.rows[0]).toMatchObject({ type: 'C2', legacyType: 'resourceSharingPlatform' });
  });
});

describe('readRoster header problems', () => {
  it('refuses an extra column named twice and reports it on the header row', () => {
    const result = readRoster([[...HEADER, '经费', '经费'], GOOD]);
    expect(result.rows).toEqual([]);
    expect(result.problems).toEqual([
      { row: 1, column: '表头', message: '列名「经费」出现了不止一次，请改名' },
    ]);
  });

  it('refuses more than 50 extra columns', () => {
    const extra = Array.from({ length: 51 }, (_, i) => `指标${i}`);
    const result = readRoster([[...HEADER, ...extra], GOOD]);
    expect(result.problems[0]?.message).toContain('最多可导入 50 列关键数据');
  });
});

describe('readRoster key figures and codes', () => {
  it('keeps extra columns as key figures, numbers as numbers, and skips 序号 and untitled columns', () => {
    const result = readRoster([
      ['序号', ...HEADER, '研发投入（万元）', '', '备注'],
      ['1', ...good({ 7: 'LN-7' }), '1,234.5', 'x', '省级示范'],
      ['2', ...good({ 0: '第二个实验室' }), '', 'y', ''],
    ]);
    expect(result.problems).toEqual([]);
    expect(result.keyFigureColumns).toEqual(['研发投入（万元）', '备注']);
    expect(result.rows[0]).toMatchObject({
      code: 'LN-7',
      keyFigures: { '研发投入（万元）': 1234.5, 备注: '省级示范' },
    });
    expect(result.rows[1]).not.toHaveProperty('keyFigures');
    expect(result.rows[1]).not.toHaveProperty('code');
  });

  it('derives a code from name and host, the same in every round', () => {
    const base = { name: '辽宁省先进材料重点实验室', hostInstitution: '东北大学' };
    expect(derivedBaseCode(base)).toMatch(/^LN-[0-9A-F]{8}$/u);
    expect(derivedBaseCode({ ...base, name: ' 辽宁省先进材料重点实验室 ' })).toBe(
      derivedBaseCode(base),
    );
    expect(derivedBaseCode({ ...base, hostInstitution: '辽宁大学' })).not.toBe(
      derivedBaseCode(base),
    );
  });

  it('keeps codes from the file and makes derived codes unique', () => {
    const a = { name: 'A', hostInstitution: 'H' };
    const derived = derivedBaseCode(a);
    expect(
      assignBaseCodes(
        [a, { ...a, code: derived }, { name: 'B', hostInstitution: 'H', code: 'X' }],
        [],
      ),
    ).toEqual([`${derived}-2`, derived, 'X']);
    expect(assignBaseCodes([a], [derived, `${derived}-2`])).toEqual([`${derived}-3`]);
  });
});

describe('the roster template', () => {
  it('is read back without problems as .xlsx and as CSV', () => {
    for (const [name, bytes] of [
      ['模板.xlsx', rosterTemplateXlsx()],
      ['模板.csv', rosterTemplateCsv()],
    ] as const) {
      const table = readTableFile(name, bytes);
      if (!table.ok) throw new Error(table.message);
      expect(table.rows).toEqual(ROSTER_TEMPLATE_ROWS);
      const roster = readRoster(table.rows);
      expect(roster.problems).toEqual([]);
      expect(roster.headerRow).toBe(2);
      expect(roster.rows.map((r) => r.type)).toEqual(['A1', 'C2']);
      expect(roster.keyFigureColumns).toEqual(['固定研究人员（人）']);
    }
  });
});
