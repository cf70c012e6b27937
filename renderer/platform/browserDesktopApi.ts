// The DesktopApi in a plain browser (the web build and the e2e tests): a hidden file input to
// open bundles, a download to save them, the device key in IndexedDB, backups in the Origin
// Private File System (or IndexedDB), and an honest 'unsupported' for what a page cannot do
// (reveal a file, print straight to PDF). Arguments go through the same contract validation
// as in Electron. There is no main process, so no events ever arrive.
import { createBackupHandlers } from '../../shared/ipc/backupHandlers';
import type { BackupFolder } from '../../shared/ipc/backupHandlers';
import { buildDesktopApi } from '../../shared/ipc/buildDesktopApi';
import type {
  DesktopApi,
  DesktopHandlers,
  OpenedFile,
  ReportKind,
} from '../../shared/ipc/contract';
import { createDeviceSigningHandlers } from '../../shared/ipc/deviceSigning';
import type { DeviceKeySource } from '../../shared/ipc/deviceSigning';
import { createLocalInvoke } from '../../shared/ipc/dispatch';
import { withExtension } from '../../shared/ipc/fileNames';
import {
  BUNDLE_EXTENSION,
  checkOpenSelection,
  isBundleFileName,
} from '../../shared/ipc/openLimits';
import { fail, ok } from '../../shared/ipc/result';
import type { DesktopResult } from '../../shared/ipc/result';
import { APP_VERSION } from './appVersion';
import { lazyBackupFolder, openBrowserBackupFolder } from './browserBackupFolder';
import { createBrowserDeviceKeySource } from './browserDeviceKey';
import type { BrowserHost } from './browserHost';

export const REVEAL_UNSUPPORTED_MESSAGE =
  '浏览器版本无法打开文件所在的文件夹。已保存的文件在浏览器的“下载”列表中。';

export const PDF_UNSUPPORTED_MESSAGE =
  '浏览器版本不能直接导出 PDF：请使用“打印”，在打印对话框中选择“另存为 PDF”。';

const REPORT_MIME_TYPES: Readonly<Record<ReportKind, string>> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv;charset=utf-8',
  pdf: 'application/pdf',
  json: 'application/json',
};

// Blob wants ArrayBuffer-backed views; copy only a view over a SharedArrayBuffer.
const isArrayBufferBacked = (bytes: Uint8Array): bytes is Uint8Array<ArrayBuffer> =>
  bytes.buffer instanceof ArrayBuffer;

const toBlob = (bytes: Uint8Array, type: string): Blob =>
  new Blob([isArrayBufferBacked(bytes) ? bytes : new Uint8Array(bytes)], { type });

const readFiles = async (files: readonly File[]): Promise<DesktopResult<OpenedFile[]>> => {
  const allowed = checkOpenSelection(files);
  if (!allowed.ok) return allowed;
  const opened: OpenedFile[] = [];
  for (const file of files) {
    try {
      opened.push({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
    } catch {
      return fail('ioFailed', `无法读取文件“${file.name}”，它可能已被移动或删除。`);
    }
  }
  return ok(opened);
};

/** The page's device key: IndexedDB 'pinggu-device', opened on the first device call. */
export const pageDeviceKeySource = (): DeviceKeySource =>
  createBrowserDeviceKeySource({
    indexedDB: globalThis.indexedDB,
    crypto: globalThis.crypto,
    now: () => new Date().toISOString(),
  });

/** The page's backups: OPFS, or IndexedDB 'pinggu-backups', opened on first use. */
export const pageBackupFolder = (): BackupFolder => lazyBackupFolder(openBrowserBackupFolder);

const browserClock = {
  now: () => new Date().toISOString(),
  utcOffsetMinutes: () => -new Date().getTimezoneOffset(),
};

export const createBrowserHandlers = (
  host: BrowserHost,
  deviceKey: DeviceKeySource = pageDeviceKeySource(),
  backupFolder: BackupFolder = pageBackupFolder(),
): DesktopHandlers => ({
  'app:getInfo': async () =>
    ok({
      version: APP_VERSION,
      platform: 'browser',
      dataFolder: null,
      isPackaged: host.isProduction,
    }),

  // No main process waits on these in a browser.
  'app:rendererReady': async () => ok(null),
  'app:readyToQuit': async () => ok(null),

  'file:openBundles': async ({ multi, folders }) => {
    const picked = await host.pickFiles({
      multiple: multi,
      directory: folders,
      accept: `.${BUNDLE_EXTENSION}`,
    });
    if (picked === null) return ok({ cancelled: true });
    // A folder pick returns every file in it; only bundles are wanted.
    const chosen = folders
      ? picked.filter((file) => isBundleFileName(file.name))
      : picked.slice(0, multi ? picked.length : 1);
    const read = await readFiles(chosen);
    return read.ok ? ok({ cancelled: false, files: read.value }) : read;
  },

  'file:openDocuments': async ({ multi, extensions }) => {
    const picked = await host.pickFiles({
      multiple: multi,
      directory: false,
      accept: extensions.map((ext) => `.${ext}`).join(','),
    });
    if (picked === null) return ok({ cancelled: true });
    const chosen = picked.slice(0, multi ? picked.length : 1);
    const wanted = chosen.filter((file) =>
      extensions.some((ext) => file.name.toLowerCase().endsWith(`.${ext}`)),
    );
    if (wanted.length < chosen.length) {
      const names = extensions.map((ext) => `.${ext}`).join('、');
      return fail('notAllowed', `只能打开 ${names} 文件。`);
    }
    const read = await readFiles(wanted);
    return read.ok ? ok({ cancelled: false, files: read.value }) : read;
  },

  // A page cannot write into a folder: each bundle becomes a download, in order.
  'file:saveBundlesToFolder': async ({ files, extension }) => {
    const names = files.map((file) => withExtension(file.name, extension ?? BUNDLE_EXTENSION));
    const type = extension === 'xlsx' ? REPORT_MIME_TYPES.xlsx : 'application/octet-stream';
    files.forEach((file, index) =>
      host.download(names[index] ?? file.name, toBlob(file.bytes, type)),
    );
    return ok({ saved: true, names });
  },

  'file:saveBundle': async ({ suggestedName, bytes }) => {
    host.download(
      withExtension(suggestedName, BUNDLE_EXTENSION),
      toBlob(bytes, 'application/octet-stream'),
    );
    return ok({ saved: true });
  },

  'file:saveReport': async ({ suggestedName, kind, bytes }) => {
    host.download(withExtension(suggestedName, kind), toBlob(bytes, REPORT_MIME_TYPES[kind]));
    return ok({ saved: true });
  },

  'file:reveal': async () => fail('unsupported', REVEAL_UNSUPPORTED_MESSAGE),

  'print:toPdf': async () => fail('unsupported', PDF_UNSUPPORTED_MESSAGE),

  ...createDeviceSigningHandlers(globalThis.crypto, deviceKey),
  ...createBackupHandlers(backupFolder, browserClock),
});

export const createBrowserDesktopApi = (
  host: BrowserHost,
  deviceKey: DeviceKeySource = pageDeviceKeySource(),
  backupFolder: BackupFolder = pageBackupFolder(),
): DesktopApi =>
  buildDesktopApi(
    createLocalInvoke(createBrowserHandlers(host, deviceKey, backupFolder), (channel, error) =>
      console.error(`[desktop] ${channel} failed`, error),
    ),
  );
