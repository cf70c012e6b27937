// The native open and save dialogs behind a two-method service. The option builders are pure
// (tested); the Electron adapter only forwards them and unpacks the answer.
import path from 'node:path';
import type {
  OpenDialogOptions,
  OpenDialogReturnValue,
  SaveDialogOptions,
  SaveDialogReturnValue,
} from 'electron';
import type { DocumentExtension, ReportKind } from '../../../shared/ipc/contract';

export type FileFilter = { readonly name: string; readonly extensions: readonly string[] };

export type OpenRequest = {
  readonly multi: boolean;
  readonly folders: boolean;
  /** Spreadsheets instead of bundles (file:openDocuments). */
  readonly documents?: readonly DocumentExtension[];
  /** A folder to write into (file:saveBundlesToFolder) rather than one to read. */
  readonly forSaving?: boolean;
};
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
  json: { name: '信任文件 (*.pgtrust.json)', extensions: ['json'] },
};

const openTitle = (request: OpenRequest): string => {
  if (request.forSaving === true) return '选择保存评审包的文件夹（如 U 盘）';
  if (request.documents !== undefined) return '选择 Excel 或 CSV 文件';
  return request.folders ? '选择存放评估数据包的文件夹' : '选择评估数据包';
};

const openFilter = (request: OpenRequest): FileFilter =>
  request.documents === undefined
    ? BUNDLE_FILTER
    : {
        name: `表格文件 (${request.documents.map((ext) => `*.${ext}`).join(', ')})`,
        extensions: request.documents,
      };

export const buildOpenDialogOptions = (request: OpenRequest): OpenDialogOptions => {
  const filter = openFilter(request);
  return {
    title: openTitle(request),
    buttonLabel: request.forSaving === true ? '保存到此文件夹' : '打开',
    properties: [
      request.folders ? 'openDirectory' : 'openFile',
      ...(request.multi ? (['multiSelections'] as const) : []),
      ...(request.forSaving === true ? (['createDirectory'] as const) : []),
      'dontAddToRecent',
    ],
    filters: request.folders ? [] : [{ name: filter.name, extensions: [...filter.extensions] }],
  };
};

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
