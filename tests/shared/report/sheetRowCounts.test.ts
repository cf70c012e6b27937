import { describe, expect, it } from 'vitest';
import { buildReportModel } from '../../../shared/report/model';
import { reportSheetRowCounts, reportWorkbookSheets } from '../../../shared/report/workbook';
import { buildReportFixture } from '../../helpers/reportBuilders';

/** Data rows of each table sheet of the built workbook, by name (汇总 has no header row). */
function builtCounts(model: ReturnType<typeof buildReportModel>): Map<string, number> {
  return new Map(
    reportWorkbookSheets(model)
      .filter((s) => s.headerRows === 1)
      .map((s) => [s.name, s.rows.length - 1]),
  );
}

describe('reportSheetRowCounts', () => {
  it('counts the rows of each table sheet without building it', () => {
    const model = buildReportModel(buildReportFixture().input);
    const counts = reportSheetRowCounts(model);
    // 4 bases; x, y, z on the A1 template (3 primaries + 9 secondaries), w on B4 (4 + 8);
    // 12 stored sheets; 2 conflicts; 2 decisions.
    expect(Object.fromEntries(counts)).toEqual({
      基地结果: 4,
      指标均分: 3 * 12 + 12,
      评分表: 12,
      冲突: 2,
      决定: 2,
    });
    expect(counts).toEqual(builtCounts(model));
  });

  it('counts one 指标均分 row for a base whose template is missing', () => {
    const { input } = buildReportFixture();
    const { B4: b4, ...templateByType } = input.round.templateByType;
    const model = buildReportModel({
      ...input,
      round: { ...input.round, templateByType },
      templates: input.templates.filter((t) => t.id !== b4),
    });
    const counts = reportSheetRowCounts(model);
    expect(counts.get('指标均分')).toBe(3 * 12 + 1);
    expect(counts).toEqual(builtCounts(model));
  });
});
