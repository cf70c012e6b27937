// The platform behind the closing card: the closing repository's writes on the app's
// database with the real clock, and the final files saved through the desktop API (Electron:
// the save dialog; browser: a download) and signed with this device's key.
import { newId, systemClock } from '../../../app/clock';
import { db } from '../../../db/instance';
import {
  closeRound,
  reopenRound,
  waiveMissingSheet,
} from '../../../db/repositories/closingRepository';
import type { WaiverInput } from '../../../db/repositories/closingRepository';
import { getOrCreateDeviceId } from '../../../db/repositories/settingsRepository';
import { APP_VERSION } from '../../../platform/appVersion';
import { getDesktopApi } from '../../../platform/desktopApi';
import { getDeviceSigner } from '../../../platform/deviceSigner';
import { localUtcOffsetMinutes } from '../report/reportData';
import { writeFinalFiles } from './closingFiles';
import type { FinalFilesOutcome } from './closingFiles';

const clock = { now: systemClock.now };

export const closeCurrentRound = (roundId: string, actor: string) =>
  closeRound(db, roundId, actor, clock);

export const reopenClosedRound = (roundId: string, actor: string, reason: string) =>
  reopenRound(db, roundId, actor, reason, clock);

export const waiveSheet = (input: WaiverInput, actor: string) =>
  waiveMissingSheet(db, input, actor, { ...clock, newId });

/** Writes the closed round's final report and result bundle and records their SHA-256. */
export async function saveFinalFiles(roundId: string, actor: string): Promise<FinalFilesOutcome> {
  const api = getDesktopApi();
  const signer = await getDeviceSigner(api);
  if (!signer.ok) return { kind: 'failed', message: signer.error.message };
  const deviceId = await getOrCreateDeviceId(db, newId);
  return writeFinalFiles(db, roundId, {
    actor,
    now: systemClock.now,
    utcOffsetMinutes: localUtcOffsetMinutes(),
    saveReport: (request) => api.file.saveReport(request),
    signer: signer.signer,
    deviceId,
    appVersion: APP_VERSION,
    crypto: globalThis.crypto,
    saveBundle: (request) => api.file.saveBundle(request),
  });
}
