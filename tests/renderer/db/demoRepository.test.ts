import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { PingguDatabase } from '../../../renderer/db/database';
import { getCurrentRound, getRoundOverview, listRounds } from '../../../renderer/db/queries';
import { loadDemoRound, removeDemoRound } from '../../../renderer/db/repositories/demoRepository';
import { addRound } from '../../../renderer/db/repositories/roundRepository';
import { saveScore } from '../../../renderer/db/repositories/scoresheetRepository';
import { generateDemoDataset } from '../../../shared/demo/demoRound';
import type { DemoDataset, DemoRound } from '../../../shared/demo/demoRound';
import { builtinTemplateForType } from '../../../shared/domain/templates';
import { buildRound, testClock, testSheetDeps } from '../../helpers/builders';
import { openTestDatabase } from '../../helpers/db';

let db: PingguDatabase;
let demo: DemoDataset;

beforeAll(() => {
  demo = generateDemoDataset();
});

beforeEach(async () => {
  db = await openTestDatabase();
});

afterEach(async () => {
  await db.delete();
});

/** Sheet states counted straight from the generated records. */
function expectedStates(r: DemoRound) {
  const hasSheet = new Set(r.scoresheets.map((s) => `${s.expertId}|${s.baseId}`));
  const live = r.scoresheets.filter((s) => !s.recusal);
  return {
    submitted: live.filter((s) => s.status === 'submitted').length,
    draft: live.filter((s) => s.status === 'draft').length,
    recused:
      r.assignments.filter((a) => a.recusal).length + r.scoresheets.filter((s) => s.recusal).length,
    notStarted: r.assignments.filter(
      (a) => !a.recusal && !hasSheet.has(`${a.expertId}|${a.baseId}`),
    ).length,
  };
}

describe('loading the demo', () => {
  it('writes every demo round, opens on the current one and records demo.load', async () => {
    const result = await loadDemoRound(db, testClock());

    expect(result.ok).toBe(true);
    const all = [...demo.history, demo.current];
    expect((await listRounds(db)).map((r) => r.id)).toEqual(
      [...all].reverse().map((r) => r.round.id),
    );
    expect(await db.bases.count()).toBe(all.reduce((n, r) => n + r.bases.length, 0));
    expect(await db.scoresheets.count()).toBe(all.reduce((n, r) => n + r.scoresheets.length, 0));
    expect(await db.decisions.count()).toBe(all.reduce((n, r) => n + r.decisions.length, 0));
    expect((await getCurrentRound(db))?.id).toBe(demo.current.round.id);
    expect(await db.auditLog.toArray()).toMatchObject([
      { action: 'demo.load', roundId: demo.current.round.id },
    ]);
  });

  it('refuses to load the demo twice and leaves the first load as it was', async () => {
    await loadDemoRound(db, testClock());
    const sheets = await db.scoresheets.count();

    const again = await loadDemoRound(db, testClock());

    expect(again).toMatchObject({ ok: false, error: { code: 'demoAlreadyLoaded' } });
    expect(await db.scoresheets.count()).toBe(sheets);
    expect(await db.auditLog.count()).toBe(1);
  });

  it('shows overview counts that match the generated current round', async () => {
    await loadDemoRound(db, testClock());
    const r = demo.current;

    const overview = await getRoundOverview(db, r.round.id);

    expect(overview).toMatchObject({
      bases: r.bases.length,
      panels: r.panels.length,
      experts: r.experts.length,
      assignments: r.assignments.length,
    });
    expect(overview.sheets).toEqual(expectedStates(r));
    for (const [type, count] of Object.entries(overview.basesByType)) {
      expect(count, type).toBe(r.bases.filter((b) => b.type === type).length);
    }
  });

  it('lets an expert keep scoring a demo draft through the repository', async () => {
    await loadDemoRound(db, testClock());
    const draft = demo.current.scoresheets.find((s) => s.status === 'draft' && !s.recusal);
    if (!draft) throw new Error('demo has no draft');
    const template = demo.current.templates.find((t) => t.id === draft.templateId);
    const unscored = template?.primaries
      .flatMap((p) => p.children)
      .find((c) => !(c.id in draft.scores));
    if (!unscored) throw new Error('draft fully scored');

    const result = await saveScore(
      db,
      draft.id,
      unscored.id,
      unscored.maxPoints / 2,
      '专家',
      testSheetDeps(),
    );

    expect(result.ok && result.value.scores[unscored.id]).toBe(unscored.maxPoints / 2);
  });

  it('loads alongside a user round that already stored the built-in templates', async () => {
    await addRound(
      db,
      { round: buildRound(), templates: [builtinTemplateForType('A1')] },
      '王秘书',
      testClock(),
    );

    expect((await loadDemoRound(db, testClock())).ok).toBe(true);
  });
});

describe('removing the demo', () => {
  it('removes every demo record and keeps the user round and the templates it uses', async () => {
    const mine = buildRound({ templateByType: { A1: 'builtin-A1' } });
    await addRound(
      db,
      { round: mine, templates: [builtinTemplateForType('A1')] },
      '王秘书',
      testClock(),
    );
    await loadDemoRound(db, testClock());

    const removed = await removeDemoRound(db, testClock());

    expect(removed.ok && removed.value.length).toBe(3);
    expect((await db.rounds.toArray()).map((r) => r.id)).toEqual([mine.id]);
    for (const table of [
      db.bases,
      db.panels,
      db.experts,
      db.assignments,
      db.scoresheets,
      db.decisions,
    ]) {
      expect(await table.count()).toBe(0);
    }
    expect((await db.templates.toArray()).map((t) => t.id)).toEqual(['builtin-A1']);
    expect(await getCurrentRound(db)).toBeNull();
  });

  it('refuses when no demo is loaded, and the demo can be loaded again after removal', async () => {
    expect(await removeDemoRound(db, testClock())).toMatchObject({
      ok: false,
      error: { code: 'demoNotLoaded' },
    });
    await loadDemoRound(db, testClock());
    await removeDemoRound(db, testClock());
    expect((await loadDemoRound(db, testClock())).ok).toBe(true);
  });
});
