// The native open and save dialogs behind a two-method service. The option builders are pure
// (tested); the Electron adapter only forwards them and unpacks the answer.
import path from 'node:path';
import type {
  OpenDialogOptions,
  OpenDialogReturnValue,
  SaveDialogOptions,
  SaveDialogReturnValue,
} from 'electron';
import type { ReportKind } from '../../../shared/ipc/contract';

export type FileFilter = { readonly name: string; readonly extensions: readonly string[] };

export type OpenRequest = { readonly multi: boolean; readonly folders: boolean };
export type SaveRequest = {
  readonly title: string;
  readonly suggestedName: string;
  readonly filter: FileFilter;
};

export type DialogService = {
  /** Absolute paths the user picked, or null when cancelled. */
  chooseOpenPaths(request: OpenRequest): Promise<readonly string[] | null>;
  /** The absolute path to write, or null when cancelled. */
  chooseSavePath(request: SaveRequest): Promise<string | null>;
};

export const BUNDLE_FILTER: FileFilter = { name: '评估数据包 (*.pgb)', extensions: ['pgb'] };

export const REPORT_FILTERS: Readonly<Record<ReportKind, FileFilter>> = {
  xlsx: { name: 'Excel 工作簿 (*.xlsx)', extensions: ['xlsx'] },
  csv: { name: 'CSV 文件 (*.csv)', extensions: ['csv'] },
  pdf: { name: 'PDF 文档 (*.pdf)', extensions: ['pdf'] },
};

export const buildOpenDialogOptions = (request: OpenRequest): OpenDialogOptions => ({
  title: request.folders ? '选择存放评估数据包的文件夹' : '选择评估数据包',
  buttonLabel: '打开',
  properties: [
    request.folders ? 'openDirectory' : 'openFile',
    ...(request.multi ? (['multiSelections'] as const) : []),
    'dontAddToRecent',
  ],
  filters: request.folders ? [] : [{ ...BUNDLE_FILTER, extensions: [...BUNDLE_FILTER.extensions] }],
});

export const buildSaveDialogOptions = (
  request: SaveRequest,
  defaultDirectory: string,
): SaveDialogOptions => ({
  title: request.title,
  buttonLabel: '保存',
  defaultPath: path.join(defaultDirectory, request.suggestedName),
  filters: [{ name: request.filter.name, extensions: [...request.filter.extensions] }],
  properties: ['createDirectory', 'showOverwriteConfirmation'],
});

export type ElectronDialogFunctions = {
  /** dialog.showOpenDialog, bound to the parent window by main.ts. */
  readonly showOpenDialog: (options: OpenDialogOptions) => Promise<OpenDialogReturnValue>;
  readonly showSaveDialog: (options: SaveDialogOptions) => Promise<SaveDialogReturnValue>;
  /** Where save dialogs start, e.g. app.getPath('documents'). */
  readonly defaultDirectory: () => string;
};

export const createElectronDialogService = (electron: ElectronDialogFunctions): DialogService => ({
  chooseOpenPaths: async (request) => {
    const answer = await electron.showOpenDialog(buildOpenDialogOptions(request));
    return answer.canceled || answer.filePaths.length === 0 ? null : answer.filePaths;
  },
  chooseSavePath: async (request) => {
    const answer = await electron.showSaveDialog(
      buildSaveDialogOptions(request, electron.defaultDirectory()),
    );
    return answer.canceled || answer.filePath === undefined || answer.filePath === ''
      ? null
      : answer.filePath;
  },
});
