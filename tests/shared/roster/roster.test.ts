import { describe, expect, it } from 'vitest';
import { parseCsv, readRoster, readTypeCell, readYearCell } from '../../../shared/roster';

const HEADER = ['基地名称', '基地类型', '依托单位', '所在地市', '负责人', '批建年份', '所属领域'];

/** A roster as the department sends it: title row, blank row, header, then bases. */
function sheet(...rows: string[][]): string[][] {
  return [['2024年度辽宁省科技创新基地评估名单', '', '', '', '', '', ''], [], HEADER, ...rows];
}

describe('readRoster', () => {
  it('finds the header under a title row and maps legacy types', () => {
    const result = readRoster(
      sheet(
        [
          '辽宁省轧制技术及连轧自动化重点实验室',
          '重点实验室',
          '东北大学',
          '沈阳市',
          '王国栋',
          '2008',
          '材料与冶金',
        ],
        [
          '辽宁省精细化工工程技术研究中心',
          '工程技术研究中心',
          '大连理工大学',
          '大连',
          '彭孝军',
          '2012年',
          '化工',
        ],
        [
          '辽宁省大型科学仪器共享服务平台',
          'C2',
          '金属研究所',
          '辽宁省沈阳市',
          '李明',
          '2016.0',
          '仪器共享',
        ],
      ),
    );
    expect(result.headerRow).toBe(3);
    expect(result.problems).toEqual([]);
    expect(result.rows).toEqual([
      {
        row: 4,
        name: '辽宁省轧制技术及连轧自动化重点实验室',
        type: 'A1',
        legacyType: 'keyLaboratory',
        hostInstitution: '东北大学',
        city: '沈阳',
        director: '王国栋',
        yearEstablished: 2008,
        field: '材料与冶金',
      },
      {
        row: 5,
        name: '辽宁省精细化工工程技术研究中心',
        type: 'B4',
        legacyType: 'engineeringTechnologyCenter',
        hostInstitution: '大连理工大学',
        city: '大连',
        director: '彭孝军',
        yearEstablished: 2012,
        field: '化工',
      },
      {
        row: 6,
        name: '辽宁省大型科学仪器共享服务平台',
        type: 'C2',
        hostInstitution: '金属研究所',
        city: '沈阳',
        director: '李明',
        yearEstablished: 2016,
        field: '仪器共享',
      },
    ]);
  });

  it('reports every row problem with its spreadsheet row and Chinese column', () => {
    const result = readRoster(
      sheet(
        [
          '辽宁省分析测试资源共享平台',
          '科技创新资源共享服务平台',
          '大连化学物理研究所',
          '大连',
          '张涛',
          '2010',
          '分析测试',
        ],
        ['辽宁省冶金工程研究中心', '工程研究中心', '鞍钢集团', '北京', '刘军', '2015', '冶金'],
        ['', '重点实验室', '中国医科大学', '沈阳', '赵明', '2011', '医学'],
        ['辽宁省重大装备工程技术研究中心', 'B4', '沈阳鼓风机集团', '沈阳', '孙伟', '1949', '装备'],
        [
          '辽宁省轴承工程技术研究中心',
          '工程技术研究中心',
          '瓦房店轴承',
          '大连',
          '陈亮',
          '2009',
          '轴承',
        ],
        ['', '', '', '', '', '', ''],
        ['辽宁省轴承工程技术研究中心', 'B4', '瓦房店轴承', '大连市', '陈亮', '2009', '轴承'],
        ['辽宁省量子信息重点实验室', '量子平台', '辽宁大学', '沈阳', '周强', '二〇一八', '量子'],
      ),
    );
    expect(result.problems.map((p) => [p.row, p.column])).toEqual([
      [4, '基地类型'],
      [5, '所在地市'],
      [6, '基地名称'],
      [7, '批建年份'],
      [10, '基地名称'],
      [11, '基地类型'],
      [11, '批建年份'],
    ]);
    const [choice, city, name, year, duplicate] = result.problems;
    expect(choice?.message).toContain('C1');
    expect(choice?.message).toContain('C3');
    expect(city?.message).toContain('北京');
    expect(name?.message).toBe('基地名称不能为空');
    expect(year?.message).toContain('1950');
    expect(duplicate?.message).toBe('与第 8 行重复（基地名称和依托单位相同）');
    expect(result.rows.map((r) => r.row)).toEqual([8]);
  });

  it('tolerates full-width spaces, aliases and required-marks in the header', () => {
    const result = readRoster([
      ['名称*', '原基地类型', '承担单位', '所在城市', '主任', '批准年份', '领域'].map(
        (h) => `\u3000${h} `,
      ),
      [
        '辽宁省肿瘤临床医学研究中心',
        '临床医学研究中心',
        '辽宁省肿瘤医院',
        '沈阳',
        '王\u3000伟',
        '2017',
        '肿瘤',
      ],
    ]);
    expect(result.problems).toEqual([]);
    expect(result.rows[0]).toMatchObject({ type: 'B5', city: '沈阳', yearEstablished: 2017 });
  });

  it('reports missing required columns once, on the header row', () => {
    const result = readRoster([
      ['辽宁省科技创新基地名单'],
      ['基地名称', '基地类型', '负责人'],
      ['辽宁省某重点实验室', 'A1', '张三'],
    ]);
    expect(result.rows).toEqual([]);
    expect(result.problems).toEqual([
      {
        row: 2,
        column: '依托单位、所在地市、批建年份',
        message: '缺少必填列：依托单位、所在地市、批建年份',
      },
    ]);
  });

  it('reports a sheet without a header', () => {
    const result = readRoster([['东北大学', '沈阳']]);
    expect(result.headerRow).toBeUndefined();
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]?.row).toBe(1);
  });

  it('reads a BOM-prefixed CSV with a title row and quoted fields end to end', () => {
    const csv =
      '\uFEFF辽宁省科技创新基地名单（2024）,,,,,,\r\n' +
      `${HEADER.join(',')}\r\n` +
      '"辽宁省机器人技术创新中心, 沈阳",产业专业技术创新平台,新松机器人,沈阳市,曲道奎,2014,"机器人\n智能制造"\r\n';
    const result = readRoster(parseCsv(csv));
    expect(result.problems).toEqual([]);
    expect(result.rows[0]).toMatchObject({
      row: 3,
      name: '辽宁省机器人技术创新中心, 沈阳',
      type: 'B4',
      legacyType: 'industrialSpecializedPlatform',
      field: '机器人\n智能制造',
    });
  });
});

describe('readTypeCell', () => {
  it('accepts a C code written next to an ambiguous legacy type', () => {
    expect(readTypeCell('科技创新资源共享服务平台（C2）')).toEqual({
      ok: true,
      type: 'C2',
      legacyType: 'resourceSharingPlatform',
    });
    expect(readTypeCell('科技创新综合服务平台/Ｃ１')).toMatchObject({ ok: true, type: 'C1' });
  });

  it('refuses a stated code the legacy type cannot go to', () => {
    const reading = readTypeCell('科技创新资源共享服务平台（B1）');
    expect(reading.ok).toBe(false);
  });

  it('refuses an empty or unknown type', () => {
    expect(readTypeCell('  ')).toEqual({ ok: false, message: '基地类型不能为空' });
    expect(readTypeCell('孵化器').ok).toBe(false);
  });
});

describe('readYearCell', () => {
  it('accepts integer years in range only', () => {
    expect(readYearCell('2008')).toBe(2008);
    expect(readYearCell('２００８年')).toBe(2008);
    expect(readYearCell('2008.0')).toBe(2008);
    expect(readYearCell('2008.5')).toBeUndefined();
    expect(readYearCell('1949')).toBeUndefined();
    expect(readYearCell('2101')).toBeUndefined();
    expect(readYearCell('')).toBeUndefined();
  });
});
