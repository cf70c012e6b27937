// The home page's 全部评估轮次: every round on this computer, archived or not, newest year
// first, each with its number of bases.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PingguDatabase } from '../../../renderer/db/database';
import { listRoundSummaries } from '../../../renderer/db/roundListHooks';
import { buildBase, buildRound, TEST_TIME } from '../../helpers/builders';
import { openTestDatabase } from '../../helpers/db';

let db: PingguDatabase;

beforeEach(async () => {
  db = await openTestDatabase();
});

afterEach(async () => {
  await db.delete();
});

describe('listRoundSummaries', () => {
  it('lists every round, archived ones included, newest year first with its bases', async () => {
    const archived = buildRound({
      name: '2023年度定期评估',
      year: 2023,
      status: 'closed',
      archive: {
        importedAt: TEST_TIME,
        fingerprint: 'ABCD-EF01-2345-6789',
        fileName: '2023年度结果.pgb',
        bundleCreatedAt: TEST_TIME,
      },
    });
    const open = buildRound({ name: '2025年度定期评估', year: 2025 });
    const empty = buildRound({ name: '2024年度复评', year: 2024 });
    await db.rounds.bulkAdd([archived, open, empty]);
    await db.bases.bulkAdd([
      buildBase(archived.id),
      buildBase(archived.id),
      buildBase(archived.id),
      buildBase(open.id),
    ]);
    const summaries = await listRoundSummaries(db);
    expect(summaries.map((s) => [s.round.name, s.bases, s.round.archive !== undefined])).toEqual([
      ['2025年度定期评估', 1, false],
      ['2024年度复评', 0, false],
      ['2023年度定期评估', 3, true],
    ]);
  });

  it('is empty on a fresh laptop', async () => {
    expect(await listRoundSummaries(db)).toEqual([]);
  });
});
