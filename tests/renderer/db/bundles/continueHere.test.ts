// 在本机继续 against real databases (fake-indexeddb) and real bundles: a fresh laptop takes
// over the lost laptop's sheets from its score bundle or backup, keeps their history, edits
// them as its own, and refuses what does not fit with one sentence, changing nothing.
import { afterEach, describe, expect, it } from 'vitest';
import type { PingguDatabase } from '../../../../renderer/db/database';
import { exportBackupPayload } from '../../../../renderer/db/bundles/backup';
import { commitContinue, prepareContinue } from '../../../../renderer/db/bundles/continueHere';
import type { PreparedContinue } from '../../../../renderer/db/bundles/continueHere';
import { databaseDigest } from '../../../../renderer/db/bundles/digest';
import { saveScore } from '../../../../renderer/db/repositories/scoresheetRepository';
import { publicKeyFingerprint } from '../../../../shared/bundle/bundleCrypto';
import { secondaryIndicators } from '../../../../shared/domain/templates';
import { builtinTemplateForType } from '../../../../shared/domain/templates';
import type { Scoresheet } from '../../../../shared/domain/types';
import { compareVersions } from '../../../../shared/sync/versions';
import { buildRoundRecords, testSheetDeps } from '../../../helpers/builders';
import { FRESH_DEVICE, LOST_DEVICE, lostLaptopDay } from '../../../helpers/continueBuilders';
import { openTestDatabase, putRoundRecords } from '../../../helpers/db';
import {
  backupBundle,
  keyOf,
  roundBundleFrom,
  scoresBundle,
  scoresBundleFrom,
  testCrypto,
  valueOf,
} from '../../../helpers/importBuilders';

const opened: PingguDatabase[] = [];
async function machines() {
  const [secretariat, lost, fresh] = await Promise.all([0, 1, 2].map(() => openTestDatabase()));
  if (!secretariat || !lost || !fresh) throw new Error('no database');
  opened.push(secretariat, lost, fresh);
  return { secretariat, lost, fresh };
}

afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

const FILE = '评分包-沈阳组-电脑A.pgb';
const AT = '2024-05-12T16:00:00.000Z';
const confirm = {
  actor: '组长 李明',
  reason: '电脑A下午无法开机，由本机接续',
  clock: { now: () => AT },
};
let ids = 0;
const newId = () => `continue-${(ids += 1)}`;

async function prepare(db: PingguDatabase, bytes: Uint8Array, roundId: string, file = FILE) {
  return prepareContinue(db, bytes, file, { crypto: testCrypto, roundId });
}

async function ready(db: PingguDatabase, bytes: Uint8Array, roundId: string) {
  const result = await prepare(db, bytes, roundId);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** Confirms as the chair does, ticking that the lost laptop's fingerprint matches the paper. */
async function commit(db: PingguDatabase, prepared: PreparedContinue) {
  const result = await commitContinue(db, prepared, { ...confirm, acceptNewKey: true, newId });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

const byId = (sheets: Scoresheet[]) => [...sheets].sort((a, b) => (a.id < b.id ? -1 : 1));

describe('在本机继续 from the lost laptop’s score bundle', () => {
  it('stores its sheets here unchanged, audited, and the next edit here descends from them', async () => {
    const day = await lostLaptopDay(await machines(), { submit: false });
    const { r, lost, fresh } = day;
    const bytes = await scoresBundleFrom(lost, r, { deviceId: LOST_DEVICE });
    const settingsBefore = await fresh.settings.toArray();

    const prepared = await ready(fresh, bytes, r.round.id);
    const keyA = await keyOf(LOST_DEVICE);
    const fingerprint = await publicKeyFingerprint(testCrypto, keyA.publicKeyRaw);
    expect(prepared.preview).toMatchObject({
      roundName: r.round.name,
      panels: [{ id: r.panel.id, name: r.panel.name }],
      source: { kind: 'scores', deviceId: LOST_DEVICE, fingerprint },
      counts: { continued: day.scoredOnA.length, alreadyHere: 0, refused: 0 },
    });
    expect(prepared.preview.rows.every((row) => row.state === 'draft')).toBe(true);
    // Laptop A's key is new here: a person ticks that its fingerprint matches the paper.
    expect(prepared.preview.blocking?.code).toBe('keyNotConfirmed');
    expect(prepared.preview.blocking?.message).toContain(`指纹 ${fingerprint}`);

    const summary = await commit(fresh, prepared);
    expect(summary.counts.continued).toBe(day.scoredOnA.length);
    // Same ids, revisions, clocks and version vectors as on laptop A.
    expect(byId(await fresh.scoresheets.toArray())).toEqual(byId(await lost.scoresheets.toArray()));
    // PINs and the rest of this laptop's settings are untouched.
    expect(await fresh.settings.toArray()).toEqual(settingsBefore);
    const continued = (await fresh.auditLog.toArray()).filter(
      (e) => e.action === 'scoresheet.continue',
    );
    expect(continued.map((e) => e.entityId).sort()).toEqual(day.scoredOnA.map((s) => s.id).sort());
    expect(continued[0]).toMatchObject({ actor: confirm.actor, at: AT });
    expect(continued[0]?.detail).toContain(confirm.reason);
    expect(continued[0]?.detail).toContain(`设备 ${LOST_DEVICE}，指纹 ${fingerprint}`);
    expect(continued[0]?.detail).toContain(FILE);
    expect(summary.keyPinned).toBe(true);
    expect(await fresh.trustedKeys.toArray()).toContainEqual(
      expect.objectContaining({ deviceId: LOST_DEVICE, fingerprint }),
    );
    const [record] = await fresh.bundleImports.toArray();
    expect(record).toMatchObject({ kind: 'scores', deviceId: LOST_DEVICE, fingerprint });

    // An expert edits a continued sheet here: this laptop's counter joins A's history.
    const [sheet] = day.scoredOnA;
    if (!sheet) throw new Error('no sheet');
    const template = builtinTemplateForType(
      r.bases.find((b) => b.id === sheet.baseId)?.type ?? 'A1',
    );
    const indicator = secondaryIndicators(template)[0]?.id ?? '';
    const edited = valueOf(
      await saveScore(fresh, sheet.id, indicator, 1, '李明', testSheetDeps(FRESH_DEVICE)),
    );
    expect(edited.versions).toEqual({ ...sheet.versions, [FRESH_DEVICE]: 1 });
    expect(edited.revision).toBe(sheet.revision + 1);
    expect(compareVersions(edited, sheet)).toBe('descends');
  });

  it('refuses with one sentence and changes nothing', async () => {
    const { r, secretariat, lost, fresh } = await lostLaptopDay(await machines());
    const fromA = await scoresBundleFrom(lost, r, { deviceId: LOST_DEVICE });
    const damaged = fromA.slice();
    const middle = Math.floor(damaged.length / 2);
    damaged[middle] = (damaged[middle] ?? 0) ^ 0xff;
    const otherRound = await scoresBundle(
      { scoresheets: [], audit: [] },
      {
        signer: await keyOf(LOST_DEVICE),
        deviceId: LOST_DEVICE,
        roundId: 'round-2023',
        panelId: r.panel.id,
      },
    );
    const cases = [
      { bytes: await roundBundleFrom(secretariat, r), code: 'notContinuable', says: '评审任务包' },
      { bytes: damaged, code: undefined, says: `文件“${FILE}”：` },
      { bytes: otherRound, code: 'otherRound', says: '它属于另一个评估轮次（round-2023）' },
      {
        bytes: await scoresBundleFrom(fresh, r, { deviceId: FRESH_DEVICE }),
        code: 'sameDevice',
        says: `它是本机自己（设备 ${FRESH_DEVICE}）写出的`,
      },
    ];
    const before = await databaseDigest(fresh);
    for (const { bytes, code, says } of cases) {
      const result = await prepare(fresh, bytes, r.round.id);
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      if (code !== undefined) expect(result.error.code).toBe(code);
      expect(result.error.message.startsWith(`文件“${FILE}”：`)).toBe(true);
      expect(result.error.message).toContain(says);
    }
    // A confirmation without a reason, a person or the key's tick writes nothing either.
    const prepared = await ready(fresh, fromA, r.round.id);
    const ticked = { ...confirm, acceptNewKey: true, newId };
    for (const [options, code] of [
      [{ ...ticked, reason: ' ' }, 'noReason'],
      [{ ...ticked, actor: '' }, 'noActor'],
      [{ ...confirm, newId }, 'keyNotConfirmed'],
    ] as const) {
      const refused = await commitContinue(fresh, prepared, options);
      expect(refused.ok ? '' : refused.error.code).toBe(code);
    }
    expect(await databaseDigest(fresh)).toBe(before);
    // The secretariat's own machine has no panel opened from a round bundle.
    const onSecretariat = await prepare(secretariat, fromA, r.round.id);
    expect(onSecretariat.ok ? '' : onSecretariat.error.code).toBe('noRoundHere');
  });
});

describe('在本机继续 from the lost laptop’s backup', () => {
  it('takes only this round’s sheets of the panel and their audit; nothing else is replaced', async () => {
    const day = await lostLaptopDay(await machines());
    const { r, lost, fresh } = day;
    // Laptop A also held another round: none of it may come over.
    const other = buildRoundRecords({ status: 'issued', name: '2023年度评估' });
    await putRoundRecords(lost, other);
    const bytes = await backupBundle(await exportBackupPayload(lost), {
      signer: await keyOf(LOST_DEVICE),
      deviceId: LOST_DEVICE,
      roundId: r.round.id,
    });
    const roundsBefore = await fresh.rounds.toArray();
    const settingsBefore = await fresh.settings.toArray();

    const prepared = await ready(fresh, bytes, r.round.id);
    expect(prepared.preview.source.kind).toBe('backup');
    expect(prepared.preview.key.status).toBe('notPinned');
    expect(prepared.preview.blocking).toBeUndefined();
    await commit(fresh, prepared);

    expect(byId(await fresh.scoresheets.toArray())).toEqual(byId(day.scoredOnA));
    expect(await fresh.rounds.toArray()).toEqual(roundsBefore);
    expect(await fresh.settings.toArray()).toEqual(settingsBefore);
    const sheetIds = new Set(day.scoredOnA.map((s) => s.id));
    const audit = await fresh.auditLog.toArray();
    const fromA = (await lost.auditLog.toArray()).filter((e) => sheetIds.has(e.entityId));
    for (const entry of fromA) {
      const { seq: _seq, ...rest } = entry;
      expect(audit).toContainEqual(expect.objectContaining(rest));
    }
    expect(audit.every((e) => e.roundId === r.round.id)).toBe(true);
  });
});
