import { describe, expect, it } from 'vitest';
import type { RoundChange } from '../../../shared/domain/types';
import { buildReportModel } from '../../../shared/report/model';
import type { ReportCell, ReportInput } from '../../../shared/report/types';
import { reportWorkbookSheets } from '../../../shared/report/workbook';
import { VOIDED_SHEETS_HEADER } from '../../../shared/report/voidedSheets';
import { buildReportFixture } from '../../helpers/reportBuilders';

// The fixture (tests/helpers/reportBuilders.ts) with two changes after issue: 赵一's sheet of
// X (95) voided by a conflict declared after scoring began, and Z withdrawn from the round.
function withChanges(): { input: ReportInput; declared: RoundChange } {
  const { input, bases, experts } = buildReportFixture();
  const zhao = experts[0];
  if (!zhao) throw new Error('fixture');
  const declared: RoundChange = {
    id: 'change-1',
    roundId: input.round.id,
    kind: 'declareConflict',
    at: '2024-05-23T01:30:00.000Z',
    actor: '秘书处 王芳',
    reason: '其学生任该实验室主任',
    expertId: zhao.id,
    baseId: bases.x.id,
    voids: [{ expertId: zhao.id, baseId: bases.x.id }],
  };
  const withdrawn: RoundChange = {
    id: 'change-2',
    roundId: input.round.id,
    kind: 'withdrawBase',
    at: '2024-05-23T02:00:00.000Z',
    actor: '秘书处 王芳',
    reason: '依托单位申请退出',
    baseId: bases.z.id,
    voids: [],
  };
  const recusal = { reason: declared.reason, source: 'secretariat' as const, at: declared.at };
  return {
    declared,
    input: {
      ...input,
      assignments: input.assignments
        .filter((a) => a.baseId !== bases.z.id)
        .map((a) => (a.expertId === zhao.id && a.baseId === bases.x.id ? { ...a, recusal } : a)),
      changes: [declared, withdrawn],
    },
  };
}

const records = (rows: readonly ReportCell[][]) => {
  const [header = [], ...body] = rows;
  return body.map((row) => Object.fromEntries(header.map((h, i) => [String(h), row[i] ?? null])));
};

describe('the report of a round with changes after issue', () => {
  it('leaves the voided sheet and the withdrawn base out of every statistic', () => {
    const { input } = withChanges();
    const model = buildReportModel(input);
    expect(model.rows.map((r) => r.base.code)).toEqual(['LN-A1-001', 'LN-A1-002', 'LN-B4-001']);
    const x = model.rows.find((r) => r.base.code === 'LN-A1-001');
    // 92 90 88 70: four sheets, too few to trim, so the mean.
    expect(x?.sheets).toBe(4);
    expect(x?.aggregate).toBe(85);
    expect(model.counts.bases).toBe(3);
    expect(model.counts.validSheets).toBe(4 + 3 + 2);
  });

  it('lists the voided sheet on 作废记录 with its total and the change that voided it', () => {
    const { input } = withChanges();
    const sheets = reportWorkbookSheets(buildReportModel(input));
    expect(sheets.map((s) => s.name).at(-1)).toBe('作废记录');
    const voided = sheets.find((s) => s.name === '作废记录');
    expect(voided?.rows[0]).toEqual([...VOIDED_SHEETS_HEADER]);
    expect(records(voided?.rows ?? [])).toEqual([
      {
        基地编号: 'LN-A1-001',
        基地名称: '辽宁省高性能金属材料重点实验室',
        专家: '赵一',
        专家组: '沈阳一组',
        评分表状态: '已提交',
        总分: 95,
        变更类型: '声明回避',
        变更原因: '其学生任该实验室主任',
        经办人: '秘书处 王芳',
        变更时间: '2024-05-23 09:30',
        评分表编号: expect.any(String),
        变更编号: 'change-1',
      },
    ]);
  });

  it('has no 作废记录 sheet when nothing is voided, and counts the sheet again once undone', () => {
    const { input, declared } = withChanges();
    const undone = { ...declared, undone: { at: declared.at, actor: '秘书处', reason: '误报' } };
    const restored = {
      ...input,
      assignments: input.assignments.map(({ recusal: _recusal, ...a }) => a),
      changes: [undone],
    };
    const model = buildReportModel(restored);
    expect(model.voided).toEqual([]);
    expect(reportWorkbookSheets(model).map((s) => s.name)).not.toContain('作废记录');
    expect(model.rows.find((r) => r.base.code === 'LN-A1-001')?.sheets).toBe(5);
  });
});
