// A panel's Excel scoresheets are written into one folder like round bundles, as .xlsx files
// (file:saveBundlesToFolder with extension 'xlsx'): by the Electron shell into the folder, by
// the browser as downloads.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileHandlers } from '../../../../electron/main/ipc/fileHandlers';
import { createSavedPaths } from '../../../../electron/main/services/savedPaths';
import { createBrowserDesktopApi } from '../../../../renderer/platform/browserDesktopApi';
import type { BrowserHost } from '../../../../renderer/platform/browserHost';
import { DESKTOP_CONTRACT } from '../../../../shared/ipc/contract';
import { makeTempDir, scriptedDialog } from '../../../helpers/desktop';

const bytes = (text: string) => new TextEncoder().encode(text);
const files = [
  { name: '评分表-张三-2024年度', bytes: bytes('one') },
  { name: '评分表-李四-2024年度.xlsx', bytes: bytes('two') },
];

describe('file:saveBundlesToFolder with Excel scoresheets', () => {
  it('writes .xlsx files into the picked folder', async () => {
    const dir = await makeTempDir();
    const handlers = createFileHandlers({
      dialog: scriptedDialog({ open: [dir] }),
      savedPaths: createSavedPaths(),
      showItemInFolder: () => undefined,
    });
    const result = await handlers['file:saveBundlesToFolder']({ files, extension: 'xlsx' });
    const names = ['评分表-张三-2024年度.xlsx', '评分表-李四-2024年度.xlsx'];
    expect(result).toEqual({ ok: true, value: { saved: true, folder: dir, names } });
    expect((await readdir(dir)).sort()).toEqual([...names].sort());
    expect(path.isAbsolute(dir)).toBe(true);
  });

  it('downloads them as spreadsheets in a browser', async () => {
    const downloads: { fileName: string; blob: Blob }[] = [];
    const host: BrowserHost = {
      isProduction: true,
      pickFiles: async () => null,
      download: (fileName, blob) => downloads.push({ fileName, blob }),
    };
    const result = await createBrowserDesktopApi(host).file.saveBundlesToFolder({
      files,
      extension: 'xlsx',
    });
    expect(result).toMatchObject({ ok: true, value: { saved: true } });
    expect(downloads.map((d) => [d.fileName, d.blob.type])).toEqual([
      [
        '评分表-张三-2024年度.xlsx',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      ],
      [
        '评分表-李四-2024年度.xlsx',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      ],
    ]);
  });

  it('takes only bundles or spreadsheets', () => {
    const save = DESKTOP_CONTRACT['file:saveBundlesToFolder'].args;
    expect(save.safeParse([{ files, extension: 'xlsx' }]).success).toBe(true);
    expect(save.safeParse([{ files, extension: 'exe' }]).success).toBe(false);
  });
});
