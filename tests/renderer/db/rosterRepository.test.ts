import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PingguDatabase } from '../../../renderer/db/database';
import {
  clearRoster,
  deleteBase,
  importRoster,
} from '../../../renderer/db/repositories/rosterRepository';
import { derivedBaseCode, readRoster } from '../../../shared/roster';
import type { RosterRow } from '../../../shared/roster';
import type { Round } from '../../../shared/domain/types';
import {
  buildAssignment,
  buildBase,
  buildDecision,
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
const ACTOR = '秘书处';

beforeEach(async () => {
  db = await openTestDatabase();
  round = buildRound({ status: 'setup' });
  await db.rounds.add(round);
});

afterEach(async () => {
  await db.delete();
});

const HEADER = [
  '基地名称',
  '基地类型',
  '依托单位',
  '所在地市',
  '负责人',
  '批建年份',
  '所属领域',
  '基地编号',
  '研发投入（万元）',
];

function rosterRows(...rows: string[][]): RosterRow[] {
  const result = readRoster([HEADER, ...rows]);
  expect(result.problems).toEqual([]);
  return result.rows;
}

const LAB = [
  '辽宁省先进材料重点实验室',
  '重点实验室',
  '东北大学',
  '沈阳市',
  '张明',
  '2008',
  '材料',
  '',
  '1200',
];
const CENTER = [
  '辽宁省精细化工工程技术研究中心',
  'B4',
  '大连理工大学',
  '大连',
  '李华',
  '2012',
  '化工',
  'LN-B4-007',
  '',
];

const basesOf = (roundId: string) => db.bases.where('roundId').equals(roundId).sortBy('name');
const auditOf = (roundId: string) => db.auditLog.where('roundId').equals(roundId).toArray();

describe('importRoster', () => {
  it('adds every row as a base with injected ids, file or derived codes, and one audit entry', async () => {
    const rows = rosterRows(LAB, CENTER);
    const result = await importRoster(db, round.id, rows, ACTOR, testDeps('b'), {
      fileName: '名单.xlsx',
    });
    expect(result.ok).toBe(true);
    const stored = await basesOf(round.id);
    expect(stored).toHaveLength(2);
    const lab = stored.find((b) => b.type === 'A1');
    expect(lab).toMatchObject({
      roundId: round.id,
      name: '辽宁省先进材料重点实验室',
      legacyType: 'keyLaboratory',
      city: '沈阳',
      yearEstablished: 2008,
      code: derivedBaseCode({ name: '辽宁省先进材料重点实验室', hostInstitution: '东北大学' }),
      keyFigures: { '研发投入（万元）': 1200 },
    });
    expect(lab?.id).toMatch(/^b-/u);
    expect(stored.find((b) => b.type === 'B4')?.code).toBe('LN-B4-007');
    const audit = await auditOf(round.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'roster.import',
      entityId: round.id,
      actor: ACTOR,
      detail: '导入 2 个基地（名单.xlsx）',
    });
  });

  it('appends to the bases already in the round', async () => {
    const earlier = buildBase(round.id, { name: '已有基地', hostInstitution: '辽宁大学' });
    await db.bases.add(earlier);
    const result = await importRoster(db, round.id, rosterRows(LAB), ACTOR, testDeps());
    expect(result.ok).toBe(true);
    expect((await basesOf(round.id)).map((b) => b.name)).toEqual([
      '已有基地',
      '辽宁省先进材料重点实验室',
    ]);
  });

  it('refuses a base the round already has (same name and host), adding nothing', async () => {
    await db.bases.add(
      buildBase(round.id, { name: '辽宁省先进材料 重点实验室', hostInstitution: '东北大学' }),
    );
    const result = await importRoster(db, round.id, rosterRows(CENTER, LAB), ACTOR, testDeps());
    expect(result).toMatchObject({ ok: false, error: { code: 'alreadyExists' } });
    expect(result.ok ? '' : result.error.message).toContain('第 3 行「辽宁省先进材料重点实验室」');
    expect(await basesOf(round.id)).toHaveLength(1);
    expect(await auditOf(round.id)).toEqual([]);
  });

  it('refuses a code the round already uses', async () => {
    await db.bases.add(buildBase(round.id, { code: 'LN-B4-007', name: '别的基地' }));
    const result = await importRoster(db, round.id, rosterRows(CENTER), ACTOR, testDeps());
    expect(result).toMatchObject({ ok: false, error: { code: 'alreadyExists' } });
    expect(await basesOf(round.id)).toHaveLength(1);
  });

  it('gives the same base the same derived code in another round', async () => {
    const next = buildRound({ status: 'setup' });
    await db.rounds.add(next);
    await importRoster(db, round.id, rosterRows(LAB), ACTOR, testDeps('x'));
    await importRoster(db, next.id, rosterRows(LAB), ACTOR, testDeps('y'));
    const [a] = await basesOf(round.id);
    const [b] = await basesOf(next.id);
    expect(a?.code).toBe(b?.code);
    expect(a?.id).not.toBe(b?.id);
  });

  it('refuses archived and closed rounds, unknown rounds and an empty list', async () => {
    const archived = buildRound({
      status: 'closed',
      archive: { importedAt: 'x', fingerprint: 'ABCD', fileName: 'r.pgb', bundleCreatedAt: 'x' },
    });
    const closed = buildRound({ status: 'closed' });
    await db.rounds.bulkAdd([archived, closed]);
    const rows = rosterRows(LAB);
    expect(await importRoster(db, archived.id, rows, ACTOR, testDeps())).toMatchObject({
      ok: false,
      error: { code: 'archived' },
    });
    expect(await importRoster(db, closed.id, rows, ACTOR, testDeps())).toMatchObject({
      ok: false,
      error: { code: 'locked' },
    });
    expect(await importRoster(db, 'nope', rows, ACTOR, testDeps())).toMatchObject({
      ok: false,
      error: { code: 'notFound' },
    });
    expect(await importRoster(db, round.id, [], ACTOR, testDeps())).toMatchObject({
      ok: false,
      error: { code: 'editRejected' },
    });
    expect(await db.bases.count()).toBe(0);
    expect(await db.auditLog.count()).toBe(0);
  });

  it('adds nothing when the write fails part-way', async () => {
    const rows = rosterRows(LAB, CENTER);
    // Every base gets the same id: bulkAdd fails on the second, and the whole write with it.
    const deps = { ...testClock(), newId: () => 'same' };
    await expect(importRoster(db, round.id, rows, ACTOR, deps)).rejects.toThrow();
    expect(await db.bases.count()).toBe(0);
    expect(await db.auditLog.count()).toBe(0);
  });
});

describe('deleteBase and clearRoster', () => {
  async function seedRoster() {
    const panel = buildPanel(round.id);
    const expert = buildExpert(round.id, panel.id);
    const a = buildBase(round.id, { name: 'A' });
    const b = buildBase(round.id, { name: 'B' });
    await db.panels.add(panel);
    await db.experts.add(expert);
    await db.bases.bulkAdd([a, b]);
    await db.assignments.bulkAdd([buildAssignment(a, expert), buildAssignment(b, expert)]);
    return { a, b, expert };
  }

  it('deletes one base with its assignments and records it', async () => {
    const { a } = await seedRoster();
    const result = await deleteBase(db, a.id, ACTOR, testClock());
    expect(result).toEqual({ ok: true, value: { bases: 1, assignments: 1 } });
    expect((await basesOf(round.id)).map((b) => b.name)).toEqual(['B']);
    expect(await db.assignments.count()).toBe(1);
    expect((await auditOf(round.id))[0]).toMatchObject({ action: 'base.delete', entityId: a.id });
  });

  it('clears the whole roster of a round in set-up', async () => {
    await seedRoster();
    const result = await clearRoster(db, round.id, ACTOR, testClock());
    expect(result).toEqual({ ok: true, value: { bases: 2, assignments: 2 } });
    expect(await db.bases.count()).toBe(0);
    expect(await db.assignments.count()).toBe(0);
    expect((await auditOf(round.id))[0]).toMatchObject({
      action: 'roster.clear',
      detail: '清空名单：删除 2 个基地',
    });
  });

  it('refuses once the round is issued', async () => {
    const { a } = await seedRoster();
    await db.rounds.update(round.id, { status: 'issued' });
    expect(await deleteBase(db, a.id, ACTOR, testClock())).toMatchObject({
      ok: false,
      error: { code: 'locked' },
    });
    expect(await clearRoster(db, round.id, ACTOR, testClock())).toMatchObject({
      ok: false,
      error: { code: 'locked' },
    });
    expect(await db.bases.count()).toBe(2);
    expect(await db.auditLog.count()).toBe(0);
  });

  it('refuses to delete a base that already has a scoresheet or a decision', async () => {
    const { a, b, expert } = await seedRoster();
    await db.scoresheets.add(buildScoresheet(a, expert));
    await db.decisions.add(buildDecision(b));
    expect(await deleteBase(db, a.id, ACTOR, testClock())).toMatchObject({
      ok: false,
      error: { code: 'locked' },
    });
    expect(await deleteBase(db, b.id, ACTOR, testClock())).toMatchObject({
      ok: false,
      error: { code: 'locked' },
    });
    expect(await clearRoster(db, round.id, ACTOR, testClock())).toMatchObject({ ok: false });
    expect(await db.bases.count()).toBe(2);
    expect(await db.assignments.count()).toBe(2);
  });

  it('says when the base is gone', async () => {
    expect(await deleteBase(db, 'gone', ACTOR, testClock())).toMatchObject({
      ok: false,
      error: { code: 'notFound' },
    });
  });
});
