// The platform behind 下发名单: this device's signer and id, the desktop's saveBundle and the
// real clock, as reportRuntime.ts gives them to the secretariat's result bundle.
import { newId } from '../../app/clock';
import { db } from '../../db/instance';
import { getOrCreateDeviceId } from '../../db/repositories/settingsRepository';
import { APP_VERSION } from '../../platform/appVersion';
import { getDesktopApi } from '../../platform/desktopApi';
import { getDeviceSigner } from '../../platform/deviceSigner';
import { exportRegistryBundle } from './registryBundleExport';
import type { RegistryBundleOutcome, RegistryBundleRequest } from './registryBundleExport';
import { registryClock } from './registryRuntime';

export async function saveRegistryBundle(
  request: RegistryBundleRequest,
  actor: string,
): Promise<RegistryBundleOutcome> {
  const api = getDesktopApi();
  const signer = await getDeviceSigner(api);
  if (!signer.ok) return { kind: 'failed', message: signer.error.message };
  const deviceId = await getOrCreateDeviceId(db, newId);
  return exportRegistryBundle(db, request, {
    signer: signer.signer,
    deviceId,
    appVersion: APP_VERSION,
    crypto: globalThis.crypto,
    now: registryClock.now,
    actor,
    saveBundle: (saving) => api.file.saveBundle(saving),
  });
}
