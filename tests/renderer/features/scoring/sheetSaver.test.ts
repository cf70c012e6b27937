import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PingguDatabase } from '../../../../renderer/db/database';
import { findScoresheet } from '../../../../renderer/db/queries';
import {
  recuseScoresheet,
  saveScore,
} from '../../../../renderer/db/repositories/scoresheetRepository';
import type { SheetKey } from '../../../../renderer/db/repositories/scoresheetRepository';
import { SheetSaver } from '../../../../renderer/features/scoring/sheetSaver';
import type { RoundRecords } from '../../../helpers/builders';
import { testSheetDeps } from '../../../helpers/builders';
import { openTestDatabase } from '../../../helpers/db';
import {
  firstKey,
  manualTimers,
  putUnscoredRound,
  windowDeps,
} from '../../../helpers/scoringBuilders';
import type { ManualTimers } from '../../../helpers/scoringBuilders';

let db: PingguDatabase;
let r: RoundRecords;
let key: SheetKey;

beforeEach(async () => {
  db = await openTestDatabase();
  r = await putUnscoredRound(db);
  key = firstKey(r);
});

afterEach(async () => {
  await db.delete();
});

const stored = async () => (await findScoresheet(db, key.expertId, key.baseId)) ?? null;
const auditCount = async () => db.auditLog.count();

/** A saver as the sheet page opens it: it has seen the stored version. */
async function openSaver(clock: ManualTimers = manualTimers(), deviceId = 'laptop-test') {
  const saver = new SheetSaver({
    db,
    key,
    actor: '李明',
    deps: windowDeps(deviceId),
    timers: clock.timers,
  });
  saver.observe(await stored());
  return saver;
}

describe('saving as the expert types', () => {
  it('creates the sheet on the first edit and saves the score once the pause is over', async () => {
    const clock = manualTimers();
    const saver = await openSaver(clock);
    saver.schedule({ kind: 'score', indicatorId: 'A1.1.1', value: 7.5 });

    expect(saver.getStatus().kind).toBe('saving');
    expect(await stored()).toBeNull();

    clock.fireAll();
    await saver.flush();
    expect((await stored())?.scores).toEqual({ 'A1.1.1': 7.5 });
    expect(saver.getStatus().kind).toBe('saved');
    expect(saver.hasUnsavedChanges()).toBe(false);
  });

  it('writes only the last value of a field typed several times', async () => {
    const clock = manualTimers();
    const saver = await openSaver(clock);
    for (const value of [1, 5, 8]) saver.schedule({ kind: 'score', indicatorId: 'A1.1.1', value });
    expect(clock.running()).toBe(1);
    clock.fireAll();
    await saver.flush();
    const sheet = await stored();
    expect(sheet?.scores['A1.1.1']).toBe(8);
    // create + one edit: the intermediate values never reached the database
    expect(sheet?.revision).toBe(1);
  });

  it('writes every pending field at once on flush, in one transaction and one audit entry', async () => {
    const saver = await openSaver();
    await saver.flush(); // nothing pending: no sheet is created
    expect(await stored()).toBeNull();

    saver.schedule({ kind: 'score', indicatorId: 'A1.1.1', value: 9 });
    saver.schedule({ kind: 'score', indicatorId: 'A1.1.2', value: 14.5 });
    saver.schedule({ kind: 'comment', indicatorId: 'A1.1', text: '方向明确' });
    saver.schedule({ kind: 'overall', text: '总体良好' });
    await saver.flush();

    const sheet = await stored();
    expect(sheet?.scores).toEqual({ 'A1.1.1': 9, 'A1.1.2': 14.5 });
    expect(sheet?.comments).toEqual({ 'A1.1': '方向明确' });
    expect(sheet?.overallComment).toBe('总体良好');
    expect(await auditCount()).toBe(2); // scoresheet.create + one update
  });

  it('clears a score when the input is emptied', async () => {
    const saver = await openSaver();
    saver.schedule({ kind: 'score', indicatorId: 'A1.1.1', value: 9 });
    await saver.flush();
    saver.schedule({ kind: 'score', indicatorId: 'A1.1.1', value: null });
    await saver.flush();
    expect((await stored())?.scores).toEqual({});
  });
});

describe('two windows on the same sheet', () => {
  it('refuses to overwrite a version written by another window and keeps the edit unsaved', async () => {
    const first = await openSaver();
    first.schedule({ kind: 'score', indicatorId: 'A1.1.1', value: 5 });
    await first.flush();

    const windowA = await openSaver();
    const windowB = await openSaver();
    windowA.schedule({ kind: 'score', indicatorId: 'A1.1.1', value: 6 });
    await windowA.flush();
    windowB.schedule({ kind: 'score', indicatorId: 'A1.1.1', value: 9 });
    await windowB.flush();

    expect(windowB.getStatus().kind).toBe('conflict');
    expect(windowB.hasUnsavedChanges()).toBe(true);
    expect((await stored())?.scores['A1.1.1']).toBe(6);
  });

  it('tells the window as soon as it sees a version it did not write', async () => {
    const windowA = await openSaver();
    const windowB = await openSaver();
    windowA.schedule({ kind: 'score', indicatorId: 'A1.1.1', value: 6 });
    await windowA.flush();

    windowA.observe(await stored());
    windowB.observe(await stored());
    expect(windowA.getStatus().kind).toBe('saved');
    expect(windowB.getStatus().kind).toBe('conflict');
  });

  it('saves again after the expert reloads the stored version', async () => {
    const windowA = await openSaver();
    const windowB = await openSaver();
    windowA.schedule({ kind: 'score', indicatorId: 'A1.1.1', value: 6 });
    await windowA.flush();
    windowB.schedule({ kind: 'score', indicatorId: 'A1.1.2', value: 3 });
    await windowB.flush();
    expect(windowB.getStatus().kind).toBe('conflict');

    windowB.reload(await stored());
    expect(windowB.hasUnsavedChanges()).toBe(false);
    windowB.schedule({ kind: 'score', indicatorId: 'A1.1.2', value: 4 });
    await windowB.flush();
    expect(windowB.getStatus().kind).toBe('saved');
    expect((await stored())?.scores).toEqual({ 'A1.1.1': 6, 'A1.1.2': 4 });
  });

  it('treats a sheet another window created first as a conflict, not a duplicate', async () => {
    const windowB = await openSaver();
    const other = await openSaver();
    other.schedule({ kind: 'score', indicatorId: 'A1.1.1', value: 6 });
    await other.flush();

    windowB.schedule({ kind: 'score', indicatorId: 'A1.1.1', value: 2 });
    await windowB.flush();
    expect(windowB.getStatus().kind).toBe('conflict');
    expect(await db.scoresheets.count()).toBe(1);
    expect((await stored())?.scores['A1.1.1']).toBe(6);
  });

  it('ignores a live-query result that lags behind its own write', async () => {
    const saver = await openSaver();
    saver.schedule({ kind: 'score', indicatorId: 'A1.1.1', value: 6 });
    await saver.flush();
    const older = await stored();
    saver.schedule({ kind: 'score', indicatorId: 'A1.1.1', value: 7 });
    await saver.flush();
    saver.observe(older);
    expect(saver.getStatus().kind).toBe('saved');
  });
});

describe('write failures', () => {
  it('reports a full disk, keeps the edit, and saves it on retry', async () => {
    const saver = await openSaver();
    saver.schedule({ kind: 'score', indicatorId: 'A1.1.1', value: 6 });
    await saver.flush();

    const fail = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    db.scoresheets.hook('updating', fail);
    saver.schedule({ kind: 'score', indicatorId: 'A1.1.1', value: 7 });
    await saver.flush();
    expect(saver.getStatus()).toMatchObject({ kind: 'failed', reason: 'quota' });
    expect(saver.hasUnsavedChanges()).toBe(true);
    expect((await stored())?.scores['A1.1.1']).toBe(6);

    db.scoresheets.hook('updating').unsubscribe(fail);
    await saver.flush();
    expect(saver.getStatus().kind).toBe('saved');
    expect((await stored())?.scores['A1.1.1']).toBe(7);
  });

  it('stops saving when the sheet was recused in another window', async () => {
    const saver = await openSaver();
    saver.schedule({ kind: 'score', indicatorId: 'A1.1.1', value: 6 });
    await saver.flush();
    await recuseScoresheet(db, key, '曾在该实验室兼职', '李明', testSheetDeps());
    saver.schedule({ kind: 'score', indicatorId: 'A1.1.1', value: 7 });
    await saver.flush();
    expect(saver.getStatus().kind).toBe('conflict');
    expect((await stored())?.scores).toEqual({});
  });
});

describe('whole-sheet actions', () => {
  it('writes pending edits before the action and knows the version it produced', async () => {
    const saver = await openSaver();
    saver.schedule({ kind: 'score', indicatorId: 'A1.1.1', value: 6 });
    const result = await saver.runAction((_sheetId, deps) =>
      recuseScoresheet(db, key, '与依托单位有合作项目', '李明', deps),
    );
    expect(result.ok).toBe(true);
    const sheet = await stored();
    expect(sheet?.recusal?.reason).toBe('与依托单位有合作项目');
    saver.observe(sheet);
    expect(saver.getStatus().kind).toBe('saved');
  });

  it('refuses an action when another window changed the sheet first', async () => {
    const saver = await openSaver();
    saver.schedule({ kind: 'score', indicatorId: 'A1.1.1', value: 6 });
    await saver.flush();
    const sheet = await stored();
    if (!sheet) throw new Error('no sheet');
    await saveScore(db, sheet.id, 'A1.1.2', 3, '李明', testSheetDeps('other-laptop'));

    const result = await saver.runAction((_sheetId, deps) =>
      recuseScoresheet(db, key, '理由', '李明', deps),
    );
    expect(result).toEqual({ ok: false, reason: 'conflict' });
    expect((await stored())?.recusal).toBeUndefined();
  });
});

describe('dropping an edit not yet written', () => {
  it('forgets it, so a value typed on the way to a refused one is never saved', async () => {
    const clock = manualTimers();
    const saver = await openSaver(clock);
    saver.schedule({ kind: 'score', indicatorId: 'A1.1.1', value: 2 });
    expect(saver.isPending('score:A1.1.1')).toBe(true);
    expect(saver.cancel('score:A1.1.1')).toBe(true);
    expect(saver.cancel('score:A1.1.1')).toBe(false);
    clock.fireAll();
    await saver.flush();
    expect(await stored()).toBeNull();
    expect(saver.getStatus().kind).toBe('idle');
  });
});
