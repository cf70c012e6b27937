// A round's whole journey through real bundles, with and without a passphrase: secretariat →
// panel laptop (round bundle), panel → secretariat (score bundle), secretariat → department
// (result bundle), and a backup of the department restored into an empty database.
import { afterEach, describe, expect, it } from 'vitest';
import type { PingguDatabase } from '../../../../renderer/db/database';
import { exportBackupPayload } from '../../../../renderer/db/bundles/backup';
import { commitImport } from '../../../../renderer/db/bundles/commitImport';
import { databaseDigest } from '../../../../renderer/db/bundles/digest';
import {
  buildResultBundlePayload,
  buildRoundBundlePayload,
  buildScoresBundlePayload,
} from '../../../../renderer/db/bundles/exports';
import { listAuditOfRound } from '../../../../renderer/db/queries';
import { recordDecision } from '../../../../renderer/db/repositories/decisionRepository';
import { computeRoundResults } from '../../../../shared/domain/results';
import type { Round } from '../../../../shared/domain/types';
import { testDeps, testSheetDeps } from '../../../helpers/builders';
import { openTestDatabase } from '../../../helpers/db';
import {
  backupBundle,
  commitDeps,
  confirmingDeps,
  keyOf,
  prepared,
  resultBundle,
  roundBundle,
  scoresBundle,
  SECRETARIAT_DEVICE,
  secretariatDatabase,
  valueOf,
} from '../../../helpers/importBuilders';
import { scoreEverySheet } from '../../../helpers/panelWorkflow';

const opened: PingguDatabase[] = [];
async function machine(): Promise<PingguDatabase> {
  const db = await openTestDatabase();
  opened.push(db);
  return db;
}

afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

const byId = <T extends { id: string }>(records: T[]): T[] =>
  [...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

describe.each([
  { label: 'plain', passphrase: undefined },
  { label: 'encrypted', passphrase: '评审口令-2024' },
])('a round travels through every kind of bundle ($label)', ({ passphrase }) => {
  it('arrives on each machine exactly as it was sent, and a backup restores exactly', async () => {
    const pass = passphrase === undefined ? {} : { passphrase };
    const [secretariat, panel, department, restored] = await Promise.all([
      machine(),
      machine(),
      machine(),
      machine(),
    ]);
    const r = await secretariatDatabase(secretariat);
    const roundId = r.round.id;
    const panelId = r.panel.id;
    const secretariatKey = await keyOf('secretariat');

    // secretariat → panel laptop
    const roundPayload = valueOf(await buildRoundBundlePayload(secretariat, roundId, panelId));
    const roundBytes = await roundBundle(roundPayload, {
      signer: secretariatKey,
      deviceId: SECRETARIAT_DEVICE,
      roundId,
      panelId,
      ...pass,
    });
    const roundReady = await prepared(panel, roundBytes, { expectedKinds: ['round'], ...pass });
    expect(roundReady.preview).toMatchObject({
      kind: 'round',
      roundName: r.round.name,
      panelName: r.panel.name,
      encrypted: passphrase !== undefined,
      unchanged: false,
      key: { status: 'newSecretariat', role: 'secretariat' },
    });
    expect(roundReady.preview.roster?.experts).toEqual({ added: 3, changed: 0, unchanged: 0 });
    const roundCommit = await commitImport(panel, roundReady, commitDeps());
    expect(roundCommit.ok && roundCommit.result.keyPinned).toBe(true);
    expect(byId(await panel.experts.toArray())).toEqual(byId(r.experts));
    expect(byId(await panel.assignments.toArray())).toEqual(byId(r.assignments));
    expect(byId(await panel.bases.toArray())).toEqual(byId(r.bases));
    expect(await panel.rounds.get(roundId)).toEqual(r.round);

    // the panel scores; panel laptop → secretariat
    const sheets = await scoreEverySheet(panel, roundId, testSheetDeps('laptop-1'));
    expect(sheets).toHaveLength(6);
    const scoresPayload = valueOf(await buildScoresBundlePayload(panel, roundId, panelId));
    const scoresBytes = await scoresBundle(scoresPayload, {
      signer: await keyOf('laptop-1'),
      deviceId: 'laptop-1',
      roundId,
      panelId,
      ...pass,
    });
    const scoresReady = await prepared(secretariat, scoresBytes, {
      expectedKinds: ['scores'],
      roundId,
      ...pass,
    });
    const preview = scoresReady.preview;
    expect(preview.key.status).toBe('newDevice');
    expect(preview.key.note).toContain('纸质汇总单');
    expect(preview.sheets?.counts).toEqual({
      added: 6,
      updated: 0,
      unchanged: 0,
      conflicts: 0,
      refused: 0,
    });
    expect(preview.sheets?.byBase.map((g) => [g.name, g.counts.added])).toEqual(
      [...r.bases].sort((a, b) => (a.code < b.code ? -1 : 1)).map((b) => [b.name, 3]),
    );
    expect(preview.sheets?.byExpert).toHaveLength(3);
    const scoresCommit = await commitImport(secretariat, scoresReady, confirmingDeps(scoresReady));
    expect(scoresCommit.ok && scoresCommit.result.counts.added).toBe(6);
    expect(byId(await secretariat.scoresheets.toArray())).toEqual(byId(sheets));
    // The sheets' history, read as the app reads it (one import record holds it all).
    const audit = await listAuditOfRound(secretariat, roundId);
    expect(audit.filter((e) => e.action === 'scoresheet.import')).toHaveLength(6);
    // the panel's own history travels with the sheets
    expect(audit.filter((e) => e.action === 'scoresheet.submit')).toHaveLength(6);

    // secretariat decides and publishes; → department
    const [firstBase] = r.bases;
    if (!firstBase) throw new Error('no base');
    const decision = { disposition: { code: 'keepAdjust' as const }, reason: '综合评议' };
    await recordDecision(
      secretariat,
      { roundId, baseId: firstBase.id, decision },
      '秘书处',
      testDeps(),
    );
    const resultPayload = valueOf(await buildResultBundlePayload(secretariat, roundId));
    const resultBytes = await resultBundle(resultPayload, {
      signer: secretariatKey,
      deviceId: SECRETARIAT_DEVICE,
      roundId,
      ...pass,
    });
    const resultReady = await prepared(department, resultBytes, {
      expectedKinds: ['result'],
      ...pass,
    });
    expect(resultReady.preview.archive).toEqual({ action: 'new', scoresheets: 6, decisions: 1 });
    const resultCommit = await commitImport(department, resultReady, commitDeps());
    expect(resultCommit.ok).toBe(true);
    const archived = await department.rounds.get(roundId);
    expect(archived?.archive).toMatchObject({
      fingerprint: resultReady.preview.key.fingerprint,
      bundleCreatedAt: resultReady.preview.createdAt,
    });
    expect(byId(await department.scoresheets.toArray())).toEqual(byId(sheets));
    expect(await department.decisions.toArray()).toEqual(await secretariat.decisions.toArray());
    const results = async (db: PingguDatabase, round: Round | undefined) => {
      if (!round) throw new Error('round missing');
      const bases = byId(await db.bases.where('roundId').equals(roundId).toArray());
      return computeRoundResults(round, bases, await db.scoresheets.toArray());
    };
    const published = await results(secretariat, await secretariat.rounds.get(roundId));
    expect(await results(department, archived)).toEqual(published);
    expect(published.every((row) => row.aggregate !== null)).toBe(true);

    // a backup of the department, restored into an empty database
    const backupBytes = await backupBundle(await exportBackupPayload(department), {
      signer: await keyOf('department'),
      deviceId: 'department-pc',
      ...pass,
    });
    const backupReady = await prepared(restored, backupBytes, {
      expectedKinds: ['backup'],
      ...pass,
    });
    expect(backupReady.preview.backup?.records).toMatchObject({ scoresheets: 6, trustedKeys: 1 });
    const restore = await commitImport(restored, backupReady, commitDeps());
    expect(restore.ok).toBe(true);
    expect(await databaseDigest(restored)).toBe(await databaseDigest(department));
  });
});
