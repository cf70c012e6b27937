import { describe, expect, it } from 'vitest';
import { reopenScoresheet, setScore, submitScoresheet } from '../../../shared/domain/scoresheet';
import { builtinTemplateForType, secondaryIndicators } from '../../../shared/domain/templates';
import type { Scoresheet } from '../../../shared/domain/types';
import { conflictId } from '../../../shared/sync/conflictRecords';
import { reconcileScoresheets } from '../../../shared/sync/mergeScoresheets';
import { readyToSubmit } from '../../helpers/scoresheetBuilders';
import {
  T0,
  dbDigest,
  edit,
  emptyDb,
  freshSheet,
  importInto,
  laptop,
  openConflicts,
  versioned,
  writeCount,
} from '../../helpers/syncBuilders';
import type { SyncDb } from '../../helpers/syncBuilders';

const outcomes = (plan: ReturnType<typeof importInto>) =>
  plan.summary.map(({ outcome, reason }) => (reason ? `${outcome}:${reason}` : outcome));

function dbWith(...bundles: Scoresheet[][]): SyncDb {
  const db = emptyDb();
  bundles.forEach((bundle, i) => importInto(db, bundle, `import-${i + 1}`));
  return db;
}

// Laptops start a minute apart so their clocks order their edits predictably.
const one = laptop('laptop-1');
const two = laptop('laptop-2', T0 + 60_000);
const three = laptop('laptop-3', T0 + 120_000);
const created = freshSheet();
const scored = edit(created, one, { scores: { 'A1.1.1': 8 } });
const later = edit(scored, one, { scores: { 'A1.1.1': 9 } });
const onTwo = edit(scored, two, { overallComment: '运行良好' });
const onThree = edit(scored, three, { overallComment: '需整改' });

describe('importing copies of one sheet', () => {
  it('adds a sheet seen for the first time', () => {
    const db = emptyDb();
    const plan = importInto(db, [scored]);
    expect(outcomes(plan)).toEqual(['new']);
    expect(plan.summary[0]).toMatchObject({
      sheetId: 'sheet-1',
      baseId: 'base-1',
      expertId: 'expert-1',
    });
    expect(plan.counts).toEqual({ added: 1, updated: 0, unchanged: 0, conflicts: 0, refused: 0 });
    expect([...db.sheets.values()]).toEqual([scored]);
  });

  it('replaces the stored sheet with a copy that descends from it', () => {
    const db = dbWith([scored]);
    expect(outcomes(importInto(db, [later]))).toEqual(['updated']);
    expect(db.sheets.get('sheet-1')).toEqual(later);
  });

  it('changes nothing for an older copy or the same copy, and says so', () => {
    const db = dbWith([later]);
    const plan = importInto(db, [scored, later, created]);
    expect(outcomes(plan)).toEqual([
      'unchanged:olderVersion',
      'unchanged:sameVersion',
      'unchanged:olderVersion',
    ]);
    expect(writeCount(plan)).toBe(0);
  });

  it('counts only the newest of several copies in one import', () => {
    const plan = importInto(emptyDb(), [scored, later, scored]);
    expect(outcomes(plan)).toEqual([
      'unchanged:supersededInImport',
      'new',
      'unchanged:sameVersion',
    ]);
    expect(plan.toPut).toEqual([later]);
  });

  it('keeps both copies edited concurrently on two laptops: one shown, the other in a conflict', () => {
    const db = dbWith([onTwo]);
    const plan = importInto(db, [onThree], 'import-2');
    // Both drafts: the later edit (laptop-3's clock is ahead) is shown.
    expect(outcomes(plan)).toEqual(['conflict:wonConflict']);
    expect(db.sheets.get('sheet-1')).toEqual(onThree);
    expect(openConflicts(db)).toEqual([
      {
        id: conflictId(onTwo),
        roundId: 'round-1',
        scoresheetId: 'sheet-1',
        local: onThree,
        incoming: onTwo,
        detectedAt: plan.newConflicts[0]?.detectedAt,
        sourceImportId: 'import-2',
      },
    ]);
  });

  it('never duplicates a conflict when the same bundles are imported again', () => {
    const db = dbWith([onTwo], [onThree]);
    const before = dbDigest(db);
    for (const bundle of [[onTwo], [onThree], [onThree, onTwo, scored]]) {
      const plan = importInto(db, bundle, 'import-again');
      expect(writeCount(plan)).toBe(0);
      expect(plan.summary.every((entry) => entry.outcome === 'unchanged')).toBe(true);
    }
    expect(dbDigest(db)).toBe(before);
    expect(openConflicts(db)).toHaveLength(1);
  });

  it('ends a conflict when a copy arrives that has seen both sides', () => {
    const db = dbWith([onTwo], [onThree]);
    const both = edit({ ...onThree, versions: { ...onThree.versions, 'laptop-2': 1 } }, three, {
      overallComment: '运行良好，需整改',
    });
    const plan = importInto(db, [both], 'import-3');
    expect(outcomes(plan)).toEqual(['updated']);
    expect(plan.conflictsToDelete).toEqual([conflictId(onTwo)]);
    expect(db.conflicts.size).toBe(0);
  });
});

describe('a submitted sheet is never reverted to draft by an import', () => {
  const A1 = builtinTemplateForType('A1');
  const [first, second] = secondaryIndicators(A1);
  if (!first || !second) throw new Error('template A1 has secondary indicators');
  // Laptops whose clocks are past the stamps of readyToSubmit.
  const panelOne = laptop('laptop-1', T0 + 1_000_000);
  const panelTwo = laptop('laptop-2', T0 + 1_000_000);
  const ready = readyToSubmit(A1);
  const submittedOnOne = versioned(ready, submitScoresheet(ready, A1, panelOne.stamp()));
  panelTwo.receive(submittedOnOne.hlc);
  // The expert reopens on laptop-1 with the chair's consent, corrects a score, submits again.
  const reopenedOnOne = versioned(
    submittedOnOne,
    reopenScoresheet(submittedOnOne, panelOne.stamp()),
  );
  const corrected = versioned(
    reopenedOnOne,
    setScore(reopenedOnOne, A1, first.id, 1, panelOne.stamp()),
  );
  const resubmitted = versioned(corrected, submitScoresheet(corrected, A1, panelOne.stamp()));
  // Meanwhile the chair's laptop, holding the submitted copy, reopens it and changes another score.
  const reopenedOnTwo = versioned(
    submittedOnOne,
    reopenScoresheet(submittedOnOne, panelTwo.stamp()),
  );
  const draftOnTwo = versioned(
    reopenedOnTwo,
    setScore(reopenedOnTwo, A1, second.id, 0, panelTwo.stamp()),
  );

  it('a sheet edited on two laptops after a reopen becomes a conflict and the submitted one wins', () => {
    const db = dbWith([submittedOnOne], [draftOnTwo]);
    const plan = importInto(db, [resubmitted], 'import-3');
    expect(outcomes(plan)).toEqual(['conflict:wonConflict']);
    expect(db.sheets.get(ready.id)).toEqual(resubmitted);
    expect(openConflicts(db).map((c) => [c.local, c.incoming])).toEqual([
      [resubmitted, draftOnTwo],
    ]);

    const otherOrder = dbWith([draftOnTwo], [resubmitted], [submittedOnOne]);
    expect(dbDigest(otherOrder)).toBe(dbDigest(db));
  });

  it('takes a draft that descends from a reopen of the submitted sheet', () => {
    const db = dbWith([submittedOnOne]);
    expect(outcomes(importInto(db, [draftOnTwo]))).toEqual(['updated']);
    expect(db.sheets.get(ready.id)?.status).toBe('draft');
  });

  it('ignores the draft the submitted sheet came from', () => {
    const db = dbWith([submittedOnOne]);
    expect(outcomes(importInto(db, [ready]))).toEqual(['unchanged:olderVersion']);
    expect(db.sheets.get(ready.id)).toEqual(submittedOnOne);
  });

  it('keeps a concurrent draft as a conflict even when it was edited later', () => {
    const lateDraft = edit(ready, laptop('laptop-9', T0 + 9_000_000), { overallComment: '补充' });
    const db = dbWith([submittedOnOne]);
    expect(outcomes(importInto(db, [lateDraft]))).toEqual(['conflict:keptAsConflict']);
    expect(db.sheets.get(ready.id)).toEqual(submittedOnOne);
    expect(openConflicts(db)[0]?.incoming).toEqual(lateDraft);
  });
});

describe('recusals', () => {
  const recusal = {
    reason: '曾指导该实验室主任',
    source: 'declared' as const,
    at: '2024-05-10T10:00:00.000Z',
  };
  const recused = edit(scored, two, { scores: {}, recusal });

  it('takes a recusal declared on a copy of the stored sheet', () => {
    const db = dbWith([scored]);
    expect(outcomes(importInto(db, [recused]))).toEqual(['updated']);
    expect(db.sheets.get('sheet-1')?.recusal).toEqual(recusal);
  });

  it('keeps a recusal concurrent with further scoring as a conflict, showing the recusal', () => {
    const moreScores = edit(scored, laptop('laptop-9', T0 + 9_000_000), {
      scores: { 'A1.1.1': 8, 'A1.1.2': 5 },
      status: 'submitted',
    });
    const db = dbWith([moreScores]);
    expect(outcomes(importInto(db, [recused]))).toEqual(['conflict:wonConflict']);
    expect(db.sheets.get('sheet-1')).toEqual(recused);
    expect(openConflicts(db)[0]?.incoming).toEqual(moreScores);
  });
});

describe('two laptops that each created a sheet for the same expert and base', () => {
  const own = edit(freshSheet({ id: 'sheet-2', deviceId: 'laptop-2' }), two, {
    scores: { 'A1.1.1': 6 },
  });

  it('shows one, keeps the other in a conflict and removes it from the table', () => {
    const db = dbWith([scored]);
    const plan = importInto(db, [own]);
    // laptop-2's edit is later, so its sheet is shown and sheet-1 moves into the conflict.
    expect(outcomes(plan)).toEqual(['conflict:wonConflict']);
    expect(plan.toDelete).toEqual(['sheet-1']);
    expect([...db.sheets.keys()]).toEqual(['sheet-2']);
    expect(openConflicts(db).map((c) => [c.scoresheetId, c.incoming.id])).toEqual([
      ['sheet-2', 'sheet-1'],
    ]);
    expect(dbDigest(dbWith([own], [scored]))).toBe(dbDigest(db));
  });

  it('drops an untouched draft made on the other laptop without a conflict', () => {
    const untouched = freshSheet({ id: 'sheet-2', deviceId: 'laptop-2' });
    const db = dbWith([scored]);
    expect(outcomes(importInto(db, [untouched]))).toEqual(['unchanged:olderVersion']);
    expect(db.conflicts.size).toBe(0);
    expect(outcomes(importInto(emptyDb(), [untouched, scored]))).toEqual([
      'unchanged:supersededInImport',
      'new',
    ]);
  });

  it('refuses a copy whose id already names another expert’s sheet', () => {
    const db = dbWith([scored]);
    const clash = { ...later, expertId: 'expert-2' };
    const plan = importInto(db, [clash]);
    expect(outcomes(plan)).toEqual(['refused:idBelongsToAnotherSheet']);
    expect(plan.counts.refused).toBe(1);
    expect(writeCount(plan)).toBe(0);
  });
});

describe('copies that say the same thing', () => {
  it('open no conflict when two laptops made the same change concurrently', () => {
    const same2 = edit(scored, two, { scores: { 'A1.1.1': 9 } });
    const db = dbWith([later]);
    const plan = importInto(db, [same2]);
    expect(plan.summary.map((s) => s.outcome)).toEqual(['updated']);
    expect(openConflicts(db)).toEqual([]);
    // The other copy is recorded as settled, so later imports treat both copies alike.
    expect([...db.conflicts.values()]).toMatchObject([{ incoming: later, resolution: 'local' }]);
    expect(dbDigest(dbWith([same2], [later]))).toBe(dbDigest(db));
  });
});

describe('three concurrent copies', () => {
  const submittedOnFour = edit(scored, laptop('laptop-4', T0 + 30_000), { status: 'submitted' });
  const copies = [onTwo, onThree, submittedOnFour];

  it('end with the same winner and the same kept copies in any import order', () => {
    const orders = [
      [0, 1, 2],
      [2, 0, 1],
      [1, 2, 0, 1],
    ];
    const digests = orders.map((order) =>
      dbDigest(dbWith(...order.map((i) => [copies[i] as Scoresheet]))),
    );
    expect(new Set(digests).size).toBe(1);
    const db = dbWith([onThree], [submittedOnFour], [onTwo]);
    expect(db.sheets.get('sheet-1')).toEqual(submittedOnFour);
    expect(
      openConflicts(db)
        .map((c) => c.incoming.overallComment)
        .sort(),
    ).toEqual(['运行良好', '需整改']);
    expect(openConflicts(db).every((c) => c.local === submittedOnFour)).toBe(true);
  });

  it('keeps the previous winner when a new one arrives and drops the record of a loser that wins', () => {
    const db = dbWith([onTwo], [onThree]);
    const first = importInto(db, [submittedOnFour], 'import-3');
    expect(first.newConflicts.map((c) => c.id)).toEqual([conflictId(onThree)]);
    expect(first.updatedConflicts.map((c) => c.id)).toEqual([conflictId(onTwo)]);
    // laptop-2 submits its copy later than laptop-4 did: it becomes the winner.
    const submittedOnTwo = edit(onTwo, two, { status: 'submitted' });
    const second = importInto(db, [submittedOnTwo], 'import-4');
    expect(outcomes(second)).toEqual(['conflict:wonConflict']);
    expect(second.conflictsToDelete).toEqual([conflictId(onTwo)]);
    expect(second.newConflicts.map((c) => c.incoming)).toEqual([submittedOnFour]);
    expect(db.sheets.get('sheet-1')).toEqual(submittedOnTwo);
    expect(openConflicts(db)).toHaveLength(2);
  });
});

describe('older data without version vectors', () => {
  const legacy = (sheet: Scoresheet): Scoresheet => {
    const { versions: _dropped, ...rest } = sheet;
    return rest;
  };

  it('orders copies from one laptop by revision and keeps copies from two laptops apart', () => {
    const db = dbWith([legacy(scored)]);
    expect(outcomes(importInto(db, [legacy(later)]))).toEqual(['updated']);
    expect(outcomes(importInto(db, [legacy(onTwo)]))).toEqual(['conflict:wonConflict']);
  });
});

describe('several sheets in one import', () => {
  it('reports each sheet and only touches the sheets it carries', () => {
    const otherExpert = edit(freshSheet({ id: 'sheet-e2', expertId: 'expert-2' }), one, {
      scores: { 'A1.1.1': 3 },
    });
    const db = dbWith([scored]);
    const plan = reconcileScoresheets([...db.sheets.values()], [otherExpert, later], [], {
      now: '2024-05-11T09:00:00.000Z',
      importId: 'import-2',
    });
    expect(plan.summary.map((s) => [s.sheetId, s.outcome])).toEqual([
      ['sheet-e2', 'new'],
      ['sheet-1', 'updated'],
    ]);
    expect(plan.counts).toEqual({ added: 1, updated: 1, unchanged: 0, conflicts: 0, refused: 0 });
  });
});
