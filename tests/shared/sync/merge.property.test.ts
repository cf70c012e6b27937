// Properties of bundle merge over simulated panels: any import order, with repeats, ends in
// the same state; nothing a laptop exported is lost; importing again changes nothing; after
// every conflict is resolved, importing everything again opens none.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Scoresheet } from '../../../shared/domain/types';
import { logicalKey, sameContent, versionKey } from '../../../shared/sync/content';
import { compareVersions, supersedes } from '../../../shared/sync/versions';
import {
  importOrder,
  importOrderArb,
  panelScriptArb,
  runPanel,
} from '../../helpers/syncArbitraries';
import {
  T0,
  dbDigest,
  emptyDb,
  importInto,
  iso,
  laptop,
  liveConflicts,
  openConflicts,
  resolveIn,
  writeCount,
} from '../../helpers/syncBuilders';
import type { SyncDb } from '../../helpers/syncBuilders';

/** Bundle k carries the k-th exported copy of each expert's sheet. */
function bundlesOf(exports: Scoresheet[][]): Scoresheet[][] {
  const longest = Math.max(...exports.map((copies) => copies.length));
  return Array.from({ length: longest }, (_, k) =>
    exports.flatMap((copies) => (copies[k] ? [copies[k]] : [])),
  );
}

function importAll(bundles: Scoresheet[][], order: readonly number[]): SyncDb {
  const db = emptyDb();
  order.forEach((b, step) =>
    importInto(db, bundles[b] ?? [], `import-${step}`, iso(T0 + 9e7 + step)),
  );
  return db;
}

const sortedSheets = (db: SyncDb): Scoresheet[] =>
  [...db.sheets.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
const openSet = (db: SyncDb): string[] =>
  openConflicts(db)
    .map((c) => `${versionKey(c.local)} ⟂ ${versionKey(c.incoming)}`)
    .sort();

const scenario = fc.record({
  panels: fc.tuple(panelScriptArb, panelScriptArb),
  orders: fc.array(importOrderArb, { minLength: 2, maxLength: 3 }),
  choices: fc.array(fc.constantFrom('local' as const, 'incoming' as const), {
    minLength: 1,
    maxLength: 8,
  }),
});

describe('merging score bundles (property)', () => {
  it('reaches the same sheets and conflicts in any order with repeats, and loses nothing', () => {
    fc.assert(
      fc.property(scenario, ({ panels, orders }) => {
        const bundles = bundlesOf([
          runPanel(panels[0], 'expert-1'),
          runPanel(panels[1], 'expert-2'),
        ]);
        const dbs = orders.map(({ keys, repeats }) =>
          importAll(bundles, importOrder(bundles.length, keys, repeats)),
        );
        const oneBatch = emptyDb();
        importInto(oneBatch, bundles.flat());
        const [first, ...others] = [...dbs, oneBatch];
        if (!first) return;
        for (const db of others) {
          expect(sortedSheets(db)).toEqual(sortedSheets(first));
          expect(openSet(db)).toEqual(openSet(first));
          expect(dbDigest(db)).toBe(dbDigest(first));
        }

        // One sheet per expert and base; open conflicts always differ in content.
        const keys = sortedSheets(first).map(logicalKey);
        expect(new Set(keys).size).toBe(keys.length);
        for (const c of openConflicts(first)) expect(sameContent(c.local, c.incoming)).toBe(false);

        // Nothing lost: every exported copy is covered by a copy kept, and every copy no other
        // copy supersedes is kept (as the sheet shown or in a conflict record).
        const kept = [...first.sheets.values(), ...liveConflicts(first).map((c) => c.incoming)];
        const all = bundles.flat();
        for (const copy of all) {
          expect(kept.some((k) => supersedes(k, copy))).toBe(true);
          const newest = !all.some((other) => compareVersions(other, copy) === 'descends');
          if (newest) expect(kept.some((k) => compareVersions(k, copy) === 'equal')).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('changes nothing when any bundle is imported again, and opens no conflict after resolution', () => {
    fc.assert(
      fc.property(scenario, ({ panels, orders, choices }) => {
        const bundles = bundlesOf([
          runPanel(panels[0], 'expert-1'),
          runPanel(panels[1], 'expert-2'),
        ]);
        const [order] = orders;
        if (!order) return;
        const db = importAll(bundles, importOrder(bundles.length, order.keys, order.repeats));
        const settled = dbDigest(db);
        for (const bundle of bundles) {
          const plan = importInto(db, bundle, 'import-again');
          expect(writeCount(plan)).toBe(0);
          expect(plan.summary.every((entry) => entry.outcome === 'unchanged')).toBe(true);
        }
        expect(dbDigest(db)).toBe(settled);

        const secretariat = laptop('office-pc', T0 + 9e7);
        for (let round = 0; openConflicts(db).length > 0; round += 1) {
          expect(round).toBeLessThan(50);
          const [conflict] = openConflicts(db).sort((a, b) => (a.id < b.id ? -1 : 1));
          if (!conflict) break;
          const plan = resolveIn(
            db,
            conflict,
            choices[round % choices.length] ?? 'local',
            secretariat,
          );
          expect(plan.ok).toBe(true);
        }
        const resolved = dbDigest(db);
        for (const bundle of bundles) {
          const plan = importInto(db, bundle, 'import-after-resolution');
          expect(writeCount(plan)).toBe(0);
        }
        expect(openConflicts(db)).toEqual([]);
        expect(dbDigest(db)).toBe(resolved);
      }),
      { numRuns: 150 },
    );
  });
});
