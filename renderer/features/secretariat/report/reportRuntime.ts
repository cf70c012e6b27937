// The platform behind the 报告 tab's exports: the desktop API's save calls, this device's
// signer and id, the real clock and this machine's time zone.
import { newId, systemClock } from '../../../app/clock';
import { db } from '../../../db/instance';
import { getOrCreateDeviceId } from '../../../db/repositories/settingsRepository';
import { APP_VERSION } from '../../../platform/appVersion';
import { getDesktopApi } from '../../../platform/desktopApi';
import { getDeviceSigner } from '../../../platform/deviceSigner';
import { localUtcOffsetMinutes } from './reportData';
import { exportReportWorkbook, exportResultBundle, exportResultsCsv } from './reportExports';
import type { ExportOutcome, ReportExportDeps, ResultBundleOutcome } from './reportExports';

const reportDeps = (): ReportExportDeps => {
  const api = getDesktopApi();
  return {
    now: systemClock.now,
    utcOffsetMinutes: localUtcOffsetMinutes(),
    saveReport: (request) => api.file.saveReport(request),
  };
};

export const saveWorkbook = (roundId: string): Promise<ExportOutcome> =>
  exportReportWorkbook(db, roundId, reportDeps());

export const saveResultsCsv = (roundId: string): Promise<ExportOutcome> =>
  exportResultsCsv(db, roundId, reportDeps());

export async function saveResultBundle(roundId: string): Promise<ResultBundleOutcome> {
  const api = getDesktopApi();
  const signer = await getDeviceSigner(api);
  if (!signer.ok) return { kind: 'failed', message: signer.error.message };
  const deviceId = await getOrCreateDeviceId(db, newId);
  return exportResultBundle(db, roundId, {
    signer: signer.signer,
    deviceId,
    appVersion: APP_VERSION,
    crypto: globalThis.crypto,
    now: systemClock.now,
    saveBundle: (request) => api.file.saveBundle(request),
  });
}
