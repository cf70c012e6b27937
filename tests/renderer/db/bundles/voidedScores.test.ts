// A late score bundle at the secretariat: a sheet for a pair a standing round change voids is
// imported as voided (stored, never counted) instead of refused, the preview counts and lists
// it, the results do not move, and a sheet of a pair never assigned is still refused. The
// department's archive of the result bundle keeps the change, so it shows the voided sheet.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PingguDatabase } from '../../../../renderer/db/database';
import { commitImport } from '../../../../renderer/db/bundles/commitImport';
import {
  buildResultBundlePayload,
  buildScoresBundlePayload,
} from '../../../../renderer/db/bundles/exports';
import { dataDigest } from '../../../../renderer/db/bundles/digest';
import { loadResultsRecords } from '../../../../renderer/db/resultsHooks';
import { computeRoundResults } from '../../../../shared/domain/results';
import { listAuditOfEntity } from '../../../../renderer/db/queries';
import { createScoresheet } from '../../../../renderer/db/repositories/scoresheetRepository';
import { scoreSheet } from '../../../helpers/panelWorkflow';
import { testSheetDeps } from '../../../helpers/builders';
import {
  commitDeps,
  importBundle,
  keyOf,
  prepared,
  resultBundle,
  roundBundleFrom,
  scoresBundle,
  SECRETARIAT_DEVICE,
  valueOf,
} from '../../../helpers/importBuilders';
import {
  closeDay,
  newLaptop,
  replaceThirdExpert,
  voidedDay,
} from '../../../helpers/voidedBuilders';
import type { VoidedDay } from '../../../helpers/voidedBuilders';

const scoresOnly = { expectedKinds: ['scores' as const] };
const accept = { commit: { acceptNewKey: true } };

let day: VoidedDay;

beforeEach(async () => {
  day = await voidedDay();
});

afterEach(() => closeDay(day));

/** The A1 base's aggregate and valid sheets at the secretariat, as the results tab reads them. */
async function a1Result(db: PingguDatabase) {
  const { r } = day;
  const records = await loadResultsRecords(db, r.round.id);
  const round = await db.rounds.get(r.round.id);
  if (!round) throw new Error('no round');
  const result = computeRoundResults(round, records.bases, records.scoresheets).find(
    (b) => b.base.id === r.bases[0]?.id,
  );
  return { aggregate: result?.aggregate, sheets: result?.sheets, voided: records.voided.length };
}

/**
 * Only the A1 base is scored: 张伟 gives every indicator its maximum (100), 刘洋 half of it
 * (50), both on laptop 1; 陈静 scores the maximum (100) on laptop 2, whose bundle arrives
 * after the secretariat replaced 陈静. B4 is assigned but not scored.
 */
async function scoredDay() {
  const { r, secretariat, e1, e2, e3 } = day;
  const [a1] = r.bases;
  if (!a1) throw new Error('builder');
  const round = await roundBundleFrom(secretariat, r);
  const [laptop1, laptop2] = [await newLaptop(day), await newLaptop(day)];
  for (const laptop of [laptop1, laptop2]) {
    await importBundle(laptop, round, { prepare: { expectedKinds: ['round'] } });
  }
  const score = async (
    laptop: PingguDatabase,
    expertId: string,
    points: (max: number) => number,
  ) => {
    const deps = testSheetDeps(laptop === laptop1 ? 'laptop-1' : 'laptop-2');
    const key = { roundId: r.round.id, expertId, baseId: a1.id };
    await scoreSheet(laptop, valueOf(await createScoresheet(laptop, key, '专家', deps)), deps, {
      points,
    });
  };
  await score(laptop1, e1.id, (max) => max);
  await score(laptop1, e2.id, (max) => max / 2);
  await score(laptop2, e3.id, (max) => max);
  const bundleOf = async (laptop: PingguDatabase, deviceId: string, expertIds: string[]) => {
    const payload = valueOf(
      await buildScoresBundlePayload(laptop, r.round.id, r.panel.id, expertIds),
    );
    return { payload, deviceId };
  };
  return {
    first: await bundleOf(laptop1, 'laptop-1', [e1.id, e2.id]),
    late: await bundleOf(laptop2, 'laptop-2', [e3.id]),
  };
}

const sign = async (
  { payload, deviceId }: Awaited<ReturnType<typeof scoredDay>>['first'],
  roundId: string,
  panelId: string,
) => scoresBundle(payload, { signer: await keyOf(deviceId), deviceId, roundId, panelId });

describe('a late score bundle for a voided assignment at the secretariat', () => {
  it('imports the sheet as voided, says so, and leaves the results as they were', async () => {
    const { r, secretariat, e2 } = day;
    const { first, late } = await scoredDay();
    const ids = [r.round.id, r.panel.id] as const;
    await importBundle(secretariat, await sign(first, ...ids), accept);
    // Mean of 100 (张伟) and 50 (刘洋): 75, on 2 sheets.
    expect(await a1Result(secretariat)).toEqual({ aggregate: 75, sheets: 2, voided: 0 });

    const { change } = await replaceThirdExpert(day);
    const [lateSheet] = late.payload.scoresheets;
    const [, b4] = r.bases;
    if (!lateSheet || !b4) throw new Error('builder');
    // The file also carries a sheet for 刘洋 × B4, a pair the secretariat never assigned.
    await secretariat.assignments
      .where('expertId')
      .equals(e2.id)
      .filter((a) => a.baseId === b4.id)
      .delete();
    const stray = { ...lateSheet, id: 'sheet-never-assigned', expertId: e2.id, baseId: b4.id };
    const withStray = { ...late, payload: { ...late.payload, scoresheets: [lateSheet, stray] } };
    const bytes = await sign(withStray, ...ids);

    const ready = await prepared(secretariat, bytes, scoresOnly);
    const sheets = ready.preview.sheets;
    expect(sheets?.voided).toEqual({ sheets: 1, reasons: ['专家因病无法继续评审'] });
    expect(sheets?.counts).toEqual({
      added: 1,
      updated: 0,
      unchanged: 0,
      conflicts: 0,
      refused: 1,
    });
    const rows = sheets?.byBase.flatMap((g) => g.sheets) ?? [];
    expect(rows.find((row) => row.sheetId === lateSheet.id)).toMatchObject({
      expertName: '陈静',
      outcome: 'new',
      voided: { id: change.id, kind: 'replaceExpert', reason: '专家因病无法继续评审' },
    });
    expect(rows.find((row) => row.sheetId === stray.id)).toMatchObject({
      outcome: 'refused',
      reason: 'notAssigned',
    });
    expect(rows.find((row) => row.sheetId === stray.id)?.voided).toBeUndefined();

    const result = await commitImport(secretariat, ready, commitDeps({ acceptNewKey: true }));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.result.message).toContain(
      '其中作废 1 张（专家因病无法继续评审），已保存，不计入任何统计。',
    );
    expect(await secretariat.scoresheets.get(lateSheet.id)).toEqual(lateSheet);
    expect(await secretariat.scoresheets.get(stray.id)).toBeUndefined();
    const audit = await listAuditOfEntity(secretariat, lateSheet.id);
    expect(audit.map((e) => e.detail).join('\n')).toContain(
      '作废，不计入统计：专家因病无法继续评审',
    );
    // Still 75 on 2 sheets; 陈静's 100 would have made it (100 + 50 + 100) / 3.
    expect(await a1Result(secretariat)).toEqual({ aggregate: 75, sheets: 2, voided: 1 });

    // The same file again changes nothing.
    const before = await dataDigest(secretariat);
    const again = await prepared(secretariat, bytes, scoresOnly);
    expect(again.preview.unchanged).toBe(true);
    expect(again.preview.sheets?.voided.sheets).toBe(1);
    await commitImport(secretariat, again, commitDeps());
    expect(await dataDigest(secretariat)).toBe(before);
  });

  it('still refuses a never-assigned pair’s sheet when the round has no change at all', async () => {
    const { r, secretariat, e3 } = day;
    const { late } = await scoredDay();
    await secretariat.assignments.where('expertId').equals(e3.id).delete();
    const ready = await prepared(secretariat, await sign(late, r.round.id, r.panel.id), scoresOnly);
    expect(ready.preview.sheets?.voided).toEqual({ sheets: 0, reasons: [] });
    expect(ready.preview.sheets?.counts.refused).toBe(1);
    expect(ready.preview.sheets?.byBase[0]?.sheets[0]).toMatchObject({
      outcome: 'refused',
      reason: 'notAssigned',
    });
  });

  it('keeps the changes in the department’s archive, so its voided sheet stays voided', async () => {
    const { r, secretariat } = day;
    const { first, late } = await scoredDay();
    await importBundle(secretariat, await sign(first, r.round.id, r.panel.id), accept);
    const { change } = await replaceThirdExpert(day);
    await importBundle(secretariat, await sign(late, r.round.id, r.panel.id), accept);
    const payload = valueOf(await buildResultBundlePayload(secretariat, r.round.id));
    const bytes = await resultBundle(payload, {
      signer: await keyOf('secretariat'),
      deviceId: SECRETARIAT_DEVICE,
      roundId: r.round.id,
    });
    const department = await newLaptop(day);

    const ready = await prepared(department, bytes, { expectedKinds: ['result'] });
    expect(ready.preview.archive?.action).toBe('new');
    expect(ready.preview.roster?.changes.items).toMatchObject([
      { id: change.id, kind: 'replaceExpert', expert: '陈静', replacement: '赵新', status: 'new' },
    ]);
    expect(ready.preview.roster?.changes.voidedSheets).toBe(1);
    expect((await commitImport(department, ready, commitDeps())).ok).toBe(true);
    expect(await department.roundChanges.toArray()).toEqual([change]);
    expect(await a1Result(department)).toEqual({ aggregate: 75, sheets: 2, voided: 1 });
  });
});
