import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BUNDLE_FILTER,
  buildOpenDialogOptions,
  buildSaveDialogOptions,
  createElectronDialogService,
  REPORT_FILTERS,
} from '../../../../electron/main/services/dialogs';

describe('native dialog options', () => {
  it('opens bundle files, several at once only when asked', () => {
    expect(buildOpenDialogOptions({ multi: false, folders: false })).toMatchObject({
      properties: ['openFile', 'dontAddToRecent'],
      filters: [{ extensions: ['pgb'] }],
    });
    expect(buildOpenDialogOptions({ multi: true, folders: false }).properties).toContain(
      'multiSelections',
    );
  });

  it('opens folders when asked', () => {
    const options = buildOpenDialogOptions({ multi: true, folders: true });
    expect(options.properties).toEqual(['openDirectory', 'multiSelections', 'dontAddToRecent']);
  });

  it('offers spreadsheets for rosters and a folder to write into for round bundles', () => {
    expect(
      buildOpenDialogOptions({ multi: false, folders: false, documents: ['xlsx', 'csv'] }),
    ).toMatchObject({
      title: '选择 Excel 或 CSV 文件',
      filters: [{ name: '表格文件 (*.xlsx, *.csv)', extensions: ['xlsx', 'csv'] }],
    });
    const target = buildOpenDialogOptions({ multi: false, folders: true, forSaving: true });
    expect(target.properties).toEqual(['openDirectory', 'createDirectory', 'dontAddToRecent']);
    expect(target.buttonLabel).toBe('保存到此文件夹');
  });

  it('proposes the suggested name in the default folder and confirms overwrites', () => {
    const options = buildSaveDialogOptions(
      { title: '导出', suggestedName: '结果.xlsx', filter: REPORT_FILTERS.xlsx },
      '/home/clerk/Documents',
    );
    expect(options.defaultPath).toBe(path.join('/home/clerk/Documents', '结果.xlsx'));
    expect(options.properties).toContain('showOverwriteConfirmation');
    expect(options.filters).toEqual([{ name: REPORT_FILTERS.xlsx.name, extensions: ['xlsx'] }]);
  });
});

describe('the Electron dialog adapter', () => {
  it('turns a cancelled or empty answer into null', async () => {
    const service = createElectronDialogService({
      showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
      showSaveDialog: async () => ({ canceled: false, filePath: '' }),
      defaultDirectory: () => '/tmp',
    });
    expect(await service.chooseOpenPaths({ multi: false, folders: false })).toBeNull();
    expect(
      await service.chooseSavePath({ title: 't', suggestedName: 'a.pgb', filter: BUNDLE_FILTER }),
    ).toBeNull();
  });

  it('returns the chosen paths', async () => {
    const service = createElectronDialogService({
      showOpenDialog: async () => ({ canceled: false, filePaths: ['/a.pgb', '/b.pgb'] }),
      showSaveDialog: async () => ({ canceled: false, filePath: '/c.pgb' }),
      defaultDirectory: () => '/tmp',
    });
    expect(await service.chooseOpenPaths({ multi: true, folders: false })).toEqual([
      '/a.pgb',
      '/b.pgb',
    ]);
    expect(
      await service.chooseSavePath({ title: 't', suggestedName: 'c.pgb', filter: BUNDLE_FILTER }),
    ).toBe('/c.pgb');
  });
});
