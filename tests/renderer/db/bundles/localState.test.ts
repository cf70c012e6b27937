// The import reads only the stored sheets a score bundle touches, so importing the hundredth
// bundle of a round costs what importing the first did (bench: import_vs_floor, scaling_16x).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PingguDatabase } from '../../../../renderer/db/database';
import { readScoresState } from '../../../../renderer/db/bundles/localState';
import type { Scoresheet } from '../../../../shared/domain/types';
import { openTestDatabase } from '../../../helpers/db';
import { draftSheet } from '../../../helpers/scoresheetBuilders';

const sheet = (id: string, roundId: string, expertId: string, baseId: string): Scoresheet => ({
  ...draftSheet(),
  id,
  roundId,
  expertId,
  baseId,
});

describe('the local state of a score import', () => {
  let db: PingguDatabase;
  beforeEach(async () => {
    db = await openTestDatabase();
    await db.scoresheets.bulkPut([
      sheet('s-a1', 'round-1', 'expert-a', 'base-1'),
      sheet('s-a1-other-laptop', 'round-1', 'expert-a', 'base-1'),
      sheet('s-a2', 'round-1', 'expert-a', 'base-2'),
      sheet('s-b1', 'round-1', 'expert-b', 'base-1'),
      sheet('s-old-round', 'round-0', 'expert-c', 'base-9'),
    ]);
  });
  afterEach(() => db.close());

  it('reads every copy of the incoming pairs and any sheet under an incoming id, nothing else', async () => {
    const state = await readScoresState(
      db,
      'round-1',
      ['s-new', 's-old-round'],
      [['expert-a', 'base-1']],
    );
    expect(state.sheets.map((s) => s.id).sort()).toEqual([
      's-a1',
      's-a1-other-laptop',
      's-old-round',
    ]);
  });

  it('reads no sheet for a bundle without sheets', async () => {
    expect((await readScoresState(db, 'round-1', [], [])).sheets).toEqual([]);
  });
});
