// device:* channels: the device's Ed25519 identity and manifest signatures. The key lives in
// the user-data folder (services/deviceKey.ts) and is loaded on the first call, not at
// start-up, so a problem with the key file only affects signing, never launching the app.
import { createDeviceSigningHandlers } from '../../../shared/ipc/deviceSigning';
import type { DeviceSigningHandlers } from '../../../shared/ipc/deviceSigning';
import { createDeviceKeySource } from '../services/deviceKey';
import type { DeviceKeyDeps } from '../services/deviceKey';

export type DeviceHandlers = DeviceSigningHandlers;

export type DeviceHandlerServices = DeviceKeyDeps & {
  /** app.getPath('userData') */
  readonly userDataDir: string;
};

export const createDeviceHandlers = ({
  userDataDir,
  ...deps
}: DeviceHandlerServices): DeviceHandlers =>
  createDeviceSigningHandlers(deps.crypto, createDeviceKeySource(userDataDir, deps));
