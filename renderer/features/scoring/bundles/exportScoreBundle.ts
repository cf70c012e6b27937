// Exports the panel's score bundle: every scoresheet of the panel's experts and their audit
// entries, signed with this device's key (optionally encrypted), saved through the desktop
// (a save dialog in Electron, a download in the browser).
import { createBundle } from '../../../../shared/bundle/bundle';
import { BundleWriteError } from '../../../../shared/bundle/errors';
import type { Panel, Round } from '../../../../shared/domain/types';
import { buildScoresBundlePayload } from '../../../db/bundles';
import { db } from '../../../db/instance';
import { getOrCreateDeviceId } from '../../../db/repositories/settingsRepository';
import { APP_VERSION } from '../../../platform/appVersion';
import { getDesktopApi } from '../../../platform/desktopApi';
import { DeviceSigningError, getDeviceSigner } from '../../../platform/deviceSigner';
import { newId, systemClock } from '../../../app/clock';
import { countExportedSheets, scoresBundleFileName } from './scoresExport';
import type { ExportedCounts } from './scoresExport';

export type ExportOutcome =
  | {
      kind: 'saved';
      fileName: string;
      /** Where it was written; absent in a browser (the download folder). */
      path?: string;
      counts: ExportedCounts;
      fingerprint: string;
    }
  | { kind: 'cancelled' }
  | { kind: 'failed'; message: string; messageEn: string };

const failed = (message: string, messageEn = message): ExportOutcome => ({
  kind: 'failed',
  message,
  messageEn,
});

export async function exportScoreBundle(
  round: Round,
  panel: Panel,
  passphrase: string | undefined,
): Promise<ExportOutcome> {
  const api = getDesktopApi();
  const payload = await buildScoresBundlePayload(db, round.id, panel.id);
  if (!payload.ok) return failed(payload.error.message);
  const signer = await getDeviceSigner(api);
  if (!signer.ok) return failed(signer.error.message);
  const deviceId = await getOrCreateDeviceId(db, newId);
  let bytes: Uint8Array;
  try {
    bytes = await createBundle({
      kind: 'scores',
      roundId: round.id,
      panelId: panel.id,
      payload: payload.value,
      deviceId,
      appVersion: APP_VERSION,
      createdAt: systemClock.now(),
      signer: signer.signer,
      crypto: globalThis.crypto,
      ...(passphrase === undefined ? {} : { passphrase }),
    });
  } catch (error) {
    if (error instanceof BundleWriteError)
      return failed(error.error.message, error.error.messageEn);
    if (error instanceof DeviceSigningError) return failed(error.error.message);
    return failed(error instanceof Error ? error.message : String(error));
  }
  const fileName = scoresBundleFileName(round.year, panel.name, new Date());
  const saved = await api.file.saveBundle({ suggestedName: fileName, bytes });
  if (!saved.ok) return failed(saved.error.message);
  if (!saved.value.saved) return { kind: 'cancelled' };
  return {
    kind: 'saved',
    fileName,
    ...(saved.value.path === undefined ? {} : { path: saved.value.path }),
    counts: countExportedSheets(payload.value.scoresheets),
    fingerprint: signer.signer.fingerprint,
  };
}
