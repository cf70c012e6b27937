// file:* channels: native dialogs plus file I/O. Arguments arrive already validated by the
// contract; these handlers decide what the user is asked and what is read or written.
import path from 'node:path';
import type { DesktopHandlers, ReportKind } from '../../../shared/ipc/contract';
import { withExtension } from '../../../shared/ipc/fileNames';
import { fail, ok } from '../../../shared/ipc/result';
import type { DesktopResult } from '../../../shared/ipc/result';
import type { SaveValue } from '../../../shared/ipc/contract';
import { BUNDLE_FILTER, REPORT_FILTERS } from '../services/dialogs';
import type { DialogService, FileFilter } from '../services/dialogs';
import {
  findBundlesInFolders,
  freeNameInFolder,
  isExistingFile,
  readFilesWithinLimits,
  writeFileAtomically,
} from '../services/fileAccess';
import type { SavedPaths } from '../services/savedPaths';

export type FileHandlers = Pick<
  DesktopHandlers,
  | 'file:openBundles'
  | 'file:openDocuments'
  | 'file:saveBundle'
  | 'file:saveBundlesToFolder'
  | 'file:saveReport'
  | 'file:reveal'
>;

export type FileHandlerServices = {
  readonly dialog: DialogService;
  readonly savedPaths: SavedPaths;
  /** shell.showItemInFolder */
  readonly showItemInFolder: (filePath: string) => void;
};

const REPORT_TITLES: Readonly<Record<ReportKind, string>> = {
  xlsx: '导出 Excel 报表',
  csv: '导出 CSV 数据',
  pdf: '导出 PDF 报告',
  json: '导出信任文件',
};

export type SaveServices = Pick<FileHandlerServices, 'dialog' | 'savedPaths'>;

/** Asks where to save (suggesting the name with the filter's extension), then writes. */
export const saveWithDialog = async (
  services: SaveServices,
  request: { title: string; suggestedName: string; filter: FileFilter; bytes: Uint8Array },
): Promise<DesktopResult<SaveValue>> => {
  const { title, suggestedName, filter, bytes } = request;
  const extension = filter.extensions[0] ?? '';
  const target = await services.dialog.chooseSavePath({
    title,
    suggestedName: withExtension(suggestedName, extension),
    filter,
  });
  if (target === null) return ok({ saved: false });
  if (!path.isAbsolute(target)) return fail('ioFailed', '保存位置无效，请重新选择。');
  const written = await writeFileAtomically(target, bytes);
  if (!written.ok) return written;
  services.savedPaths.remember(target);
  return ok({ saved: true, path: target });
};

export const createFileHandlers = (services: FileHandlerServices): FileHandlers => {
  return {
    'file:openBundles': async ({ multi, folders }) => {
      const picked = await services.dialog.chooseOpenPaths({ multi, folders });
      if (picked === null) return ok({ cancelled: true });
      // A dialog that ignores multiSelections must not widen the request.
      const chosen = multi ? picked : picked.slice(0, 1);
      let filePaths: readonly string[] = chosen;
      if (folders) {
        const found = await findBundlesInFolders(chosen);
        if (!found.ok) return found;
        filePaths = found.value;
      }
      const read = await readFilesWithinLimits(filePaths);
      return read.ok ? ok({ cancelled: false, files: read.value }) : read;
    },

    'file:openDocuments': async ({ multi, extensions }) => {
      const picked = await services.dialog.chooseOpenPaths({
        multi,
        folders: false,
        documents: extensions,
      });
      if (picked === null) return ok({ cancelled: true });
      const chosen = multi ? picked : picked.slice(0, 1);
      const wanted = chosen.filter((filePath) =>
        extensions.some((ext) => filePath.toLowerCase().endsWith(`.${ext}`)),
      );
      if (wanted.length < chosen.length) {
        const names = extensions.map((ext) => `.${ext}`).join('、');
        return fail('notAllowed', `只能打开 ${names} 文件。`);
      }
      const read = await readFilesWithinLimits(wanted);
      return read.ok ? ok({ cancelled: false, files: read.value }) : read;
    },

    'file:saveBundlesToFolder': async ({ files, extension }) => {
      const picked = await services.dialog.chooseOpenPaths({
        multi: false,
        folders: true,
        forSaving: true,
      });
      const folder = picked?.[0];
      if (folder === undefined) return ok({ saved: false });
      if (!path.isAbsolute(folder)) return fail('ioFailed', '保存位置无效，请重新选择。');
      const names: string[] = [];
      const taken = new Set<string>();
      for (const file of files) {
        const named = withExtension(file.name, extension ?? 'pgb');
        const name = await freeNameInFolder(folder, named, taken);
        taken.add(name.toLowerCase());
        const target = path.join(folder, name);
        const written = await writeFileAtomically(target, file.bytes);
        if (!written.ok) {
          const done = names.length === 0 ? '' : `已写入 ${names.join('、')}；`;
          return fail(written.error.code, `${done}${written.error.message}`);
        }
        services.savedPaths.remember(target);
        names.push(name);
      }
      return ok({ saved: true, folder, names });
    },

    'file:saveBundle': ({ suggestedName, bytes }) =>
      saveWithDialog(services, {
        title: '保存评估数据包',
        suggestedName,
        filter: BUNDLE_FILTER,
        bytes,
      }),

    'file:saveReport': ({ suggestedName, kind, bytes }) =>
      saveWithDialog(services, {
        title: REPORT_TITLES[kind],
        suggestedName,
        filter: REPORT_FILTERS[kind],
        bytes,
      }),

    'file:reveal': async ({ path: filePath }) => {
      if (!services.savedPaths.has(filePath)) {
        return fail('notAllowed', '只能打开本次由评估通保存的文件所在的文件夹。');
      }
      if (!(await isExistingFile(filePath))) {
        return fail('notFound', '文件已被移动或删除，无法打开所在的文件夹。');
      }
      services.showItemInFolder(filePath);
      return ok(null);
    },
  };
};
