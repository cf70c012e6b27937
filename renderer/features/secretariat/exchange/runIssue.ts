// issueRoundBundles with this machine's platform: the device signer (the private key stays in
// Electron's main process, or is a non-extractable WebCrypto key in the browser), the device
// id, and the desktop's "write these files into a folder" (downloads in a browser).
import { newId, systemClock } from '../../../app/clock';
import type { PingguDatabase } from '../../../db/database';
import { ISSUE_ACTOR } from '../../../db/repositories/issueRepository';
import { getOrCreateDeviceId } from '../../../db/repositories/settingsRepository';
import { APP_VERSION } from '../../../platform/appVersion';
import { getDesktopApi } from '../../../platform/desktopApi';
import { getDeviceSigner } from '../../../platform/deviceSigner';
import { issueRoundBundles } from './issueRoundBundles';
import type { IssueOutcome, IssueRequest } from './issueRoundBundles';

export async function runIssue(db: PingguDatabase, request: IssueRequest): Promise<IssueOutcome> {
  const api = getDesktopApi();
  const signer = await getDeviceSigner(api);
  if (!signer.ok) return { kind: 'failed', message: signer.error.message };
  const deviceId = await getOrCreateDeviceId(db, newId);
  return issueRoundBundles(db, request, {
    signer: signer.signer,
    deviceId,
    appVersion: APP_VERSION,
    crypto: globalThis.crypto,
    clock: systemClock,
    actor: ISSUE_ACTOR,
    saveToFolder: (files) => api.file.saveBundlesToFolder({ files }),
  });
}
