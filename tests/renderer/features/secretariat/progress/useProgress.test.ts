// The 进度 tab's one live query: read from the database in one snapshot, it gives the counts
// the reference (written from the README's definitions) gives for the same records, and
// the names the views show.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PingguDatabase } from '../../../../../renderer/db/database';
import { loadProgress } from '../../../../../renderer/features/secretariat/progress/useProgress';
import { buildRoundRecords, buildScoresheet, TEST_TIME } from '../../../../helpers/builders';
import { referenceCounts } from '../../../../helpers/completenessReference';
import { openTestDatabase } from '../../../../helpers/db';
import { secretariatDatabase } from '../../../../helpers/importBuilders';

let db: PingguDatabase;

beforeEach(async () => {
  db = await openTestDatabase();
});

afterEach(async () => {
  await db.delete();
});

describe('the progress query', () => {
  it('counts what the reference counts: 6 expected, 2 submitted, 1 draft, 3 not started', async () => {
    const r = await secretariatDatabase(db, buildRoundRecords({ status: 'issued' }));
    const [jia, yi] = r.bases;
    const [first, second] = r.experts;
    if (!jia || !yi || !first || !second) throw new Error('builder returned too few records');
    const submitted = { status: 'submitted' as const, submittedAt: TEST_TIME };
    const sheets = [
      buildScoresheet(jia, first, submitted),
      buildScoresheet(yi, first, submitted),
      buildScoresheet(jia, second, { scores: { 'A1-1-1': 3 } }),
    ];
    await db.scoresheets.bulkAdd(sheets);

    const progress = await loadProgress(db, r.round.id);
    const records = { panels: [r.panel], experts: r.experts, assignments: r.assignments };
    expect(referenceCounts({ ...records, scoresheets: sheets })).toEqual({
      expected: 6,
      submitted: 2,
      recused: 0,
      draft: 1,
      missing: 3,
    });
    expect(progress.completeness.counts).toMatchObject({
      expected: 6,
      submitted: 2,
      draft: 1,
      missing: 3,
      done: 2,
      outstanding: 4,
      percent: 33,
    });
    expect(progress.completeness.panels.map((p) => p.panel.id)).toEqual([r.panel.id]);
    expect(progress.baseNames.get(jia.id)).toBe(jia.name);
    expect(progress.expertNames.get(second.id)).toBe(second.name);
  });

  it('sees nothing of another round', async () => {
    const r = await secretariatDatabase(db, buildRoundRecords({ status: 'issued' }));
    await secretariatDatabase(db, buildRoundRecords({ status: 'issued' }));
    const progress = await loadProgress(db, r.round.id);
    expect(progress.completeness.counts.expected).toBe(r.assignments.length);
    expect(progress.baseNames.size).toBe(r.bases.length);
  });
});
