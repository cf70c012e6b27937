// The queries behind the secretariat's conflicts and results tabs, on real imports: a
// conflict found by importing two laptops' bundles is listed with its source file, and once
// a person settles it through the repository, the list says who chose what; a recorded
// decision appears in the base's audit history in a form the history can read back.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PingguDatabase } from '../../../renderer/db/database';
import { listAuditOfEntity } from '../../../renderer/db/queries';
import { resolveConflict } from '../../../renderer/db/repositories/conflictRepository';
import { recordDecision } from '../../../renderer/db/repositories/decisionRepository';
import {
  countOpenConflicts,
  loadConflictRecords,
  loadResultsRecords,
} from '../../../renderer/db/resultsHooks';
import { createHlc } from '../../../shared/domain/hlc';
import { conflictList } from '../../../shared/secretariat/conflictView';
import { parseDecisionDetail } from '../../../shared/secretariat/decisions';
import { staleDecisions } from '../../../shared/secretariat/resultsChecks';
import { buildScoresheet, testDeps, testSheetDeps } from '../../helpers/builders';
import type { RoundRecords } from '../../helpers/builders';
import { openTestDatabase } from '../../helpers/db';
import {
  importBundle,
  roundBundleFrom,
  scoresBundleFrom,
  secretariatDatabase,
  valueOf,
} from '../../helpers/importBuilders';
import { scoreSheet } from '../../helpers/panelWorkflow';

let secretariat: PingguDatabase;
let laptops: PingguDatabase[];
let r: RoundRecords;

beforeEach(async () => {
  secretariat = await openTestDatabase();
  laptops = [await openTestDatabase(), await openTestDatabase()];
  r = await secretariatDatabase(secretariat);
  const [base] = r.bases;
  const [expert] = r.experts;
  if (!base || !expert) throw new Error('no records');
  // The same sheet, scored differently on two laptops: importing both opens a conflict.
  const start = buildScoresheet(base, expert, { versions: {} });
  const roundBytes = await roundBundleFrom(secretariat, r);
  for (const [i, laptop] of laptops.entries()) {
    await importBundle(laptop, roundBytes);
    await laptop.scoresheets.add(start);
    await scoreSheet(laptop, start, testSheetDeps(`laptop-${i}`), {
      submit: false,
      points: (max) => (i === 0 ? max : Math.round(max) / 2),
    });
    const bytes = await scoresBundleFrom(laptop, r, {
      deviceId: `laptop-${i}`,
      expertIds: [expert.id],
    });
    await importBundle(secretariat, bytes, {}, `沈阳一组-laptop-${i}.pgb`);
  }
});

afterEach(async () => {
  await Promise.all([secretariat, ...laptops].map((db) => db.delete()));
});

/** The secretariat settles a conflict at `now`, keeping the incoming copy. */
async function keepIncoming(
  open: ReturnType<typeof conflictList>[number],
  now: string,
): Promise<void> {
  valueOf(
    await resolveConflict(secretariat, open.id, 'incoming', '秘书处 王芳', {
      now: () => now,
      deviceId: 'secretariat-pc',
      clock: createHlc('secretariat-pc', () => Date.parse(now)),
      seen: open.record,
    }),
  );
}

describe('conflict queries', () => {
  it('lists an open conflict with the file it came from, then who settled it and how', async () => {
    expect(await countOpenConflicts(secretariat, r.round.id)).toBe(1);
    const [open] = conflictList(await loadConflictRecords(secretariat, r.round.id));
    expect(open).toMatchObject({ isOpen: true, sourceFile: '沈阳一组-laptop-1.pgb' });
    expect(open?.baseName).toBe(r.bases[0]?.name);
    if (!open) return;

    const now = '2024-05-14T09:00:00.000Z';
    await keepIncoming(open, now);
    expect(await countOpenConflicts(secretariat, r.round.id)).toBe(0);
    const rows = conflictList(await loadConflictRecords(secretariat, r.round.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      id: open.id,
      isOpen: false,
      resolution: 'incoming',
      resolvedAt: now,
      resolvedBy: '秘书处 王芳',
    });
  });

  it('gives the results tab the open conflict count with the round records', async () => {
    const records = await loadResultsRecords(secretariat, r.round.id);
    expect(records.openConflicts).toBe(1);
    expect(records.bases.map((b) => b.id).sort()).toEqual(r.bases.map((b) => b.id).sort());
    expect(records.scoresheets).toHaveLength(1);
  });
});

describe('decisions the scores have moved past', () => {
  it('lists a decision recorded before its base’s conflict was resolved, not after', async () => {
    const [base] = r.bases;
    if (!base) throw new Error('no bases');
    const decide = (at: string) =>
      recordDecision(
        secretariat,
        {
          roundId: r.round.id,
          baseId: base.id,
          decision: { disposition: { code: 'rectify' }, reason: '成果不足' },
        },
        '秘书处 王芳',
        { now: () => at, newId: () => `decision-${at}` },
      );
    // Imported 2024-05-13 09:00 (commitDeps); decided an hour later: nothing to review.
    valueOf(await decide('2024-05-13T10:00:00.000Z'));
    const stale = async () => {
      const records = await loadResultsRecords(secretariat, r.round.id);
      return staleDecisions(records.decisions, records.scoresheets, records.scoreChanges);
    };
    expect(await stale()).toEqual([]);

    // The conflict of the base's sheet is settled the next day: the decision is now older.
    const [open] = conflictList(await loadConflictRecords(secretariat, r.round.id));
    if (!open) throw new Error('no conflict');
    const now = '2024-05-14T09:00:00.000Z';
    await keepIncoming(open, now);
    expect(await stale()).toEqual([
      { baseId: base.id, decidedAt: '2024-05-13T10:00:00.000Z', changedAt: now },
    ]);
  });
});

describe('decision history', () => {
  it('reads a recorded merge back from the audit log with its target and rationale', async () => {
    const [base, target] = r.bases;
    if (!base || !target) throw new Error('no bases');
    valueOf(
      await recordDecision(
        secretariat,
        {
          roundId: r.round.id,
          baseId: base.id,
          decision: {
            disposition: { code: 'merge', targetBaseId: target.id },
            reason: '方向重叠: 并入工程中心',
          },
        },
        '秘书处 王芳',
        testDeps('decision'),
      ),
    );
    const entries = await listAuditOfEntity(secretariat, base.id);
    expect(entries.map((e) => [e.action, e.actor])).toEqual([['decision.record', '秘书处 王芳']]);
    expect(parseDecisionDetail(entries[0]?.detail)).toEqual({
      code: 'merge',
      target: target.id,
      reason: '方向重叠: 并入工程中心',
    });
  });
});
