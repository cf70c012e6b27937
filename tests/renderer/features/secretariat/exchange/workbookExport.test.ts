// The exchange tab's Excel scoresheets: every expert of a panel with a base to score gets a
// workbook our reader accepts for that round; an expert with nothing to score is named, not
// given an empty workbook.
import { afterEach, describe, expect, it } from 'vitest';
import type { PingguDatabase } from '../../../../../renderer/db/database';
import { buildPanelWorkbooks } from '../../../../../renderer/features/secretariat/exchange/workbookExport';
import {
  basesToScore,
  readWorkbookExportData,
} from '../../../../../renderer/features/secretariat/exchange/workbookExportData';
import { readScoresheetWorkbook } from '../../../../../shared/workbook';
import { openTestDatabase } from '../../../../helpers/db';
import { putWorkbookRound, workbookRound } from '../../../../helpers/workbookBuilders';

const opened: PingguDatabase[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

const deps = { crypto: globalThis.crypto, exportedAt: '2024-05-10T09:00:00.000Z' };

describe('buildPanelWorkbooks', () => {
  it('writes one workbook per expert with bases to score, each accepted by the reader', async () => {
    const db = await openTestDatabase();
    opened.push(db);
    const setup = workbookRound();
    await putWorkbookRound(db, setup);
    const data = await readWorkbookExportData(db, 'round-wb');
    if (!data) throw new Error('round');
    expect(basesToScore(data, 'expert-wb')).toBe(2);
    const built = await buildPanelWorkbooks(data, 'panel-wb', deps);
    expect(built.files.map((f) => f.name)).toEqual([
      '评分表-李四-2024年度定期评估.xlsx',
      '评分表-张三-2024年度定期评估.xlsx',
    ]);
    expect(built.skipped).toEqual([]);
    const context = {
      round: data.round,
      bases: data.bases,
      templates: data.templates,
      experts: data.experts,
    };
    for (const file of built.files) {
      const read = await readScoresheetWorkbook(file.bytes, context, { crypto: deps.crypto });
      expect(read.ok).toBe(true);
    }
  });

  it('names an expert who has nothing to score instead of writing an empty workbook', async () => {
    const db = await openTestDatabase();
    opened.push(db);
    const setup = workbookRound();
    await putWorkbookRound(db, setup);
    await db.assignments.delete('as-4');
    const data = await readWorkbookExportData(db, 'round-wb');
    if (!data) throw new Error('round');
    const built = await buildPanelWorkbooks(data, 'panel-wb', deps);
    expect(built.files).toHaveLength(1);
    expect(built.skipped.map((s) => [s.expert.name, s.message])).toEqual([
      ['李四', '专家“李四”没有需要评分的基地（未分配，或均已回避）。'],
    ]);
  });
});
