import { describe, expect, it } from 'vitest';
import type { ConflictRecord, Scoresheet } from '../../../shared/domain/types';
import { planResolution, resolveConflict } from '../../../shared/sync/resolveConflict';
import { compareVersions } from '../../../shared/sync/versions';
import {
  T0,
  dbDigest,
  edit,
  emptyDb,
  freshSheet,
  importInto,
  laptop,
  openConflicts,
  resolveIn,
  writeCount,
} from '../../helpers/syncBuilders';
import type { SyncDb } from '../../helpers/syncBuilders';

const one = laptop('laptop-1');
const two = laptop('laptop-2', T0 + 60_000);
const three = laptop('laptop-3', T0 + 120_000);
const secretariat = laptop('office-pc', T0 + 3_600_000);
const scored = edit(freshSheet(), one, { scores: { 'A1.1.1': 8 } });
const onTwo = edit(scored, two, { scores: { 'A1.1.1': 6 }, overallComment: '运行良好' });
const onThree = edit(scored, three, {
  scores: { 'A1.1.1': 7 },
  status: 'submitted',
  submittedAt: '2024-05-10T09:03:00.000Z',
});

function dbWith(...bundles: Scoresheet[][]): SyncDb {
  const db = emptyDb();
  bundles.forEach((bundle, i) => importInto(db, bundle, `import-${i + 1}`));
  return db;
}

function onlyConflict(db: SyncDb): ConflictRecord {
  const [conflict, ...rest] = openConflicts(db);
  if (!conflict || rest.length > 0) throw new Error('expected exactly one open conflict');
  return conflict;
}

const deps = {
  now: '2024-05-11T10:00:00.000Z',
  hlc: '001715421600000-00000-office-pc',
  deviceId: 'office-pc',
};

describe('resolveConflict', () => {
  const conflict = onlyConflict(dbWith([onTwo], [onThree]));

  it('keeps the chosen copy’s content under the shown sheet’s id, covering both copies', () => {
    const resolved = resolveConflict(conflict, 'incoming', deps);
    expect(resolved).toMatchObject({
      id: 'sheet-1',
      scores: onTwo.scores,
      overallComment: '运行良好',
      status: 'draft',
      deviceId: 'office-pc',
      hlc: deps.hlc,
      updatedAt: deps.now,
      revision: Math.max(onTwo.revision, onThree.revision) + 1,
    });
    expect(resolved.versions).toEqual({
      'laptop-1': 1,
      'laptop-2': 1,
      'laptop-3': 1,
      'office-pc': 1,
    });
    expect(compareVersions(resolved, onTwo)).toBe('descends');
    expect(compareVersions(resolved, onThree)).toBe('descends');
    expect(resolveConflict(conflict, 'local', deps)).toMatchObject({
      status: 'submitted',
      scores: onThree.scores,
      submittedAt: onThree.submittedAt,
    });
  });

  it('records agreed values, staying submitted when either copy was', () => {
    const agreed = resolveConflict(
      conflict,
      { scores: { 'A1.1.1': 6.5 }, comments: { 'A1.1': '经专家组商定' }, overallComment: '商定' },
      deps,
    );
    expect(agreed).toMatchObject({
      scores: { 'A1.1.1': 6.5 },
      comments: { 'A1.1': '经专家组商定' },
      overallComment: '商定',
      status: 'submitted',
    });
    expect(compareVersions(agreed, onThree)).toBe('descends');
  });

  it('clears scores when the agreed outcome is a recusal', () => {
    const recusal = { reason: '回避', source: 'secretariat' as const, at: deps.now };
    const agreed = resolveConflict(
      conflict,
      { scores: { 'A1.1.1': 6 }, comments: { x: 'y' }, overallComment: 'z', recusal },
      deps,
    );
    expect(agreed).toMatchObject({
      scores: {},
      comments: {},
      overallComment: '',
      recusal,
      status: 'draft',
    });
    expect(agreed.recommendation).toBeUndefined();
  });
});

describe('after a person resolves a conflict', () => {
  it('importing either copy again changes nothing and opens no conflict', () => {
    const db = dbWith([onTwo], [onThree]);
    const plan = resolveIn(db, onlyConflict(db), 'incoming', secretariat);
    expect(plan.ok).toBe(true);
    expect(db.sheets.get('sheet-1')?.overallComment).toBe('运行良好');
    expect(openConflicts(db)).toEqual([]);
    expect([...db.conflicts.values()]).toMatchObject([
      { resolution: 'incoming', resolvedAt: expect.any(String) },
    ]);
    const before = dbDigest(db);
    const again = importInto(db, [onThree, onTwo, scored], 'import-9');
    expect(writeCount(again)).toBe(0);
    expect(again.summary.map((s) => s.reason)).toEqual([
      'olderVersion',
      'olderVersion',
      'olderVersion',
    ]);
    expect(dbDigest(db)).toBe(before);
  });

  it('a copy edited further on a laptop after the resolution is a new conflict', () => {
    const db = dbWith([onTwo], [onThree]);
    resolveIn(db, onlyConflict(db), 'local', secretariat);
    const further = edit(onTwo, two, { overallComment: '再次修改' });
    const plan = importInto(db, [further], 'import-3');
    expect(plan.summary.map((s) => s.outcome)).toEqual(['conflict']);
    expect(onlyConflict(db).incoming).toEqual(further);
  });

  it('settles sheets made under two ids: the shown id stays, the other’s copies are recognised', () => {
    const ownTwo = edit(freshSheet({ id: 'sheet-2', deviceId: 'laptop-2' }), two, {
      scores: { 'A1.1.1': 5 },
    });
    const db = dbWith([scored], [ownTwo]);
    const conflict = onlyConflict(db);
    expect(conflict.local.id).toBe('sheet-2');
    const plan = resolveIn(db, conflict, 'incoming', secretariat);
    expect(plan.ok && plan.sheet.id).toBe('sheet-2');
    expect(plan.ok && plan.sheet.absorbedVersions).toEqual({ 'sheet-1': { 'laptop-1': 1 } });
    expect(db.sheets.get('sheet-2')?.scores).toEqual({ 'A1.1.1': 8 });
    expect(writeCount(importInto(db, [scored, ownTwo], 'import-3'))).toBe(0);
    expect(openConflicts(db)).toEqual([]);
  });

  it('points the remaining conflicts at the resolved sheet', () => {
    const onFour = edit(scored, laptop('laptop-4', T0 + 30_000), { overallComment: '四号' });
    const db = dbWith([onTwo], [onThree], [onFour]);
    const conflicts = openConflicts(db);
    expect(conflicts).toHaveLength(2);
    const target = conflicts.find((c) => c.incoming === onTwo);
    if (!target) throw new Error('expected the laptop-2 copy to be kept');
    const plan = resolveIn(db, target, 'incoming', secretariat);
    // The submitted laptop-3 copy was shown; the agreed draft is now a draft, so the remaining
    // draft copy is compared with it: the resolution has the later clock and is shown.
    expect(plan.ok && plan.updatedConflicts.map((c) => c.local)).toEqual([plan.ok && plan.sheet]);
    expect(openConflicts(db).map((c) => c.incoming)).toEqual([onFour]);
  });

  it('folds in a copy identical to either side, so it never comes back as a conflict', () => {
    const sameAsTwo = edit(scored, laptop('laptop-5', T0 + 10_000), {
      scores: { 'A1.1.1': 6 },
      overallComment: '运行良好',
    });
    const db = dbWith([onTwo], [sameAsTwo], [onThree]);
    expect(openConflicts(db)).toHaveLength(2);
    resolveIn(db, openConflicts(db)[0] as ConflictRecord, 'local', secretariat);
    expect(openConflicts(db)).toEqual([]);
    expect(writeCount(importInto(db, [onTwo, sameAsTwo, onThree], 'import-4'))).toBe(0);
  });

  it('refuses to resolve a record that was resolved or has changed since it was shown', () => {
    const db = dbWith([onTwo], [onThree]);
    const conflict = onlyConflict(db);
    const current = { sheets: [...db.sheets.values()], conflicts: [...db.conflicts.values()] };
    expect(planResolution({ ...conflict, local: onTwo }, 'local', current, deps)).toEqual({
      ok: false,
      reason: 'stale',
    });
    resolveIn(db, conflict, 'local', secretariat);
    const after = { sheets: [...db.sheets.values()], conflicts: [...db.conflicts.values()] };
    const resolved = db.conflicts.get(conflict.id) as ConflictRecord;
    expect(planResolution(resolved, 'incoming', after, deps)).toEqual({
      ok: false,
      reason: 'alreadyResolved',
    });
  });
});
