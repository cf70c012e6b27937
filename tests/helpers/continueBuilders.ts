// Builders for 在本机继续 tests: opened bundles as openBundle returns them (for the pure
// planning), this laptop's view of a round (ContinueTarget, ScoresState), and the machines of
// a lost-laptop day through the real pipeline (secretariat, lost laptop A, fresh laptop B).
import type { OpenedBundle } from '../../shared/bundle/bundle';
import type { ManifestOf } from '../../shared/bundle/manifest';
import type { BackupPayload, ScoresPayload } from '../../shared/bundle/payload';
import { FORMAT_NAME, FORMAT_VERSION } from '../../shared/bundle/format';
import type { Scoresheet } from '../../shared/domain/types';
import type { PingguDatabase } from '../../renderer/db/database';
import type { ScoresState } from '../../renderer/db/bundles/localState';
import type { ContinueTarget } from '../../renderer/db/bundles/continueSelect';
import { setSetting } from '../../renderer/db/repositories/settingsRepository';
import { formatHlc } from '../../shared/domain/hlc';
import type { RoundRecords } from './builders';
import { TEST_TIME, testSheetDeps } from './builders';
import { importBundle, roundBundleFrom, secretariatDatabase } from './importBuilders';
import { scoreEverySheet } from './panelWorkflow';

export const LOST_DEVICE = 'laptop-A';
export const FRESH_DEVICE = 'laptop-B';
export const LOST_FINGERPRINT = 'AAAA-BBBB-CCCC-DDDD';

const manifestCommon = (
  deviceId: string,
): Omit<ManifestOf<'scores'>, 'kind' | 'roundId' | 'panelId'> => ({
  format: FORMAT_NAME,
  version: FORMAT_VERSION,
  deviceId,
  appVersion: '0.1.0',
  createdAt: '2024-05-12T15:30:00.000Z',
  entries: [{ path: 'payload.zip', bytes: 1, sha256: '0'.repeat(64) }],
});

const signer = { publicKey: 'cHVibGlj', fingerprint: LOST_FINGERPRINT };

/** A score bundle as openBundle hands it over. */
export function openedScores(
  payload: ScoresPayload,
  where: { roundId: string; panelId: string; deviceId?: string },
): OpenedBundle {
  const { roundId, panelId, deviceId = LOST_DEVICE } = where;
  return {
    ok: true,
    kind: 'scores',
    manifest: { ...manifestCommon(deviceId), kind: 'scores', roundId, panelId },
    payload,
    signer,
  };
}

/** A backup as openBundle hands it over. */
export function openedBackup(payload: BackupPayload, deviceId = LOST_DEVICE): OpenedBundle {
  return {
    ok: true,
    kind: 'backup',
    manifest: { ...manifestCommon(deviceId), kind: 'backup' },
    payload,
    signer,
  };
}

/** A backup payload holding these records and nothing else. */
export function backupPayloadOf(parts: Partial<BackupPayload>): BackupPayload {
  return {
    rounds: [],
    templates: [],
    bases: [],
    panels: [],
    experts: [],
    assignments: [],
    scoresheets: [],
    decisions: [],
    conflicts: [],
    imports: [],
    audit: [],
    settings: [],
    changes: [],
    registryRounds: [],
    registryApprovals: [],
    registryHistory: [],
    ...parts,
  };
}

/** Laptop B holding the round bundle of `r`'s panel, and nothing scored yet. */
export function targetOf(r: RoundRecords, overrides: Partial<ContinueTarget> = {}): ContinueTarget {
  return {
    round: r.round,
    panels: [r.panel],
    experts: r.experts,
    deviceId: FRESH_DEVICE,
    ...overrides,
  };
}

/** What laptop B stores of the round, as readScoresState would read it. */
export function scoresStateOf(r: RoundRecords, overrides: Partial<ScoresState> = {}): ScoresState {
  return {
    round: r.round,
    pins: [],
    bases: r.bases,
    experts: r.experts,
    panels: [r.panel],
    assignments: r.assignments,
    sheets: [],
    conflicts: [],
    audit: [],
    ...overrides,
  };
}

/** Sheets of `r` as laptop A left them: stamped by A, some edits counted on A. */
export function sheetsOfLostLaptop(r: RoundRecords): Scoresheet[] {
  return r.scoresheets.map((sheet, i) => ({
    ...sheet,
    deviceId: LOST_DEVICE,
    revision: i + 2,
    versions: { [LOST_DEVICE]: i + 2 },
    hlc: formatHlc({ ms: Date.parse(TEST_TIME) + i * 1000, counter: 0, deviceId: LOST_DEVICE }),
  }));
}

export type LostLaptopDay = {
  r: RoundRecords;
  secretariat: PingguDatabase;
  lost: PingguDatabase;
  fresh: PingguDatabase;
  /** Laptop A's sheets, scored (and submitted unless told otherwise) through the repositories. */
  scoredOnA: Scoresheet[];
};

/**
 * The secretariat issues the round; laptops A and B each open the panel's round bundle and get
 * their device ids; A scores every sheet through the repositories (submitted, or drafts).
 */
export async function lostLaptopDay(
  machines: { secretariat: PingguDatabase; lost: PingguDatabase; fresh: PingguDatabase },
  options: { submit?: boolean } = {},
): Promise<LostLaptopDay> {
  const { secretariat, lost, fresh } = machines;
  const r = await secretariatDatabase(secretariat);
  const roundBytes = await roundBundleFrom(secretariat, r);
  for (const [db, deviceId] of [
    [lost, LOST_DEVICE],
    [fresh, FRESH_DEVICE],
  ] as const) {
    await importBundle(db, roundBytes, { prepare: { expectedKinds: ['round'] } }, '评审包.pgb');
    await setSetting(db, 'deviceId', deviceId);
  }
  const scoredOnA = await scoreEverySheet(lost, r.round.id, testSheetDeps(LOST_DEVICE), {
    submit: options.submit ?? true,
  });
  return { r, secretariat, lost, fresh, scoredOnA };
}
