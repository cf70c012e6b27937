// What the secretariat sees after 在本机继续: laptop A's score bundles and laptop B's bundle of
// the sheets it continued and edited, imported in any order, end with B's values and no
// conflict, because every continued copy descends from A's last one. Checked as a property of
// the merge (shared/sync, with the continuation planned by continuePlan) and as cases through
// the secretariat's real import path (prepareImport → commitImport), in both orders.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { PingguDatabase } from '../../../../renderer/db/database';
import { commitContinue, prepareContinue } from '../../../../renderer/db/bundles/continueHere';
import { planContinuation } from '../../../../renderer/db/bundles/continuePlan';
import { selectContinuation } from '../../../../renderer/db/bundles/continueSelect';
import { listAuditOfRound } from '../../../../renderer/db/queries';
import { saveScore } from '../../../../renderer/db/repositories/scoresheetRepository';
import { secondaryIndicators } from '../../../../shared/domain/templates';
import type { Scoresheet } from '../../../../shared/domain/types';
import { buildRoundRecords, testSheetDeps } from '../../../helpers/builders';
import {
  FRESH_DEVICE,
  LOST_DEVICE,
  lostLaptopDay,
  openedScores,
  scoresStateOf,
  sheetsOfLostLaptop,
  targetOf,
} from '../../../helpers/continueBuilders';
import { openTestDatabase } from '../../../helpers/db';
import {
  importBundle,
  scoresBundleFrom,
  testCrypto,
  valueOf,
} from '../../../helpers/importBuilders';
import {
  T0,
  edit,
  emptyDb,
  importInto,
  iso,
  laptop,
  liveConflicts,
} from '../../../helpers/syncBuilders';

type Edit = { sheet: number; indicator: number; value: number };

const editArb = fc.record({
  sheet: fc.nat({ max: 5 }),
  indicator: fc.nat({ max: 2 }),
  value: fc.integer({ min: 1, max: 9 }),
});

/** A's edits in rounds, each round ending with an exported score bundle; then B's edits. */
const dayArb = fc.record({
  onA: fc.array(fc.array(editArb, { maxLength: 4 }), { minLength: 1, maxLength: 3 }),
  onB: fc.array(editArb, { minLength: 1, maxLength: 6 }),
  /** The order of the (at most 4) bundles at the secretariat: a permutation. */
  order: fc.shuffledSubarray([0, 1, 2, 3], { minLength: 4, maxLength: 4 }),
});

function applyEdits(
  sheets: Scoresheet[],
  edits: readonly Edit[],
  device: ReturnType<typeof laptop>,
): Scoresheet[] {
  const next = [...sheets];
  for (const { sheet, indicator, value } of edits) {
    const current = next[sheet % next.length];
    if (current === undefined) continue;
    const scores = { ...current.scores, [`X.${indicator}`]: value };
    next[sheet % next.length] = edit(current, device, { scores });
  }
  return next;
}

describe('the secretariat merges the lost laptop and the one that continued its work', () => {
  it('ends with the continued values and no conflict, whatever the order of the bundles', () => {
    fc.assert(
      fc.property(dayArb, ({ onA, onB, order }) => {
        const r = buildRoundRecords({ status: 'issued' });
        const lostLaptop = laptop(LOST_DEVICE, T0);
        const exports: Scoresheet[][] = [];
        let onLost = sheetsOfLostLaptop(r);
        for (const batch of onA) {
          onLost = applyEdits(onLost, batch, lostLaptop);
          exports.push(onLost);
        }
        // Laptop B continues from A's last bundle, through the continuation's own plan.
        const opened = openedScores(
          { scoresheets: onLost, audit: [] },
          { roundId: r.round.id, panelId: r.panel.id },
        );
        const selected = selectContinuation('A.pgb', opened, targetOf(r));
        if (!selected.ok) throw new Error(selected.error.message);
        const parts = selected.parts.map((part) => ({ part, state: scoresStateOf(r) }));
        const deps = { now: iso(T0 + 1e7), importId: 'continue' };
        const planned = planContinuation('A.pgb', opened, r.round, parts, deps);
        if (!planned.ok) throw new Error(planned.error.message);
        const freshLaptop = laptop(FRESH_DEVICE, T0 + 5e6);
        for (const sheet of planned.plan.toPut) freshLaptop.receive(sheet.hlc);
        const fromB = applyEdits(planned.plan.toPut, onB, freshLaptop);

        const db = emptyDb();
        const bundles = [...exports, fromB];
        order
          .filter((i) => i < bundles.length)
          .forEach((i, step) => importInto(db, bundles[i] ?? [], `import-${step}`));
        expect(liveConflicts(db)).toEqual([]);
        expect([...db.conflicts.values()]).toEqual([]);
        for (const sheet of fromB) expect(db.sheets.get(sheet.id)).toEqual(sheet);
      }),
      { numRuns: 150 },
    );
  });
});

const opened: PingguDatabase[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

async function database(): Promise<PingguDatabase> {
  const db = await openTestDatabase();
  opened.push(db);
  return db;
}

describe.each([
  { order: 'A then B', firstB: false },
  { order: 'B then A', firstB: true },
])('the secretariat imports both laptops’ score bundles ($order)', ({ firstB }) => {
  it('has no conflict, and the edited sheet shows laptop B’s value', async () => {
    const machines = {
      secretariat: await database(),
      lost: await database(),
      fresh: await database(),
    };
    const day = await lostLaptopDay(machines, { submit: false });
    const { r, secretariat, lost, fresh } = day;
    const fromA = await scoresBundleFrom(lost, r, { deviceId: LOST_DEVICE });
    const prepared = await prepareContinue(fresh, fromA, 'A.pgb', {
      crypto: testCrypto,
      roundId: r.round.id,
    });
    if (!prepared.ok) throw new Error(prepared.error.message);
    const committed = await commitContinue(fresh, prepared.value, {
      actor: '组长',
      reason: '电脑A坏了',
      acceptNewKey: true,
      clock: { now: () => '2024-05-12T16:00:00.000Z' },
      newId: () => 'continue-1',
    });
    if (!committed.ok) throw new Error(committed.error.message);

    // On B the expert changes one score of A's sheet: 3 → 7 by hand.
    const [sheet] = day.scoredOnA;
    if (!sheet) throw new Error('no sheet');
    const template = await fresh.templates.get(sheet.templateId);
    const indicator = template ? (secondaryIndicators(template)[0]?.id ?? '') : '';
    const deps = testSheetDeps(FRESH_DEVICE);
    valueOf(await saveScore(fresh, sheet.id, indicator, 3, '专家', deps));
    valueOf(await saveScore(fresh, sheet.id, indicator, 7, '专家', deps));
    const fromB = await scoresBundleFrom(fresh, r, { deviceId: FRESH_DEVICE });

    const files = firstB ? [fromB, fromA] : [fromA, fromB];
    const summaries = [];
    for (const bytes of files) {
      // The secretariat's person compared each new laptop's fingerprint.
      summaries.push(await importBundle(secretariat, bytes, { commit: { acceptNewKey: true } }));
    }
    expect(summaries.map((s) => s.counts.conflicts)).toEqual([0, 0]);
    expect(await secretariat.conflicts.count()).toBe(0);
    const stored = await secretariat.scoresheets.get(sheet.id);
    expect(stored?.scores[indicator]).toBe(7);
    expect(stored?.versions).toEqual({ ...sheet.versions, [FRESH_DEVICE]: 2 });
    const onB = await fresh.scoresheets.toArray();
    const atSecretariat = await secretariat.scoresheets.toArray();
    const byId = (list: Scoresheet[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(byId(atSecretariat)).toEqual(byId(onB));
    // Where each sheet was taken over travels with it, in its audit trail.
    const audit = await listAuditOfRound(secretariat, r.round.id);
    const continued = audit.filter((e) => e.action === 'scoresheet.continue');
    expect(continued.map((e) => e.entityId).sort()).toEqual(onB.map((s) => s.id).sort());
  });
});
