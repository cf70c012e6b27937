import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PingguDatabase } from '../../../renderer/db/database';
import {
  addExpert,
  createPanel,
  deletePanel,
  importExperts,
  removeExpert,
  renamePanel,
  setPanelChair,
  updateExpert,
} from '../../../renderer/db/repositories/panelRepository';
import { readExpertRoster } from '../../../shared/roster/experts';
import type { Panel, Round } from '../../../shared/domain/types';
import {
  buildAssignment,
  buildBase,
  buildExpert,
  buildPanel,
  buildRound,
  buildScoresheet,
  testClock,
  testDeps,
} from '../../helpers/builders';
import { openTestDatabase } from '../../helpers/db';

let db: PingguDatabase;
let round: Round;

beforeEach(async () => {
  db = await openTestDatabase();
  round = buildRound();
  await db.rounds.add(round);
});

afterEach(async () => {
  await db.delete();
});

const ACTOR = '秘书处';
const li = { name: '李明', institution: '大连理工大学', title: '教授', field: '材料' };

async function storePanel(overrides: Partial<Panel> = {}): Promise<Panel> {
  const panel = buildPanel(round.id, overrides);
  await db.panels.add(panel);
  return panel;
}

/** What issueRepository stores once a panel's round bundle was handed out. */
async function markIssued(panel: Panel): Promise<void> {
  const bundle = {
    panelId: panel.id,
    panelName: panel.name,
    fileName: `评审包-${panel.name}.pgb`,
    fingerprint: 'ABCD-EF01-2345-6789',
    encrypted: true,
    issuedAt: '2024-05-01T00:00:00.000Z',
    bases: 3,
    experts: 3,
  };
  await db.settings.put({
    key: 'issuedRoundBundles',
    value: JSON.stringify({ [round.id]: { [panel.id]: bundle } }),
  });
}

describe('panels', () => {
  it('creates panels with unique names and audits each', async () => {
    const first = await createPanel(
      db,
      { roundId: round.id, name: ' 沈阳一组 ' },
      ACTOR,
      testDeps(),
    );
    const twin = await createPanel(db, { roundId: round.id, name: '沈阳一组' }, ACTOR, testDeps());
    const blank = await createPanel(db, { roundId: round.id, name: '' }, ACTOR, testDeps());

    expect(first).toMatchObject({ ok: true, value: { name: '沈阳一组', roundId: round.id } });
    expect(twin.ok ? '' : twin.error.message).toBe('已有名为“沈阳一组”的评审组');
    expect(blank.ok ? '' : blank.error.message).toBe('评审组名称不能为空');
    expect(await db.panels.count()).toBe(1);
    expect(await db.auditLog.toArray()).toMatchObject([{ action: 'panel.create' }]);
  });

  it('renames a panel', async () => {
    const panel = await storePanel();
    const result = await renamePanel(db, panel.id, '大连组', ACTOR, testClock());
    expect(result.ok).toBe(true);
    expect((await db.panels.get(panel.id))?.name).toBe('大连组');
    expect(await db.auditLog.toArray()).toMatchObject([{ action: 'panel.update' }]);
  });

  it('deletes an empty panel at once, a staffed one only when confirmed', async () => {
    const empty = await storePanel({ name: '空组' });
    const staffed = await storePanel({ name: '沈阳一组' });
    const expert = buildExpert(round.id, staffed.id);
    const base = buildBase(round.id, { panelId: staffed.id });
    await db.experts.add(expert);
    await db.bases.add(base);
    await db.assignments.add(buildAssignment(base, expert));

    const emptyResult = await deletePanel(db, empty.id, { withMembers: false }, ACTOR, testClock());
    const refused = await deletePanel(db, staffed.id, { withMembers: false }, ACTOR, testClock());

    expect(emptyResult.ok).toBe(true);
    expect(refused.ok ? '' : refused.error.message).toBe(
      '评审组“沈阳一组”还有 1 位专家、1 项评审分配，须确认连同删除',
    );
    expect(await db.panels.get(staffed.id)).toBeDefined();

    const confirmed = await deletePanel(db, staffed.id, { withMembers: true }, ACTOR, testClock());

    expect(confirmed).toEqual({
      ok: true,
      value: { experts: 1, assignments: 1, basesUnassigned: 1 },
    });
    expect(await db.panels.count()).toBe(0);
    expect(await db.experts.count()).toBe(0);
    expect(await db.assignments.count()).toBe(0);
    expect((await db.bases.get(base.id))?.panelId).toBeUndefined();
  });

  it('never deletes a panel whose experts have scoresheets', async () => {
    const panel = await storePanel();
    const expert = buildExpert(round.id, panel.id);
    const base = buildBase(round.id, { panelId: panel.id });
    await db.experts.add(expert);
    await db.scoresheets.add(buildScoresheet(base, expert));

    const result = await deletePanel(db, panel.id, { withMembers: true }, ACTOR, testClock());

    expect(result.ok ? '' : result.error.message).toContain('已有 1 份评分表');
    expect(await db.experts.count()).toBe(1);
  });

  it('chooses a chair among the panel’s experts only', async () => {
    const panel = await storePanel();
    const other = await storePanel({ name: '大连组' });
    const member = buildExpert(round.id, panel.id);
    const outsider = buildExpert(round.id, other.id, { name: '王芳' });
    await db.experts.bulkAdd([member, outsider]);

    const chosen = await setPanelChair(db, panel.id, member.id, ACTOR, testClock());
    const refused = await setPanelChair(db, panel.id, outsider.id, ACTOR, testClock());

    expect(chosen).toMatchObject({ ok: true, value: { needsNewBundle: [] } });
    expect(refused.ok ? '' : refused.error.message).toBe('只能从评审组“沈阳一组”的专家中选择组长');
    expect((await db.panels.get(panel.id))?.chairExpertId).toBe(member.id);

    await setPanelChair(db, panel.id, null, ACTOR, testClock());
    expect((await db.panels.get(panel.id))?.chairExpertId).toBeUndefined();
  });

  it('refuses every change in an archived round', async () => {
    const archived = buildRound({
      archive: { importedAt: '', fingerprint: '', fileName: 'r.pgb', bundleCreatedAt: '' },
    });
    await db.rounds.add(archived);
    const result = await createPanel(db, { roundId: archived.id, name: '组' }, ACTOR, testDeps());
    expect(result).toMatchObject({ ok: false, error: { code: 'archived' } });
    expect(await db.panels.count()).toBe(0);
  });
});

describe('experts', () => {
  it('adds an expert with a tidy phone, refusing bad details and the same person twice', async () => {
    const panel = await storePanel();
    const add = (fields: typeof li & { phone?: string }) =>
      addExpert(db, { roundId: round.id, panelId: panel.id, fields }, ACTOR, testDeps());

    const added = await add({ ...li, phone: '139-1234-5678' });
    const noInstitution = await add({ ...li, name: '王芳', institution: ' ' });
    const badPhone = await add({ ...li, name: '王芳', phone: '12ab' });
    const twin = await add({ ...li, name: ' 李明 ' });

    expect(added).toMatchObject({ ok: true, value: { value: { phone: '13912345678' } } });
    expect(noInstitution.ok ? '' : noInstitution.error.message).toBe('工作单位不能为空');
    expect(badPhone).toMatchObject({ ok: false, error: { code: 'editRejected' } });
    expect(twin.ok ? '' : twin.error.message).toBe('李明（大连理工大学）已在本轮次的专家中');
    expect(await db.experts.count()).toBe(1);
    expect(await db.auditLog.toArray()).toMatchObject([{ action: 'expert.create' }]);
  });

  it('says the panel needs a new bundle when its bundle was already issued', async () => {
    const panel = await storePanel();
    await markIssued(panel);

    const result = await addExpert(
      db,
      { roundId: round.id, panelId: panel.id, fields: li },
      ACTOR,
      testDeps(),
    );

    expect(result).toMatchObject({ ok: true, value: { needsNewBundle: [panel.id] } });
  });

  it('edits an expert and moves them to another panel, giving up the chair', async () => {
    const panel = await storePanel();
    const other = await storePanel({ name: '大连组' });
    const expert = buildExpert(round.id, panel.id, { phone: '13912345678' });
    await db.experts.add(expert);
    await db.panels.put({ ...panel, chairExpertId: expert.id });

    const result = await updateExpert(
      db,
      expert.id,
      { fields: { ...li, title: '研究员', phone: '' }, panelId: other.id },
      ACTOR,
      testClock(),
    );

    expect(result.ok).toBe(true);
    const stored = await db.experts.get(expert.id);
    expect(stored).toMatchObject({ title: '研究员', panelId: other.id });
    expect(stored?.phone).toBeUndefined();
    expect((await db.panels.get(panel.id))?.chairExpertId).toBeUndefined();
  });

  it('keeps an expert with assignments in their panel', async () => {
    const panel = await storePanel();
    const other = await storePanel({ name: '大连组' });
    const expert = buildExpert(round.id, panel.id);
    await db.experts.add(expert);
    await db.assignments.add(buildAssignment(buildBase(round.id), expert));

    const result = await updateExpert(
      db,
      expert.id,
      { fields: li, panelId: other.id },
      ACTOR,
      testClock(),
    );

    expect(result.ok ? '' : result.error.message).toBe(
      '李明已有 1 项评审分配，须先取消分配，才能调到其他评审组',
    );
    expect((await db.experts.get(expert.id))?.panelId).toBe(panel.id);
  });

  it('removes an expert with their assignments, but never one with scoresheets', async () => {
    const panel = await storePanel();
    const free = buildExpert(round.id, panel.id, { name: '王芳' });
    const scoring = buildExpert(round.id, panel.id);
    const base = buildBase(round.id);
    await db.experts.bulkAdd([free, scoring]);
    await db.panels.put({ ...panel, chairExpertId: free.id });
    await db.assignments.add(buildAssignment(base, free));
    await db.scoresheets.add(buildScoresheet(base, scoring));

    const removed = await removeExpert(db, free.id, ACTOR, testClock());
    const refused = await removeExpert(db, scoring.id, ACTOR, testClock());

    expect(removed).toMatchObject({ ok: true, value: { value: { assignments: 1 } } });
    expect(await db.assignments.count()).toBe(0);
    expect((await db.panels.get(panel.id))?.chairExpertId).toBeUndefined();
    expect(refused.ok ? '' : refused.error.message).toBe('李明已有 1 份评分表，不能删除');
    expect(await db.experts.get(scoring.id)).toBeDefined();
  });
});

describe('importing an expert roster', () => {
  it('adds every checked expert in one go, into the panels the sheet names', async () => {
    const sy = await storePanel({ name: '沈阳一组' });
    const dl = await storePanel({ name: '大连组' });
    const roster = readExpertRoster(
      [
        ['姓名', '工作单位', '职称', '专业领域', '联系电话', '评审组'],
        ['李明', '大连理工大学', '教授', '材料', '13912345678', '大连组'],
        ['王芳', '东北大学', '研究员', '冶金', '', '沈阳一组'],
      ],
      { panels: [sy, dl] },
    );

    const result = await importExperts(
      db,
      { roundId: round.id, experts: roster.experts, fileName: '专家.csv' },
      ACTOR,
      testDeps('expert'),
    );

    expect(result.ok).toBe(true);
    const stored = await db.experts.toArray();
    expect(stored.map((e) => [e.name, e.panelId]).sort()).toEqual(
      [
        ['李明', dl.id],
        ['王芳', sy.id],
      ].sort(),
    );
    expect(await db.auditLog.toArray()).toMatchObject([
      { action: 'expert.import', detail: '从“专家.csv”导入专家 2 位' },
    ]);
  });

  it('writes nothing when one expert was added meanwhile (all or nothing)', async () => {
    const panel = await storePanel();
    await db.experts.add(buildExpert(round.id, panel.id, li));
    const rows = [
      { ...li, name: '王芳', panelId: panel.id },
      { ...li, panelId: panel.id },
    ];

    const result = await importExperts(
      db,
      { roundId: round.id, experts: rows, fileName: 'x.xlsx' },
      ACTOR,
      testDeps(),
    );

    expect(result).toMatchObject({ ok: false, error: { code: 'alreadyExists' } });
    expect(await db.experts.count()).toBe(1);
    expect(await db.auditLog.count()).toBe(0);
  });
});
