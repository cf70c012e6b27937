// Property: panels of 2–4 laptops edit, exchange and export copies of two experts' sheets
// (tests/helpers/syncArbitraries.ts); their score bundles, written with createBundle and
// imported into a secretariat database in any order with repeats, reach the same data; every
// copy no other supersedes is kept, and each that differs from the sheet shown is an open
// conflict; importing any bundle again changes no data table.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PingguDatabase } from '../../../../renderer/db/database';
import { commitImport } from '../../../../renderer/db/bundles/commitImport';
import { dataDigest } from '../../../../renderer/db/bundles/digest';
import type { Scoresheet } from '../../../../shared/domain/types';
import { isOpenConflict, isSettledByPerson } from '../../../../shared/sync/conflictRecords';
import { logicalKey, sameContent } from '../../../../shared/sync/content';
import { compareVersions } from '../../../../shared/sync/versions';
import {
  buildAssignment,
  buildBase,
  buildExpert,
  buildPanel,
  buildRound,
} from '../../../helpers/builders';
import { openTestDatabase } from '../../../helpers/db';
import {
  commitDeps,
  importBundle,
  keyOf,
  prepared,
  scoresBundle,
} from '../../../helpers/importBuilders';
import {
  importOrder,
  importOrderArb,
  panelScriptArb,
  runPanel,
} from '../../../helpers/syncArbitraries';

const ROUND = 'round-1';
const PANEL = 'panel-1';

/** Bundle k carries the k-th copy of each expert's sheet (ids are unique within a bundle). */
function bundlesOf(exports: Scoresheet[][]): Scoresheet[][] {
  const longest = Math.max(...exports.map((copies) => copies.length));
  return Array.from({ length: longest }, (_, k) =>
    exports.flatMap((copies) => (copies[k] ? [copies[k]] : [])),
  );
}

async function secretariat(): Promise<PingguDatabase> {
  const db = await openTestDatabase();
  await db.rounds.add(buildRound({ id: ROUND, status: 'issued' }));
  await db.panels.add(buildPanel(ROUND, { id: PANEL }));
  const base = buildBase(ROUND, { id: 'base-1', code: 'LN-A1-001', panelId: PANEL });
  const experts = [
    buildExpert(ROUND, PANEL, { id: 'expert-1', name: '李明' }),
    buildExpert(ROUND, PANEL, { id: 'expert-2', name: '王芳' }),
  ];
  await db.bases.add(base);
  await db.experts.bulkAdd(experts);
  await db.assignments.bulkAdd(
    experts.map((expert) => buildAssignment(base, expert, { id: `assignment-${expert.id}` })),
  );
  return db;
}

/** Every copy no other supersedes is kept; each that says something else is an open conflict. */
async function expectNothingLost(db: PingguDatabase, all: readonly Scoresheet[]): Promise<void> {
  const sheets = await db.scoresheets.toArray();
  const conflicts = await db.conflicts.toArray();
  const keys = sheets.map(logicalKey);
  expect(new Set(keys).size).toBe(keys.length);
  const live = conflicts.filter((c) => !isSettledByPerson(c));
  const kept = [...sheets, ...live.map((c) => c.incoming)];
  for (const copy of all) {
    const newest = !all.some((other) => compareVersions(other, copy) === 'descends');
    if (!newest) continue;
    expect(kept.some((k) => compareVersions(k, copy) === 'equal')).toBe(true);
    const shown = sheets.find((s) => logicalKey(s) === logicalKey(copy));
    if (shown && !sameContent(shown, copy)) {
      const open = conflicts.filter(isOpenConflict);
      expect(open.some((c) => compareVersions(c.incoming, copy) === 'equal')).toBe(true);
    }
  }
}

const scenario = fc.record({
  panels: fc.tuple(panelScriptArb, panelScriptArb),
  orders: fc.array(importOrderArb, { minLength: 2, maxLength: 2 }),
});

describe('importing score bundles into the secretariat database (property)', () => {
  it('reaches the same data in any order with repeats, loses nothing, and re-imports change nothing', async () => {
    const signers = await Promise.all([0, 1, 2, 3].map((i) => keyOf(`laptop-${i}`)));
    await fc.assert(
      fc.asyncProperty(scenario, async ({ panels, orders }) => {
        const bundles = bundlesOf([
          runPanel(panels[0], 'expert-1'),
          runPanel(panels[1], 'expert-2'),
        ]);
        const files = await Promise.all(
          bundles.map(async (scoresheets, k) => {
            const signer = signers[k % signers.length];
            if (!signer) throw new Error('no signer');
            return scoresBundle(
              { scoresheets, audit: [] },
              { signer, deviceId: `laptop-${k % 4}`, roundId: ROUND, panelId: PANEL },
            );
          }),
        );
        const digests: string[] = [];
        for (const [run, { keys, repeats }] of orders.entries()) {
          const db = await secretariat();
          try {
            for (const b of importOrder(files.length, keys, repeats)) {
              await importBundle(db, files[b] ?? new Uint8Array());
            }
            digests.push(await dataDigest(db, { withoutProvenance: true }));
            if (run > 0) continue;
            await expectNothingLost(db, bundles.flat());
            const settled = await dataDigest(db);
            for (const file of files) {
              const again = await prepared(db, file);
              expect(again.preview.unchanged).toBe(true);
              const result = await commitImport(db, again, commitDeps());
              expect(result.ok && result.result.changed).toBe(false);
            }
            expect(await dataDigest(db)).toBe(settled);
          } finally {
            await db.delete();
          }
        }
        expect(new Set(digests).size).toBe(1);
      }),
      { numRuns: 25 },
    );
  });
});
