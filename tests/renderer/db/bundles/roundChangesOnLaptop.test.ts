// A re-issued round bundle that carries a round change (轮次变更) on a panel laptop: the
// change is stored and listed in the preview, the replaced expert's started sheet stays on
// the laptop voided (作废) and locked, the expert's other sheets stay editable, importing the
// same bundle again changes nothing, and an undo recorded here is never taken back.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PingguDatabase } from '../../../../renderer/db/database';
import { commitImport } from '../../../../renderer/db/bundles/commitImport';
import { loadDashboardRecords } from '../../../../renderer/db/dashboardHooks';
import { prepareImport } from '../../../../renderer/db/bundles/prepareImport';
import { buildRoundBundlePayload } from '../../../../renderer/db/bundles/exports';
import { dataDigest, databaseDigest } from '../../../../renderer/db/bundles/digest';
import {
  createScoresheet,
  recuseScoresheet,
  saveScore,
  submitScoresheet,
} from '../../../../renderer/db/repositories/scoresheetRepository';
import type { Scoresheet } from '../../../../shared/domain/types';
import { testSheetDeps } from '../../../helpers/builders';
import {
  commitDeps,
  importBundle,
  keyOf,
  prepared,
  roundBundle,
  roundBundleFrom,
  SECRETARIAT_DEVICE,
  valueOf,
} from '../../../helpers/importBuilders';
import { scoreSheet } from '../../../helpers/panelWorkflow';
import {
  closeDay,
  newLaptop,
  replaceThirdExpert,
  voidedDay,
} from '../../../helpers/voidedBuilders';
import type { VoidedDay } from '../../../helpers/voidedBuilders';

const roundOnly = { prepare: { expectedKinds: ['round' as const] } };
const FIRST = '2024-05-12T08:00:00.000Z';
const REISSUED = '2024-05-13T08:00:00.000Z';

let day: VoidedDay;
let laptop: PingguDatabase;

beforeEach(async () => {
  day = await voidedDay();
  laptop = await newLaptop(day);
  await importBundle(
    laptop,
    await roundBundleFrom(day.secretariat, day.r, { createdAt: FIRST }),
    roundOnly,
  );
});

afterEach(() => closeDay(day));

/** A draft started here by `expertId` for the round's first base (A1), every indicator scored. */
async function startedSheet(expertId: string): Promise<Scoresheet> {
  const [a1] = day.r.bases;
  if (!a1) throw new Error('builder');
  const deps = testSheetDeps('laptop-1');
  const key = { roundId: day.r.round.id, expertId, baseId: a1.id };
  const sheet = valueOf(await createScoresheet(laptop, key, '专家', deps));
  return scoreSheet(laptop, sheet, deps, { submit: false });
}

describe('a re-issued round bundle with a change on a panel laptop', () => {
  it('lists the change, stores it, and keeps the replaced expert’s sheet voided and locked', async () => {
    const { r, e1, e3 } = day;
    const voidedSheet = await startedSheet(e3.id);
    const keptSheet = await startedSheet(e1.id);
    const { change, newcomer, added } = await replaceThirdExpert(day);
    const reissued = await roundBundleFrom(day.secretariat, r, { createdAt: REISSUED });

    const ready = await prepared(laptop, reissued, roundOnly.prepare);
    expect(ready.preview.unchanged).toBe(false);
    expect(ready.preview.roster?.changes).toEqual({
      items: [
        {
          id: change.id,
          kind: 'replaceExpert',
          at: '2024-05-13T02:00:00.000Z',
          actor: '秘书处 王芳',
          reason: '专家因病无法继续评审',
          expert: '陈静',
          replacement: '赵新',
          voids: 2,
          status: 'new',
        },
      ],
      voidedSheets: 1,
    });
    // Both of 陈静's assignments go, the started one too: the change, not a stale assignment,
    // says what its sheet is. 陈静 stays (still on the panel, and named by the sheet).
    expect(ready.preview.roster?.withdrawn).toEqual({
      bases: [],
      experts: [],
      assignments: 2,
      keptScored: 0,
    });
    const sheetsBefore = await databaseDigest(laptop, { tables: ['scoresheets'] });
    const result = await commitImport(laptop, ready, commitDeps());
    if (!result.ok) throw new Error(result.error.message);
    expect(result.result.message).toContain('轮次变更 1 项，作废评分表 1 张');

    expect(await laptop.roundChanges.toArray()).toEqual([change]);
    expect(await databaseDigest(laptop, { tables: ['scoresheets'] })).toBe(sheetsBefore);
    expect(await laptop.assignments.where('expertId').equals(e3.id).count()).toBe(0);
    expect((await laptop.assignments.where('expertId').equals(newcomer.id).toArray()).length).toBe(
      added.length,
    );
    expect((await laptop.experts.get(e3.id))?.name).toBe('陈静');
    // The chair's charts on the laptop read the stored records: the sheet is voided there too.
    const charts = await loadDashboardRecords(laptop, r.round.id);
    expect(charts?.voided.map((v) => v.sheet.id)).toEqual([voidedSheet.id]);
    expect(charts?.scoresheets.map((sheet) => sheet.id)).toEqual([keptSheet.id]);

    // Locked: no score, no submit, no recusal; one sentence naming the change; nothing written.
    const before = await dataDigest(laptop);
    const deps = testSheetDeps('laptop-1');
    const [indicator] = Object.keys(voidedSheet.scores);
    const edit = await saveScore(laptop, voidedSheet.id, indicator ?? '', 1, e3.name, deps);
    expect(edit.ok).toBe(false);
    if (!edit.ok) {
      expect(edit.error.code).toBe('locked');
      expect(edit.error.message).toBe(
        '此评分表已作废（替换专家：专家因病无法继续评审），评分保留可查看，但不能修改、提交或撤回。',
      );
    }
    expect((await submitScoresheet(laptop, voidedSheet.id, e3.name, deps)).ok).toBe(false);
    const key = { roundId: r.round.id, expertId: e3.id, baseId: voidedSheet.baseId };
    expect((await recuseScoresheet(laptop, key, '回避', e3.name, deps)).ok).toBe(false);
    expect(await dataDigest(laptop)).toBe(before);
    expect(await laptop.scoresheets.get(voidedSheet.id)).toEqual(voidedSheet);
    // 张伟's sheet of the same base is as editable as before.
    expect((await saveScore(laptop, keptSheet.id, indicator ?? '', 1, e1.name, deps)).ok).toBe(
      true,
    );
  });

  it('changes nothing when the same re-issued bundle is imported again', async () => {
    await startedSheet(day.e3.id);
    await replaceThirdExpert(day);
    const reissued = await roundBundleFrom(day.secretariat, day.r, { createdAt: REISSUED });
    await importBundle(laptop, reissued, roundOnly);
    const before = await dataDigest(laptop);

    const again = await prepared(laptop, reissued, roundOnly.prepare);
    expect(again.preview.unchanged).toBe(true);
    expect(again.preview.roster?.changes.items.map((c) => c.status)).toEqual(['unchanged']);
    expect(again.preview.roster?.changes.voidedSheets).toBe(1);
    const result = await commitImport(laptop, again, commitDeps());
    expect(result.ok && result.result.changed).toBe(false);
    expect(await dataDigest(laptop)).toBe(before);
  });

  it('keeps a change undone when a later bundle brings a copy written before the undo', async () => {
    const { r, secretariat, e3 } = day;
    const sheet = await startedSheet(e3.id);
    const { change, added } = await replaceThirdExpert(day);
    await importBundle(
      laptop,
      await roundBundleFrom(secretariat, r, { createdAt: REISSUED }),
      roundOnly,
    );
    // The secretariat undoes the replacement: 陈静's assignments come back.
    const undone = {
      ...change,
      undone: { at: '2024-05-14T01:00:00.000Z', actor: '秘书处 王芳', reason: '专家已康复' },
    };
    await secretariat.transaction('rw', secretariat.tables, async () => {
      await secretariat.assignments.bulkDelete(added.map((a) => a.id));
      await secretariat.assignments.bulkAdd(change.before ?? []);
      await secretariat.roundChanges.put(undone);
    });
    const third = await prepared(
      laptop,
      await roundBundleFrom(secretariat, r, { createdAt: '2024-05-14T08:00:00.000Z' }),
      roundOnly.prepare,
    );
    expect(third.preview.roster?.changes.items).toMatchObject([
      { id: change.id, status: 'changed', undone: undone.undone },
    ]);
    expect(third.preview.roster?.changes.voidedSheets).toBe(0);
    expect((await commitImport(laptop, third, commitDeps())).ok).toBe(true);
    expect(await laptop.roundChanges.get(change.id)).toEqual(undone);
    // The sheet counts and can be edited again.
    const [indicator] = Object.keys(sheet.scores);
    const deps = testSheetDeps('laptop-1');
    expect((await saveScore(laptop, sheet.id, indicator ?? '', 1, e3.name, deps)).ok).toBe(true);

    // A newer file whose copy of the change lacks the undo never brings the change back.
    const payload = valueOf(await buildRoundBundlePayload(secretariat, r.round.id, r.panel.id));
    const stale = { ...payload, changes: payload.changes.map(() => change) };
    const bytes = await roundBundle(stale, {
      signer: await keyOf('secretariat'),
      deviceId: SECRETARIAT_DEVICE,
      roundId: r.round.id,
      panelId: r.panel.id,
      createdAt: '2024-05-15T08:00:00.000Z',
    });
    const fourth = await prepared(laptop, bytes, roundOnly.prepare);
    expect(fourth.preview.roster?.changes.items).toMatchObject([
      { id: change.id, status: 'unchanged', undone: undone.undone },
    ]);
    expect((await commitImport(laptop, fourth, commitDeps())).ok).toBe(true);
    expect(await laptop.roundChanges.get(change.id)).toEqual(undone);
  });

  it('refuses a change whose id names a change of another round here, and writes nothing', async () => {
    const { r, secretariat } = day;
    const { change } = await replaceThirdExpert(day);
    await laptop.roundChanges.put({ ...change, roundId: 'another-round' });
    const before = await dataDigest(laptop);
    const reissued = await roundBundleFrom(secretariat, r, { createdAt: REISSUED });
    const result = await prepareImport(laptop, reissued, 'round.pgb', {
      crypto: globalThis.crypto,
      expectedKinds: ['round'],
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('idCollision');
    expect(await dataDigest(laptop)).toBe(before);
  });
});
