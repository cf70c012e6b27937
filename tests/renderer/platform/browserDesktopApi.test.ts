import { describe, expect, it } from 'vitest';
import {
  createBrowserDesktopApi,
  PDF_UNSUPPORTED_MESSAGE,
  REVEAL_UNSUPPORTED_MESSAGE,
} from '../../../renderer/platform/browserDesktopApi';
import { memoryBackupFolder } from '../../helpers/backupFolders';
import { makeBundle } from '../../helpers/bundleBuilders';
import type { BrowserHost, PickRequest } from '../../../renderer/platform/browserHost';
import { APP_VERSION } from '../../../renderer/platform/appVersion';
import { DESKTOP_CONTRACT, MAX_FILE_BYTES } from '../../../shared/ipc/contract';
import packageJson from '../../../package.json';

// A host whose picker returns what the test chose and whose downloads are kept as real Blobs.
const testHost = (picked: readonly File[] | null = null) => {
  const requests: PickRequest[] = [];
  const downloads: { fileName: string; blob: Blob }[] = [];
  const host: BrowserHost = {
    isProduction: true,
    pickFiles: async (request) => {
      requests.push(request);
      return picked;
    },
    download: (fileName, blob) => downloads.push({ fileName, blob }),
  };
  return { host, requests, downloads };
};

// A File that reports a size over the limit without allocating it.
class OversizedFile extends File {
  override get size(): number {
    return MAX_FILE_BYTES + 1;
  }
}

describe('the browser DesktopApi', () => {
  it('reports the browser platform, the package version and no data folder', async () => {
    const result = await createBrowserDesktopApi(testHost().host).app.getInfo();
    expect(result).toEqual({
      ok: true,
      value: {
        version: packageJson.version,
        platform: 'browser',
        dataFolder: null,
        isPackaged: true,
      },
    });
    expect(APP_VERSION).toBe(packageJson.version);
  });

  it('opens picked bundles with their bytes', async () => {
    const { host, requests } = testHost([new File(['评估'], '大连组.pgb')]);
    const result = await createBrowserDesktopApi(host).file.openBundles({
      multi: true,
      folders: false,
    });
    expect(requests).toEqual([{ multiple: true, directory: false, accept: '.pgb' }]);
    if (!result.ok || result.value.cancelled) throw new Error('expected files');
    expect(result.value.files[0]?.name).toBe('大连组.pgb');
    expect(new TextDecoder().decode(result.value.files[0]?.bytes)).toBe('评估');
    expect(DESKTOP_CONTRACT['file:openBundles'].result.safeParse(result.value).success).toBe(true);
  });

  it('keeps only .pgb files from a picked folder', async () => {
    const { host } = testHost([
      new File(['a'], 'a.pgb'),
      new File(['b'], 'readme.txt'),
      new File(['c'], 'c.PGB'),
    ]);
    const result = await createBrowserDesktopApi(host).file.openBundles({
      multi: false,
      folders: true,
    });
    if (!result.ok || result.value.cancelled) throw new Error('expected files');
    expect(result.value.files.map((file) => file.name)).toEqual(['a.pgb', 'c.PGB']);
  });

  it('reports a dismissed picker as cancelled', async () => {
    const result = await createBrowserDesktopApi(testHost(null).host).file.openBundles({
      multi: false,
      folders: false,
    });
    expect(result).toEqual({ ok: true, value: { cancelled: true } });
  });

  it('refuses a file over 512 MiB before reading it', async () => {
    const { host } = testHost([new OversizedFile([], 'huge.pgb')]);
    const result = await createBrowserDesktopApi(host).file.openBundles({
      multi: false,
      folders: false,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'tooLarge' } });
  });

  it('downloads a bundle under its name with the .pgb extension', async () => {
    const { host, downloads } = testHost();
    const result = await createBrowserDesktopApi(host).file.saveBundle({
      suggestedName: '李明',
      bytes: new Uint8Array([1, 2]),
    });
    expect(result).toEqual({ ok: true, value: { saved: true } });
    expect(downloads[0]?.fileName).toBe('李明.pgb');
    expect([...new Uint8Array(await (downloads[0]?.blob ?? new Blob()).arrayBuffer())]).toEqual([
      1, 2,
    ]);
  });

  it('downloads a report with the MIME type of its kind', async () => {
    const { host, downloads } = testHost();
    await createBrowserDesktopApi(host).file.saveReport({
      suggestedName: '汇总',
      kind: 'xlsx',
      bytes: new Uint8Array([1]),
    });
    expect(downloads[0]?.fileName).toBe('汇总.xlsx');
    expect(downloads[0]?.blob.type).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
  });

  it('applies the contract in the browser too: no path separators in a name', async () => {
    const { host, downloads } = testHost();
    const result = await createBrowserDesktopApi(host).file.saveBundle({
      suggestedName: '../x.pgb',
      bytes: new Uint8Array(),
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalidArguments' } });
    expect(downloads).toEqual([]);
  });

  it('says in Chinese that revealing a file is not possible in a browser', async () => {
    const result = await createBrowserDesktopApi(testHost().host).file.reveal({ path: '/x.pgb' });
    expect(result).toEqual({
      ok: false,
      error: { code: 'unsupported', message: REVEAL_UNSUPPORTED_MESSAGE },
    });
    expect(REVEAL_UNSUPPORTED_MESSAGE).toMatch(/浏览器/);
  });
});

describe('the browser DesktopApi’s shell channels', () => {
  it('has no main process: lifecycle calls succeed, events never fire, PDF export is unsupported', async () => {
    const api = createBrowserDesktopApi(testHost().host, undefined, memoryBackupFolder());
    expect(await api.app.rendererReady()).toEqual({ ok: true, value: null });
    expect(await api.app.readyToQuit({ requestId: 'r' })).toEqual({ ok: true, value: null });
    expect(typeof api.events.onOpenBundles(() => undefined)).toBe('function');
    expect(await api.print.toPdf({ suggestedName: 'x.pdf' })).toEqual({
      ok: false,
      error: { code: 'unsupported', message: PDF_UNSUPPORTED_MESSAGE },
    });
  });

  it('keeps backups in the page’s backup folder, with no folder path to show', async () => {
    const folder = memoryBackupFolder();
    const api = createBrowserDesktopApi(testHost().host, undefined, folder);
    const { bytes } = await makeBundle('backup');
    const written = await api.backup.write({ bytes, reason: 'manual' });
    expect(written.ok).toBe(true);
    expect(folder.files.size).toBe(1);
    const listed = await api.backup.list();
    expect(listed.ok && listed.value.folder).toBeNull();
    expect(listed.ok && listed.value.backups).toHaveLength(1);
  });
});

describe('the browser DesktopApi for spreadsheets and folders of bundles', () => {
  it('opens a picked spreadsheet and refuses other file types', async () => {
    const { host, requests } = testHost([new File(['名称,类型'], '名单.csv')]);
    const result = await createBrowserDesktopApi(host).file.openDocuments({
      multi: false,
      extensions: ['xlsx', 'csv'],
    });
    expect(requests).toEqual([{ multiple: false, directory: false, accept: '.xlsx,.csv' }]);
    if (!result.ok || result.value.cancelled) throw new Error('expected a file');
    expect(new TextDecoder().decode(result.value.files[0]?.bytes)).toBe('名称,类型');
    const refused = await createBrowserDesktopApi(
      testHost([new File(['x'], '名单.xls')]).host,
    ).file.openDocuments({ multi: false, extensions: ['xlsx'] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'notAllowed' } });
  });

  it('downloads every bundle of a folder save, in order, as .pgb files', async () => {
    const { host, downloads } = testHost();
    const result = await createBrowserDesktopApi(host).file.saveBundlesToFolder({
      files: [
        { name: '评审包-第一组', bytes: new Uint8Array([1]) },
        { name: '评审包-第二组.pgb', bytes: new Uint8Array([2, 3]) },
      ],
    });
    expect(result).toEqual({
      ok: true,
      value: { saved: true, names: ['评审包-第一组.pgb', '评审包-第二组.pgb'] },
    });
    expect(downloads.map((d) => d.fileName)).toEqual(['评审包-第一组.pgb', '评审包-第二组.pgb']);
    expect(new Uint8Array(await downloads[1]!.blob.arrayBuffer())).toEqual(new Uint8Array([2, 3]));
  });
});
