import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PingguDatabase } from '../../../../renderer/db/database';
import {
  addExpertToBase,
  applyAutoAssignment,
  declareConflict,
  moveBaseToPanel,
  removeExpertFromBase,
} from '../../../../renderer/db/repositories/assignmentRepository';
import {
  loadAssignmentRecords,
  previewAutoAssignment,
} from '../../../../renderer/db/repositories/assignmentRecords';
import type { Round } from '../../../../shared/domain/types';
import { changesSignature, roundConflicts } from '../../../../shared/secretariat/assignmentChanges';
import { buildRound, testDeps } from '../../../helpers/builders';
import {
  basesOf,
  expertsOf,
  panelsNamed,
  ROUND_ID,
  startedSheet,
} from '../../../helpers/assignmentBuilders';
import { openTestDatabase } from '../../../helpers/db';

let db: PingguDatabase;
const ACTOR = '秘书处';

// Two panels of three experts; six bases without a panel. p1-e1 works at 东北大学, host of b01.
async function seed(round: Partial<Round> = {}): Promise<void> {
  const bases = basesOf(6).map((b) => (b.id === 'b01' ? { ...b, hostInstitution: '东北大学' } : b));
  const experts = [...expertsOf('p1', 3), ...expertsOf('p2', 3)].map((e) =>
    e.id === 'p1-e1' ? { ...e, institution: '东北大学' } : e,
  );
  await db.transaction('rw', db.tables, async () => {
    await db.rounds.add(buildRound({ id: ROUND_ID, status: 'setup', ...round }));
    await db.panels.bulkAdd(panelsNamed('沈阳一组', '大连组'));
    await db.experts.bulkAdd(experts);
    await db.bases.bulkAdd(bases);
  });
}

const auto = (options = { keepExisting: false }, expectedSignature?: string) =>
  applyAutoAssignment(
    db,
    { roundId: ROUND_ID, options, ...(expectedSignature ? { expectedSignature } : {}) },
    ACTOR,
    testDeps('asg'),
  );

beforeEach(async () => {
  db = await openTestDatabase();
});

afterEach(async () => {
  await db.delete();
});

describe('automatic assignment', () => {
  it('places every base and assigns the experts in one write, with one audit entry', async () => {
    await seed();
    const result = await auto();
    expect(result).toMatchObject({ ok: true, value: { moved: 6, added: 18, notices: [] } });
    const bases = await db.bases.toArray();
    expect(bases.filter((b) => b.panelId === 'p1')).toHaveLength(3);
    expect(bases.filter((b) => b.panelId === 'p2')).toHaveLength(3);
    expect(await db.assignments.count()).toBe(18);
    expect(await db.auditLog.toArray()).toMatchObject([
      { action: 'assignment.update', entityId: ROUND_ID, actor: ACTOR },
    ]);
  });

  it('never lets the expert score the base of their own institution: the pair is 回避', async () => {
    await seed();
    await auto();
    const records = await loadAssignmentRecords(db, ROUND_ID);
    const b01 = records.bases.find((b) => b.id === 'b01');
    expect(b01?.panelId).toBe('p2'); // placed away from the panel with a 东北大学 expert
    await db.bases.update('b01', { panelId: 'p1' });
    const moved = await auto({ keepExisting: true });
    expect(moved.ok).toBe(true);
    const pair = await db.assignments.where({ expertId: 'p1-e1', baseId: 'b01' }).toArray();
    expect(pair).toMatchObject([{ recusal: { source: 'institution' } }]);
  });

  it('finds nothing to do when run again, and writes no audit entry', async () => {
    await seed();
    await auto();
    const again = await auto();
    expect(again).toMatchObject({
      ok: true,
      value: { moved: 0, added: 0, updated: 0, removed: 0 },
    });
    expect(await db.auditLog.count()).toBe(1);
  });

  it('applies exactly the previewed plan, and refuses when the round changed since', async () => {
    await seed();
    const preview = await previewAutoAssignment(db, ROUND_ID, { keepExisting: false });
    if (!preview.ok) throw new Error(preview.error.message);
    const signature = changesSignature(preview.value.changes);
    await db.bases.update('b02', { panelId: 'p2' });
    const stale = await auto({ keepExisting: true }, signature);
    expect(stale).toMatchObject({ ok: false, error: { code: 'stale' } });
    expect(await db.assignments.count()).toBe(0);
    const fresh = await previewAutoAssignment(db, ROUND_ID, { keepExisting: true });
    if (!fresh.ok) throw new Error(fresh.error.message);
    expect((await auto({ keepExisting: true }, changesSignature(fresh.value.changes))).ok).toBe(
      true,
    );
  });

  it('warns that every touched panel needs a new bundle when the round was issued', async () => {
    await seed({ status: 'issued' });
    expect(await auto()).toMatchObject({
      ok: true,
      value: { notices: [{ code: 'bundlesIssued', panelIds: ['p1', 'p2'] }] },
    });
  });

  it('names only the touched panels whose bundle was issued, when issues are on record', async () => {
    await seed({ status: 'issued' });
    await auto();
    const issuedToP2 = {
      [ROUND_ID]: {
        p2: {
          panelId: 'p2',
          panelName: '大连组',
          fileName: 'p2.pgb',
          fingerprint: 'ABCD-EF01-2345-6789',
          encrypted: false,
          issuedAt: '2024-05-01T00:00:00.000Z',
          bases: 3,
          experts: 3,
        },
      },
    };
    await db.settings.put({ key: 'issuedRoundBundles', value: JSON.stringify(issuedToP2) });
    const inP1 = await removeExpertFromBase(
      db,
      { roundId: ROUND_ID, expertId: 'p1-e2', baseId: 'b02' },
      ACTOR,
      testDeps('rm'),
    );
    expect(inP1).toMatchObject({ ok: true, value: { notices: [] } });
    const toP2 = await moveBaseToPanel(
      db,
      { roundId: ROUND_ID, baseId: 'b02', panelId: 'p2' },
      ACTOR,
      testDeps('mv'),
    );
    expect(toP2).toMatchObject({
      ok: true,
      value: { notices: [{ code: 'bundlesIssued', panelIds: ['p2'] }] },
    });
  });

  it('refuses any change in an archived or closed round, changing nothing', async () => {
    await seed({
      archive: {
        importedAt: '2024-01-01T00:00:00.000Z',
        fingerprint: 'ABCD-EF01-2345-6789',
        fileName: 'result.pgb',
        bundleCreatedAt: '2024-01-01T00:00:00.000Z',
      },
    });
    expect(await auto()).toMatchObject({ ok: false, error: { code: 'archived' } });
    await db.rounds.update(ROUND_ID, { archive: undefined, status: 'closed' });
    expect(await auto()).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect((await db.bases.toArray()).every((b) => b.panelId === undefined)).toBe(true);
    expect(await db.auditLog.count()).toBe(0);
  });

  it('writes bases and assignments together or not at all', async () => {
    await seed();
    db.assignments.hook('creating', () => {
      throw new Error('disk full');
    });
    await expect(auto()).rejects.toThrow('disk full');
    expect((await db.bases.toArray()).every((b) => b.panelId === undefined)).toBe(true);
    expect(await db.auditLog.count()).toBe(0);
  });
});

describe('manual changes', () => {
  beforeEach(async () => {
    await seed();
    await auto();
  });

  it('moves a base to another panel, with the new panel’s experts and an audit entry', async () => {
    const result = await moveBaseToPanel(
      db,
      { roundId: ROUND_ID, baseId: 'b02', panelId: 'p2' },
      ACTOR,
      testDeps('mv'),
    );
    expect(result).toMatchObject({ ok: true, value: { moved: 1, added: 3, removed: 3 } });
    expect((await db.bases.get('b02'))?.panelId).toBe('p2');
    const experts = (await db.assignments.where('baseId').equals('b02').toArray()).map(
      (a) => a.expertId,
    );
    expect(experts.sort()).toEqual(['p2-e1', 'p2-e2', 'p2-e3']);
    expect((await db.auditLog.toArray()).at(-1)).toMatchObject({
      action: 'assignment.update',
      entityId: 'b02',
      detail: '“基地2”从“沈阳一组”调到“大连组”',
    });
  });

  it('refuses to move a base once an expert started scoring it', async () => {
    const base = await db.bases.get('b02');
    const expert = await db.experts.get('p1-e2');
    if (!base || !expert) throw new Error('seed');
    await db.scoresheets.add(startedSheet(base, expert));
    const result = await moveBaseToPanel(
      db,
      { roundId: ROUND_ID, baseId: 'b02', panelId: 'p2' },
      ACTOR,
      testDeps('mv'),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'editRejected' } });
    expect((await db.bases.get('b02'))?.panelId).toBe('p1');
  });

  it('removes and re-adds one expert × base pair', async () => {
    const input = { roundId: ROUND_ID, expertId: 'p1-e2', baseId: 'b02' };
    expect((await removeExpertFromBase(db, input, ACTOR, testDeps('rm'))).ok).toBe(true);
    expect(await db.assignments.where({ expertId: 'p1-e2', baseId: 'b02' }).count()).toBe(0);
    expect((await addExpertToBase(db, input, ACTOR, testDeps('add'))).ok).toBe(true);
    expect(await db.assignments.where({ expertId: 'p1-e2', baseId: 'b02' }).count()).toBe(1);
  });

  it('refuses to assign an expert in conflict with the base, and writes nothing', async () => {
    await db.bases.update('b02', { hostInstitution: '东北大学' });
    await removeExpertFromBase(
      db,
      { roundId: ROUND_ID, expertId: 'p1-e1', baseId: 'b02' },
      ACTOR,
      testDeps('rm'),
    );
    const audits = await db.auditLog.count();
    const result = await addExpertToBase(
      db,
      { roundId: ROUND_ID, expertId: 'p1-e1', baseId: 'b02' },
      ACTOR,
      testDeps('add'),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'editRejected' } });
    if (!result.ok) expect(result.error.message).toContain('存在利益冲突');
    expect(await db.assignments.where({ expertId: 'p1-e1', baseId: 'b02' }).count()).toBe(0);
    expect(await db.auditLog.count()).toBe(audits);
  });

  it('declares a conflict: the pair becomes a declared recusal, audited, and listed as a conflict', async () => {
    const result = await declareConflict(
      db,
      { roundId: ROUND_ID, expertId: 'p1-e3', baseId: 'b02', reason: '其配偶在该基地任职' },
      ACTOR,
      testDeps('dc'),
    );
    expect(result.ok).toBe(true);
    const [pair] = await db.assignments.where({ expertId: 'p1-e3', baseId: 'b02' }).toArray();
    expect(pair?.recusal).toMatchObject({ source: 'declared', reason: '其配偶在该基地任职' });
    expect((await db.auditLog.toArray()).at(-1)).toMatchObject({
      action: 'conflict.declare',
      entityId: 'b02',
      detail: '专家p1-3对“基地2”声明回避：其配偶在该基地任职',
    });
    const conflicts = roundConflicts(await loadAssignmentRecords(db, ROUND_ID));
    expect(conflicts).toContainEqual(
      expect.objectContaining({ expertId: 'p1-e3', baseId: 'b02', kind: 'declared' }),
    );
    // A later automatic run keeps the declaration.
    await auto();
    const [kept] = await db.assignments.where({ expertId: 'p1-e3', baseId: 'b02' }).toArray();
    expect(kept?.recusal?.source).toBe('declared');
  });

  it('refuses a declaration without a reason', async () => {
    const result = await declareConflict(
      db,
      { roundId: ROUND_ID, expertId: 'p1-e3', baseId: 'b02', reason: ' ' },
      ACTOR,
      testDeps('dc'),
    );
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'editRejected', message: '请填写回避原因。' },
    });
  });
});
