// The import reads only the stored sheets a score bundle touches, so importing the hundredth
// bundle of a round costs what importing the first did (bench: import_vs_floor, scaling_16x).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PingguDatabase } from '../../../../renderer/db/database';
import { readScoresState } from '../../../../renderer/db/bundles/localState';
import type { ScoresQuery } from '../../../../renderer/db/bundles/localState';
import type { Scoresheet } from '../../../../shared/domain/types';
import { buildBase, buildExpert, buildPanel } from '../../../helpers/builders';
import { openTestDatabase } from '../../../helpers/db';
import { draftSheet } from '../../../helpers/scoresheetBuilders';

const sheet = (id: string, roundId: string, expertId: string, baseId: string): Scoresheet => ({
  ...draftSheet(),
  id,
  roundId,
  expertId,
  baseId,
});

const nothing: ScoresQuery = {
  roundId: 'round-1',
  panelId: 'panel-1',
  sheetIds: [],
  pairs: [],
  auditEntityIds: [],
};

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
    const state = await readScoresState(db, {
      ...nothing,
      sheetIds: ['s-new', 's-old-round'],
      pairs: [['expert-a', 'base-1']],
    });
    expect(state.sheets.map((s) => s.id).sort()).toEqual([
      's-a1',
      's-a1-other-laptop',
      's-old-round',
    ]);
  });

  it('reads no sheet for a bundle without sheets', async () => {
    expect((await readScoresState(db, nothing)).sheets).toEqual([]);
  });

  it('reads the named bases, experts and panel of the round only, not those of another round', async () => {
    await db.bases.bulkPut([
      buildBase('round-1', { id: 'base-1' }),
      buildBase('round-1', { id: 'base-2' }),
      buildBase('round-0', { id: 'base-9' }),
    ]);
    await db.experts.bulkPut([
      buildExpert('round-1', 'panel-1', { id: 'expert-a' }),
      buildExpert('round-0', 'panel-0', { id: 'expert-c' }),
    ]);
    await db.panels.bulkPut([buildPanel('round-1', { id: 'panel-1' })]);
    const state = await readScoresState(db, {
      ...nothing,
      pairs: [
        ['expert-a', 'base-1'],
        ['expert-c', 'base-9'],
      ],
    });
    expect(state.bases.map((b) => b.id)).toEqual(['base-1']);
    expect(state.experts.map((e) => e.id)).toEqual(['expert-a']);
    expect(state.panels.map((p) => p.id)).toEqual(['panel-1']);
    const elsewhere = await readScoresState(db, { ...nothing, roundId: 'round-0' });
    expect(elsewhere.panels).toEqual([]);
  });

  it('reads the stored audit entries of the sheets the bundle brings entries for', async () => {
    const entry = (entityId: string) => ({
      at: '2024-06-01T08:00:00.000Z',
      roundId: 'round-1',
      action: 'scoresheet.update' as const,
      entityId,
      actor: '张三',
      detail: '保存',
    });
    await db.auditLog.bulkAdd([entry('s-a1'), entry('s-a1'), entry('s-a2')]);
    const state = await readScoresState(db, { ...nothing, auditEntityIds: ['s-a1', 's-a1'] });
    expect(state.audit.map((e) => e.entityId)).toEqual(['s-a1', 's-a1']);
  });

  it("reads a base or expert of the bundle found under another panel, or none, by id, in the bundle's order", async () => {
    await db.bases.bulkPut([
      buildBase('round-1', { id: 'base-1', panelId: 'panel-1' }),
      buildBase('round-1', { id: 'base-2', panelId: 'panel-1' }),
      // Moved to panel 2 since the bundle was made; base-4 has no panel at all.
      buildBase('round-1', { id: 'base-3', panelId: 'panel-2' }),
      buildBase('round-1', { id: 'base-4' }),
      // Of panel 1 but not named by the bundle: not read into the state.
      buildBase('round-1', { id: 'base-5', panelId: 'panel-1' }),
    ]);
    await db.experts.bulkPut([
      buildExpert('round-1', 'panel-1', { id: 'expert-a' }),
      buildExpert('round-1', 'panel-2', { id: 'expert-b' }),
      buildExpert('round-1', 'panel-1', { id: 'expert-z' }),
    ]);
    const state = await readScoresState(db, {
      ...nothing,
      pairs: [
        ['expert-b', 'base-4'],
        ['expert-a', 'base-3'],
        ['expert-a', 'base-1'],
        ['expert-x', 'base-2'],
        ['expert-b', 'base-8'],
      ],
    });
    expect(state.bases.map((b) => b.id)).toEqual(['base-4', 'base-3', 'base-1', 'base-2']);
    expect(state.experts.map((e) => e.id)).toEqual(['expert-b', 'expert-a']);
  });

  it('skips the sheets of bases a batch found holding none, and still reads those by id', async () => {
    const state = await readScoresState(
      db,
      {
        ...nothing,
        sheetIds: ['s-a2'],
        pairs: [
          ['expert-a', 'base-1'],
          ['expert-a', 'base-2'],
        ],
      },
      // The batch's snapshot said only base-2 holds sheets (base-1's were written since).
      { sheetBaseIds: new Set(['base-2']) },
    );
    expect(state.sheets.map((s) => s.id).sort()).toEqual(['s-a2']);
  });
});
