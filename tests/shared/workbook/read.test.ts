import { describe, expect, it } from 'vitest';
import { writeXlsx } from '../../../shared/xlsx';
import { readScoresheetWorkbook, writeScoresheetWorkbook } from '../../../shared/workbook';
import type { WorkbookReadResult, WorkbookRoundContext } from '../../../shared/workbook';
import { typeInto, workbookRound } from '../../helpers/workbookBuilders';
import type { CellValue } from '../../helpers/workbookBuilders';

const crypto = globalThis.crypto;
const A = 'LN-A1-001';
const B = 'LN-B1-002';

// A1 (built-in): indicators on rows 5–13, inputs B16 回避 … B22 确认提交.
// B1 (built-in): indicators on rows 5–14, inputs B17 回避 … B23 确认提交.
const A1_SCORES: Record<string, CellValue> = {
  D5: 8,
  D6: 12.5,
  D7: 20,
  D8: 9,
  D9: 8.5,
  D10: 7,
  D11: 6,
  D12: 5,
  D13: 6.5,
};

async function roundTrip(
  edits: Record<string, Record<string, CellValue>>,
  context?: (c: WorkbookRoundContext) => WorkbookRoundContext,
): Promise<WorkbookReadResult> {
  const setup = workbookRound();
  const bytes = typeInto(await writeScoresheetWorkbook(setup.input, crypto), edits);
  const ctx = context ? context(setup.context) : setup.context;
  return readScoresheetWorkbook(bytes, ctx, { crypto });
}

function refusalOf(result: WorkbookReadResult) {
  if (result.ok) throw new Error('expected a refusal');
  return result.refusal;
}

function sheetsOf(result: WorkbookReadResult) {
  if (!result.ok) throw new Error(result.refusal.message);
  return result.sheets;
}

describe('readScoresheetWorkbook: a filled workbook', () => {
  it('reads scores, comments, recommendation, and submits a complete confirmed sheet', async () => {
    const result = await roundTrip({
      [A]: {
        ...A1_SCORES,
        E5: '方向明确',
        B18: '保留并调整方向',
        B21: '总体良好',
        B22: '是',
      },
      [B]: { D5: 5, D6: 8, B19: '纳入', B23: '是' },
    });
    const [a, b] = sheetsOf(result);
    expect(a).toEqual({
      sheetName: A,
      baseId: 'base-a',
      templateId: 'builtin-A1',
      templateVersion: 1,
      scores: {
        'A1.1.1': 8,
        'A1.1.2': 12.5,
        'A1.1.3': 20,
        'A1.2.1': 9,
        'A1.2.2': 8.5,
        'A1.2.3': 7,
        'A1.3.1': 6,
        'A1.3.2': 5,
        'A1.3.3': 6.5,
      },
      comments: { 'A1.1.1': '方向明确' },
      overallComment: '总体良好',
      recommendation: { disposition: { code: 'keepAdjust' }, reason: '' },
      status: 'submitted',
      missingCount: 0,
      notes: [],
    });
    // B1 has 10 indicators, 2 scored: confirmed but incomplete stays a draft, and says why.
    expect(b).toMatchObject({
      baseId: 'base-b',
      scores: { 'B1.1.1': 5, 'B1.1.2': 8 },
      recommendation: { disposition: { code: 'include', targetType: 'B1' }, reason: '' },
      status: 'draft',
      missingCount: 8,
      notes: ['尚有 8 项未打分'],
    });
    if (result.ok) expect(result.fileSha256).toMatch(/^[0-9a-f]{64}$/u);
  });

  it('takes scores typed as text, full-width digits and surrounding spaces included', async () => {
    const [a] = sheetsOf(await roundTrip({ [A]: { D5: '8', D6: ' 12.5 ', D7: '２０' } }));
    expect(a?.scores).toEqual({ 'A1.1.1': 8, 'A1.1.2': 12.5, 'A1.1.3': 20 });
    expect(a?.missingCount).toBe(6);
  });

  it('reads a recusal with its reason and drops the scores typed on that sheet', async () => {
    const [, b] = sheetsOf(await roundTrip({ [B]: { D5: 5, B17: '是', B18: '曾任该中心顾问' } }));
    expect(b).toMatchObject({
      recusal: { reason: '曾任该中心顾问' },
      scores: {},
      status: 'draft',
      notes: ['选择了回避，本表的得分未导入'],
    });
  });

  it('resolves 目标: a type by code or name, a base by its code, 纳入 without one is the own type', async () => {
    const withTarget = async (disposition: string, target: string | null, reason = '理由') => {
      const [a] = sheetsOf(
        await roundTrip({ [A]: { B18: disposition, B19: target, B20: reason } }),
      );
      return a;
    };
    expect((await withTarget('转', 'B4'))?.recommendation?.disposition).toEqual({
      code: 'convert',
      targetType: 'B4',
    });
    expect((await withTarget('转', '省工程研究中心'))?.recommendation?.disposition).toEqual({
      code: 'convert',
      targetType: 'B1',
    });
    expect((await withTarget('合并', 'LN-B1-002'))?.recommendation?.disposition).toEqual({
      code: 'merge',
      targetBaseId: 'base-b',
    });
    expect((await withTarget('纳入', null))?.recommendation?.disposition).toEqual({
      code: 'include',
      targetType: 'A1',
    });
    const noTarget = await withTarget('转', null);
    expect(noTarget?.recommendation).toBeUndefined();
    expect(noTarget?.notes).toEqual(['“转”未填写目标基地类型']);
  });
});

describe('readScoresheetWorkbook: refusals name the sheet and cell', () => {
  it('refuses a value off the 0.5 step', async () => {
    expect(refusalOf(await roundTrip({ [A]: { D5: 7.3 } }))).toEqual({
      code: 'badValue',
      sheet: A,
      cell: 'D5',
      message: `工作表“${A}”单元格 D5：分值 7.3 无效：分值须为 0.5 的整数倍，分值须在 0 到 10 之间，未导入。`,
      messageEn: `sheet "${A}", cell D5: score 7.3 is invalid: it must be a multiple of 0.5 from 0 to 10.`,
    });
  });

  it('refuses a value above the indicator maximum, or not a number', async () => {
    expect(refusalOf(await roundTrip({ [A]: { D6: 16 } })).message).toBe(
      `工作表“${A}”单元格 D6：分值 16 无效：分值须在 0 到 15 之间，未导入。`,
    );
    expect(refusalOf(await roundTrip({ [B]: { D7: '八' } })).message).toBe(
      `工作表“${B}”单元格 D7：“八”不是数字，分值须在 0 到 9 之间，未导入。`,
    );
  });

  it('refuses a moved row: the hidden indicator ids are out of template order', async () => {
    const moved = await roundTrip({
      [A]: { B5: '承担任务与经费', G5: 'A1.1.2', B6: '总体定位与研究方向', G6: 'A1.1.1' },
    });
    expect(refusalOf(moved)).toMatchObject({
      code: 'rowsMoved',
      sheet: A,
      cell: 'G5',
      message: `工作表“${A}”单元格 G5：此处应为“总体定位与研究方向”所在的行：表格的行被插入、删除或移动过，未导入。`,
    });
  });

  it('refuses a deleted row: the rows below it moved up', async () => {
    const deleted = await roundTrip({
      [A]: { G6: 'A1.1.3', G7: 'A1.2.1', G8: 'A1.2.2', G9: 'A1.2.3' },
    });
    expect(refusalOf(deleted)).toMatchObject({ code: 'rowsMoved', sheet: A, cell: 'G6' });
  });

  it('refuses a workbook of another round', async () => {
    const result = await roundTrip({}, (c) => ({
      ...c,
      round: { ...c.round, id: 'round-2025', name: '2025年度定期评估' },
    }));
    expect(refusalOf(result)).toEqual({
      code: 'otherRound',
      message:
        '这是另一评估轮次（2024年度定期评估）的评分表，不是当前轮次“2025年度定期评估”的，未导入。',
      messageEn:
        'this scoresheet belongs to another round (2024年度定期评估), not "2025年度定期评估".',
    });
  });

  it('refuses a damaged identity', async () => {
    // Row 5 of the identity sheet is expertId.
    const result = await roundTrip({ 'pinggu-identity': { B5: null } });
    expect(refusalOf(result)).toMatchObject({
      code: 'identity',
      message: '评分表的标识工作表已损坏（缺少 expertId），请使用评估通导出的原文件。',
    });
  });

  it('refuses a layout digest that does not match the layout', async () => {
    const result = await roundTrip({ 'pinggu-identity': { B8: '0'.repeat(64) } });
    expect(refusalOf(result)).toMatchObject({ code: 'layoutDigest' });
    // Swapping the two bases' sheets in the identity changes the layout, not the digest.
    const swapped = await roundTrip({ 'pinggu-identity': { B9: B, D9: B, B10: A, D10: A } });
    expect(refusalOf(swapped)).toMatchObject({ code: 'layoutDigest' });
  });

  it('refuses a workbook exported with another version of the indicator system', async () => {
    const result = await roundTrip({}, (c) => ({
      ...c,
      templates: c.templates.map((t) => (t.baseType === 'A1' ? { ...t, version: 2 } : t)),
    }));
    expect(refusalOf(result)).toMatchObject({
      code: 'templateVersion',
      sheet: A,
      message: `工作表“${A}”：评分表按指标体系第 1 版导出，本轮次现用第 2 版（或已换用其他指标体系），请重新导出评分表。`,
    });
  });

  it('refuses a base no longer in the round, an expert not of the round, a changed header', async () => {
    const noBase = await roundTrip({}, (c) => ({
      ...c,
      bases: c.bases.filter((b) => b.id !== 'base-b'),
    }));
    expect(refusalOf(noBase)).toMatchObject({ code: 'unknownBase', sheet: B });
    const noExpert = await roundTrip({}, (c) => ({ ...c, experts: [] }));
    expect(refusalOf(noExpert)).toMatchObject({ code: 'unknownExpert' });
    const header = await roundTrip({ [A]: { D4: '分数' } });
    expect(refusalOf(header)).toMatchObject({ code: 'layoutChanged', sheet: A, cell: 'D4' });
  });

  it('refuses a choice not on the list, a recusal without reason, an unknown target', async () => {
    expect(refusalOf(await roundTrip({ [A]: { B16: '可能' } }))).toMatchObject({
      code: 'badChoice',
      cell: 'B16',
    });
    expect(refusalOf(await roundTrip({ [A]: { B16: '是' } }))).toMatchObject({
      code: 'recusalReason',
      cell: 'B17',
      message: `工作表“${A}”单元格 B17：选择回避时须填写回避理由，未导入。`,
    });
    expect(refusalOf(await roundTrip({ [A]: { B18: '转', B19: '研究院' } }))).toMatchObject({
      code: 'badTarget',
      cell: 'B19',
    });
    expect(refusalOf(await roundTrip({ [A]: { B18: '合并', B19: 'LN-X' } }))).toMatchObject({
      code: 'badTarget',
      message: `工作表“${A}”单元格 B19：“LN-X”不是本轮次中基地的编号，未导入。`,
    });
  });

  it('refuses a file that is not a workbook, or a workbook that is not a scoresheet', async () => {
    const setup = workbookRound();
    const junk = await readScoresheetWorkbook(new Uint8Array([1, 2, 3]), setup.context, { crypto });
    expect(refusalOf(junk).code).toBe('notWorkbook');
    const plain = writeXlsx([{ name: 'Sheet1', rows: [['a']] }]);
    expect(refusalOf(await readScoresheetWorkbook(plain, setup.context, { crypto }))).toMatchObject(
      {
        code: 'notScoresheet',
        message: '不是评估通导出的评分表（缺少标识工作表），无法导入。',
      },
    );
  });
});
