// The reminder list the secretariat phones round: who still owes what, as CSV that Excel
// opens correctly and as workbook sheets, with nothing a spreadsheet would run as a formula.
import { describe, expect, it } from 'vitest';
import { roundCompleteness } from '../../../shared/secretariat/completeness';
import {
  reminderCsv,
  reminderFileName,
  reminderRows,
  reminderWorkbook,
} from '../../../shared/secretariat/reminders';
import {
  buildAssignment,
  buildBase,
  buildExpert,
  buildPanel,
  buildRound,
  buildScoresheet,
} from '../../helpers/builders';

function sample() {
  const round = buildRound();
  const panel = buildPanel(round.id, { name: '沈阳一组' });
  const zhang = buildExpert(round.id, panel.id, {
    name: '张三',
    institution: '东北大学',
    phone: ' 13800000001 ',
  });
  const li = buildExpert(round.id, panel.id, { name: '李四', institution: '=cmd|calc' });
  const done = buildExpert(round.id, panel.id, { name: '王五' });
  const jia = buildBase(round.id, { name: '基地甲', panelId: panel.id });
  const yi = buildBase(round.id, { name: '基地乙, "二期"', panelId: panel.id });
  const completeness = roundCompleteness({
    panels: [{ ...panel, chairExpertId: zhang.id }],
    experts: [zhang, li, done],
    bases: [jia, yi],
    assignments: [
      buildAssignment(jia, zhang),
      buildAssignment(yi, zhang),
      buildAssignment(jia, li),
      buildAssignment(jia, done),
    ],
    scoresheets: [
      buildScoresheet(jia, zhang, { scores: { 'A1-1-1': 3, 'A1-1-2': 4, 'A1-1-3': 1 } }),
      buildScoresheet(jia, done, { status: 'submitted' }),
    ],
  });
  return { rows: reminderRows(completeness), zhang, li };
}

describe('the reminder list', () => {
  it('names every expert who owes sheets, with phone and each outstanding base and its state', () => {
    const { rows, zhang, li } = sample();
    expect(rows.map((r) => [r.expertId, r.phone, r.draftCount, r.missingCount])).toEqual([
      [zhang.id, '13800000001', 1, 1],
      [li.id, '', 0, 1],
    ]);
    expect(rows[0]?.items.map((i) => [i.baseName, i.state, i.scoredCount])).toEqual([
      ['基地甲', 'draft', 3],
      ['基地乙, "二期"', 'missing', 0],
    ]);
  });

  it('writes CSV with a BOM, CRLF line ends, quoting and no formulas', () => {
    const { rows } = sample();
    expect(reminderCsv(rows)).toBe(
      '\uFEFF专家组,专家,工作单位,联系电话,未完成份数,其中草稿,其中未开始,未完成的基地（状态）\r\n' +
        '沈阳一组,张三,东北大学,13800000001,2,1,1,"基地甲（草稿，已打分 3 项）；基地乙, ""二期""（未开始）"\r\n' +
        "沈阳一组,李四,'=cmd|calc,,1,0,1,基地甲（未开始）\r\n",
    );
  });

  it('gives the workbook a per-expert sheet, a per-sheet detail and a note, text kept as written', () => {
    const { rows } = sample();
    const sheets = reminderWorkbook(rows, {
      roundName: '2024年度评估',
      generatedAt: '2024-05-10 09:00',
    });
    expect(sheets.map((s) => s.name)).toEqual(['催办清单', '明细', '说明']);
    const [list, detail, note] = sheets;
    // writeXlsx stores text as shared strings, never formulas: no apostrophe needed there.
    expect(list?.rows[2]?.[2]).toBe('=cmd|calc');
    expect(list?.headerRows).toBe(1);
    expect(detail?.rows.slice(1)).toEqual([
      ['沈阳一组', '张三', '13800000001', '基地甲', '草稿', 3],
      ['沈阳一组', '张三', '13800000001', '基地乙, "二期"', '未开始', 0],
      ['沈阳一组', '李四', '', '基地甲', '未开始', 0],
    ]);
    expect(note?.rows).toContainEqual(['未完成评分表', 3]);
  });

  it('suggests a file name a save dialog accepts', () => {
    expect(reminderFileName('2024/评估: "一期"', '2024-05-10T09:00:00.000Z')).toBe(
      '催办清单-2024-评估- -一期--2024-05-10',
    );
  });
});
