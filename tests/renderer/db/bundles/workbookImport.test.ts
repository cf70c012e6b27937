// Filled Excel scoresheet workbooks come back through the secretariat's batch import, next to
// score bundles: the same preview and summary, the same admission and merge, audit entries
// with the file's SHA-256, a refused workbook naming sheet and cell without stopping the
// others, and the same file twice changing nothing.
import { afterEach, describe, expect, it } from 'vitest';
import type { PingguDatabase } from '../../../../renderer/db/database';
import {
  commitBatch,
  defaultSelection,
  prepareBatch,
} from '../../../../renderer/db/bundles/batchImport';
import { dataDigest } from '../../../../renderer/db/bundles/digest';
import {
  commitWorkbookImport,
  prepareWorkbookImport,
} from '../../../../renderer/db/bundles/workbookImport';
import { writeScoresheetWorkbook } from '../../../../shared/workbook';
import { buildScoresheet } from '../../../helpers/builders';
import { openTestDatabase } from '../../../helpers/db';
import { commitDeps, testCrypto } from '../../../helpers/importBuilders';

const batchDeps = (accepted: ReadonlySet<number>) => {
  const { actor, clock, newId } = commitDeps();
  return { actor, clock, newId, accepted };
};
import { putWorkbookRound, typeInto, workbookRound } from '../../../helpers/workbookBuilders';
import type { CellValue, WorkbookRound } from '../../../helpers/workbookBuilders';

const opened: PingguDatabase[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

const COMPLETE_A: Record<string, CellValue> = {
  D5: 8,
  D6: 12.5,
  D7: 20,
  D8: 9,
  D9: 8.5,
  D10: 7,
  D11: 6,
  D12: 5,
  D13: 6.5,
  B18: '保留并调整方向',
  B22: '是',
};

async function setUp(): Promise<{ db: PingguDatabase; setup: WorkbookRound; blank: Uint8Array }> {
  const db = await openTestDatabase();
  opened.push(db);
  const setup = workbookRound();
  await putWorkbookRound(db, setup);
  return { db, setup, blank: await writeScoresheetWorkbook(setup.input, testCrypto) };
}

const options = { crypto: testCrypto, roundId: 'round-wb' };

describe('Excel workbooks in the batch import', () => {
  it('previews, imports and audits a workbook next to a refused one', async () => {
    const { db, blank } = await setUp();
    const filled = typeInto(blank, { 'LN-A1-001': COMPLETE_A, 'LN-B1-002': { D5: 4 } });
    const broken = typeInto(blank, { 'LN-A1-001': { D5: 7.3 } });
    const items = await prepareBatch(
      db,
      [
        { name: '张三.xlsx', bytes: filled },
        { name: '张三-错.xlsx', bytes: broken },
      ],
      options,
    );
    expect(items.map((i) => i.status)).toEqual(['ready', 'failed']);
    expect(items[0]).toMatchObject({
      panelId: 'panel-wb',
      panelName: '沈阳一组',
      counts: { added: 2, updated: 0, unchanged: 0, conflicts: 0, refused: 0 },
    });
    expect(items[0]?.fingerprint).toBeUndefined();
    expect(items[0]?.workbook?.preview.bases).toMatchObject([
      { sheetName: 'LN-A1-001', state: 'submitted', missingCount: 0, outcome: 'new' },
      { sheetName: 'LN-B1-002', state: 'draft', missingCount: 9, outcome: 'new' },
    ]);
    expect(items[1]?.error?.message).toBe(
      '文件“张三-错.xlsx”：工作表“LN-A1-001”单元格 D5：分值 7.3 无效：分值须为 0.5 的整数倍，分值须在 0 到 10 之间，未导入。',
    );

    const summary = await commitBatch(db, items, batchDeps(defaultSelection(items)));
    expect(summary).toMatchObject({ imported: 1, failed: 1, changed: 1 });
    const sha = items[0]?.sha256 ?? '';
    const device = `excel:${sha.slice(0, 16)}`;
    const sheets = await db.scoresheets.where('roundId').equals('round-wb').toArray();
    expect(sheets.map((s) => [s.baseId, s.status, s.deviceId]).sort()).toEqual([
      ['base-a', 'submitted', device],
      ['base-b', 'draft', device],
    ]);
    const audit = await db.auditLog.where('roundId').equals('round-wb').toArray();
    expect(audit).toHaveLength(2);
    for (const entry of audit) {
      expect(entry).toMatchObject({ action: 'scoresheet.import', actor: '秘书处 王芳' });
      expect(entry.detail).toContain(`文件 SHA-256：${sha}`);
    }
    const imports = await db.bundleImports.toArray();
    expect(imports).toMatchObject([{ kind: 'scores', fileName: '张三.xlsx', deviceId: device }]);
  });

  it('changes nothing when the same file is imported again', async () => {
    const { db, blank } = await setUp();
    const file = { name: '张三.xlsx', bytes: typeInto(blank, { 'LN-A1-001': COMPLETE_A }) };
    const first = await prepareBatch(db, [file], options);
    await commitBatch(db, first, batchDeps(defaultSelection(first)));
    const before = await dataDigest(db);
    const again = await prepareBatch(db, [file], options);
    expect(again[0]?.status).toBe('unchanged');
    const summary = await commitBatch(db, again, batchDeps(defaultSelection(again)));
    expect(summary.changed).toBe(0);
    expect(await dataDigest(db)).toBe(before);
  });

  it('opens a conflict against the copy the expert scored in the app', async () => {
    const { db, setup, blank } = await setUp();
    const [base] = setup.bases;
    if (!base) throw new Error('base');
    await db.scoresheets.add(
      buildScoresheet(base, setup.expert, {
        id: 'sheet-app',
        roundId: 'round-wb',
        scores: { 'A1.1.1': 6 },
        versions: { 'laptop-1': 2 },
        deviceId: 'laptop-1',
        revision: 2,
      }),
    );
    const file = { name: '张三.xlsx', bytes: typeInto(blank, { 'LN-A1-001': { D5: 8 } }) };
    const items = await prepareBatch(db, [file], options);
    expect(items[0]?.counts?.conflicts).toBe(1);
    await commitBatch(db, items, batchDeps(defaultSelection(items)));
    const conflicts = await db.conflicts.where('roundId').equals('round-wb').toArray();
    expect(conflicts).toHaveLength(1);
    const sides = [conflicts[0]?.local.scores['A1.1.1'], conflicts[0]?.incoming.scores['A1.1.1']];
    expect(sides.sort()).toEqual([6, 8]);
  });

  it('refuses the sheet of a base the expert was recused from after the export', async () => {
    const { db, blank } = await setUp();
    await db.assignments.update('as-2', {
      recusal: { reason: '申报回避', source: 'declared', at: '2024-05-11T08:00:00.000Z' },
    });
    const file = typeInto(blank, { 'LN-A1-001': { D5: 8 }, 'LN-B1-002': { D5: 4 } });
    const result = await prepareWorkbookImport(db, file, '张三.xlsx', options);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.prepared.preview.bases).toMatchObject([
      { baseId: 'base-a', outcome: 'new' },
      { baseId: 'base-b', outcome: 'refused', reason: 'recusedPair' },
    ]);
    const committed = await commitWorkbookImport(db, result.prepared, commitDeps());
    expect(committed).toMatchObject({ ok: true, result: { counts: { added: 1, refused: 1 } } });
    expect(await db.scoresheets.where('baseId').equals('base-b').count()).toBe(0);
  });

  it('refuses a workbook of another round, and any workbook once the round is closed', async () => {
    const { db } = await setUp();
    const other = workbookRound('round-other');
    const foreign = await writeScoresheetWorkbook(other.input, testCrypto);
    const result = await prepareWorkbookImport(db, foreign, '其他.xlsx', options);
    expect(result).toMatchObject({ ok: false, error: { code: 'wrongRound' } });

    const { db: closedDb, blank } = await setUp();
    await closedDb.rounds.update('round-wb', { status: 'closed' });
    const closed = await prepareWorkbookImport(closedDb, blank, '张三.xlsx', options);
    expect(closed).toMatchObject({ ok: false, error: { code: 'closedRound' } });
  });
});
