// Score bundles at the secretariat: the preview per base and per expert, sheets refused for a
// base or expert that is not the panel's, concurrent edits kept as conflicts, submitted
// sheets never reverted, and a repeated import that changes nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PingguDatabase } from '../../../../renderer/db/database';
import { commitImport } from '../../../../renderer/db/bundles/commitImport';
import { dataDigest } from '../../../../renderer/db/bundles/digest';
import { buildScoresBundlePayload } from '../../../../renderer/db/bundles/exports';
import { listAuditOfEntity, listOpenConflicts } from '../../../../renderer/db/queries';
import {
  buildBase,
  buildExpert,
  buildPanel,
  buildScoresheet,
  TEST_TIME,
  testSheetDeps,
} from '../../../helpers/builders';
import type { RoundRecords } from '../../../helpers/builders';
import { openTestDatabase } from '../../../helpers/db';
import {
  confirmingDeps,
  importBundle,
  keyOf,
  prepared,
  roundBundleFrom,
  scoresBundle,
  scoresBundleFrom,
  secretariatDatabase,
  valueOf,
} from '../../../helpers/importBuilders';
import { scoreEverySheet, scoreSheet } from '../../../helpers/panelWorkflow';

let secretariat: PingguDatabase;
let laptopA: PingguDatabase;
let laptopB: PingguDatabase;
let r: RoundRecords;

beforeEach(async () => {
  [secretariat, laptopA, laptopB] = await Promise.all([
    openTestDatabase(),
    openTestDatabase(),
    openTestDatabase(),
  ]);
  r = await secretariatDatabase(secretariat);
  const bytes = await roundBundleFrom(secretariat, r);
  await importBundle(laptopA, bytes);
  await importBundle(laptopB, bytes);
});

afterEach(async () => {
  await Promise.all([secretariat.delete(), laptopA.delete(), laptopB.delete()]);
});

const scoresOnly = (roundId: string) => ({ expectedKinds: ['scores' as const], roundId });

describe('importing score bundles at the secretariat', () => {
  it('changes nothing when the same score bundle is imported again, and says so', async () => {
    await scoreEverySheet(laptopA, r.round.id, testSheetDeps('laptop-1'));
    const bytes = await scoresBundleFrom(laptopA, r);
    await importBundle(secretariat, bytes, { prepare: scoresOnly(r.round.id) });
    const before = await dataDigest(secretariat);

    const again = await prepared(secretariat, bytes, scoresOnly(r.round.id));
    expect(again.preview.unchanged).toBe(true);
    expect(again.preview.sheets?.counts).toMatchObject({ added: 0, unchanged: 6 });
    const result = await commitImport(secretariat, again, confirmingDeps(again));
    if (!result.ok) throw new Error(result.error.messageEn);
    expect(result.result.changed).toBe(false);
    expect(result.result.sheets?.every((s) => s.outcome === 'unchanged')).toBe(true);
    expect(result.result.message).toContain('没有任何更改');
    expect(await dataDigest(secretariat)).toBe(before);
  });

  it('refuses sheets for an unknown base or expert, or an expert of another panel, and imports the rest', async () => {
    const other = buildPanel(r.round.id, { name: '大连二组' });
    const outsider = buildExpert(r.round.id, other.id, { name: '孙外组' });
    await secretariat.panels.add(other);
    await secretariat.experts.add(outsider);
    const [base] = r.bases;
    const [expert] = r.experts;
    if (!base || !expert) throw new Error('no records');
    const sheets = [
      buildScoresheet(base, expert, { overallComment: '正常' }),
      buildScoresheet(base, outsider),
      buildScoresheet({ ...base, id: 'base-unknown' }, expert),
      buildScoresheet(base, { ...expert, id: 'expert-unknown' }),
    ];
    const bytes = await scoresBundle(
      { scoresheets: sheets, audit: [] },
      {
        signer: await keyOf('laptop-1'),
        deviceId: 'laptop-1',
        roundId: r.round.id,
        panelId: r.panel.id,
      },
    );
    const ready = await prepared(secretariat, bytes, scoresOnly(r.round.id));
    const rows = ready.preview.sheets?.byBase.flatMap((g) => g.sheets) ?? [];
    expect(rows.map((row) => [row.sheetId, row.outcome, row.reason]).sort()).toEqual(
      [
        [sheets[0]?.id, 'new', undefined],
        [sheets[1]?.id, 'refused', 'otherPanel'],
        [sheets[2]?.id, 'refused', 'unknownBase'],
        [sheets[3]?.id, 'refused', 'unknownExpert'],
      ].sort(),
    );
    expect(ready.preview.sheets?.byExpert.map((g) => g.name)).toContain('孙外组');
    const result = await commitImport(secretariat, ready, confirmingDeps(ready));
    expect(result.ok && result.result.counts).toMatchObject({ added: 1, refused: 3 });
    expect(await secretariat.scoresheets.count()).toBe(1);
  });

  it('refuses a sheet of a pair never assigned and a scored sheet of a recused pair, but takes the recusal', async () => {
    const [base, second] = r.bases;
    const [expert, colleague] = r.experts;
    if (!base || !second || !expert || !colleague) throw new Error('no records');
    // A base of the panel that no expert was assigned, and a recusal declared after issue.
    const unassigned = buildBase(r.round.id, { panelId: r.panel.id, code: 'LN-A1-999' });
    await secretariat.bases.add(unassigned);
    const recusal = {
      reason: '本人学生任该实验室主任',
      source: 'secretariat' as const,
      at: TEST_TIME,
    };
    const pair = await secretariat.assignments
      .where('[roundId+expertId]')
      .equals([r.round.id, colleague.id])
      .filter((a) => a.baseId === second.id)
      .first();
    if (!pair) throw new Error('no assignment');
    await secretariat.assignments.put({ ...pair, recusal });
    const sheets = [
      buildScoresheet(base, expert),
      buildScoresheet(unassigned, expert),
      buildScoresheet(second, colleague),
      buildScoresheet(second, expert, { recusal }),
    ];
    const bytes = await scoresBundle(
      { scoresheets: sheets, audit: [] },
      {
        signer: await keyOf('laptop-1'),
        deviceId: 'laptop-1',
        roundId: r.round.id,
        panelId: r.panel.id,
      },
    );
    const ready = await prepared(secretariat, bytes, scoresOnly(r.round.id));
    const rows = ready.preview.sheets?.byBase.flatMap((g) => g.sheets) ?? [];
    expect(rows.map((row) => [row.sheetId, row.outcome, row.reason]).sort()).toEqual(
      [
        [sheets[0]?.id, 'new', undefined],
        [sheets[1]?.id, 'refused', 'notAssigned'],
        [sheets[2]?.id, 'refused', 'recusedPair'],
        [sheets[3]?.id, 'new', undefined],
      ].sort(),
    );
    const result = await commitImport(secretariat, ready, confirmingDeps(ready));
    expect(result.ok && result.result.counts).toMatchObject({ added: 2, refused: 2 });
    expect((await secretariat.scoresheets.toArray()).map((s) => s.id).sort()).toEqual(
      [sheets[0]?.id, sheets[3]?.id].sort(),
    );
  });

  it('keeps concurrent edits of one sheet from two laptops as an open conflict', async () => {
    const [base] = r.bases;
    const [expert] = r.experts;
    if (!base || !expert) throw new Error('no records');
    const start = buildScoresheet(base, expert, { versions: {} });
    await laptopA.scoresheets.add(start);
    await laptopB.scoresheets.add(start);
    await scoreSheet(laptopA, start, testSheetDeps('laptop-1'), { submit: false });
    await scoreSheet(laptopB, start, testSheetDeps('laptop-2'), {
      submit: false,
      points: (max) => max,
    });
    await importBundle(secretariat, await scoresBundleFrom(laptopA, r, { expertIds: [expert.id] }));
    const fromB = await scoresBundleFrom(laptopB, r, {
      deviceId: 'laptop-2',
      expertIds: [expert.id],
    });
    const ready = await prepared(secretariat, fromB, scoresOnly(r.round.id));
    expect(ready.preview.sheets?.counts.conflicts).toBe(1);
    expect(ready.preview.sheets?.writes.openConflicts).toBe(1);
    await commitImport(secretariat, ready, confirmingDeps(ready));

    const [conflict, ...more] = await listOpenConflicts(secretariat, r.round.id);
    expect(more).toEqual([]);
    const stored = await secretariat.scoresheets.toArray();
    expect(stored).toHaveLength(1);
    const copies = [conflict?.local, conflict?.incoming].map((s) => s?.deviceId).sort();
    expect(copies).toEqual(['laptop-1', 'laptop-2']);
    const audit = await listAuditOfEntity(secretariat, start.id);
    expect(audit.some((e) => e.detail?.includes('发现并行修改'))).toBe(true);
  });

  it('never reverts a submitted sheet to the draft an older bundle carries', async () => {
    const deps = testSheetDeps('laptop-1');
    const [draft] = await scoreEverySheet(laptopA, r.round.id, deps, { submit: false });
    if (!draft) throw new Error('no sheet');
    const older = await scoresBundleFrom(laptopA, r);
    await scoreSheet(laptopA, draft, deps);
    const newer = await scoresBundleFrom(laptopA, r);
    const payload = valueOf(await buildScoresBundlePayload(laptopA, r.round.id, r.panel.id));
    expect(payload.scoresheets.find((s) => s.id === draft.id)?.status).toBe('submitted');

    await importBundle(secretariat, newer);
    const ready = await prepared(secretariat, older, scoresOnly(r.round.id));
    const row = ready.preview.sheets?.byBase
      .flatMap((g) => g.sheets)
      .find((s) => s.sheetId === draft.id);
    expect(row).toMatchObject({ outcome: 'unchanged', reason: 'olderVersion' });
    await commitImport(secretariat, ready, confirmingDeps(ready));
    expect((await secretariat.scoresheets.get(draft.id))?.status).toBe('submitted');
  });
});
