// Reading picked bundles and writing saved files on the real file system, with the
// contract's size limits enforced before anything is read into memory. Writes go to a
// temporary file in the same folder and are renamed into place, so a crash or a full disk
// never leaves a half-written bundle or report behind.
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { access, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { MAX_FILE_BYTES, MAX_OPEN_FILES } from '../../../shared/ipc/contract';
import type { OpenedFile } from '../../../shared/ipc/contract';
import {
  checkOpenSelection,
  fileTooLarge,
  isBundleFileName,
  tooManyFiles,
} from '../../../shared/ipc/openLimits';
import { fail, ok } from '../../../shared/ipc/result';
import type { DesktopResult } from '../../../shared/ipc/result';

/** How deep file:openBundles looks inside a picked folder (folder/expert/round/x.pgb). */
export const MAX_FOLDER_DEPTH = 4;

/**
 * A Uint8Array whose buffer holds exactly its bytes. Structured clone (Electron IPC) copies
 * the whole backing buffer of a view, so a view into a larger buffer could carry unrelated
 * memory to the renderer.
 */
export const toTightBytes = (bytes: Uint8Array): Uint8Array<ArrayBuffer> => {
  const { buffer } = bytes;
  if (
    buffer instanceof ArrayBuffer &&
    bytes.byteOffset === 0 &&
    bytes.byteLength === buffer.byteLength
  ) {
    return new Uint8Array(buffer); // already tight: a new view, no copy
  }
  const tight = new Uint8Array(bytes.byteLength);
  tight.set(bytes);
  return tight;
};

/**
 * Reads the given files in order. Every file is measured first, so a selection over the
 * limits is refused before anything is read into memory.
 */
export const readFilesWithinLimits = async (
  filePaths: readonly string[],
): Promise<DesktopResult<OpenedFile[]>> => {
  if (filePaths.length > MAX_OPEN_FILES) return tooManyFiles();
  const sized: { path: string; name: string; size: number }[] = [];
  for (const filePath of filePaths) {
    const name = path.basename(filePath);
    try {
      const info = await stat(filePath);
      if (!info.isFile()) return fail('ioFailed', `“${name}”不是文件，无法打开。`);
      sized.push({ path: filePath, name, size: info.size });
    } catch {
      return fail('notFound', `找不到文件“${name}”，它可能已被移动或删除。`);
    }
  }
  const allowed = checkOpenSelection(sized);
  if (!allowed.ok) return allowed;
  const files: OpenedFile[] = [];
  for (const file of sized) {
    let bytes: Uint8Array;
    try {
      bytes = await readFile(file.path);
    } catch {
      return fail('ioFailed', `无法读取文件“${file.name}”，请确认有读取权限。`);
    }
    // The file may have grown between stat and read.
    if (bytes.byteLength > MAX_FILE_BYTES) return fileTooLarge(file.name);
    files.push({ name: file.name, bytes: toTightBytes(bytes) });
  }
  return ok(files);
};

/**
 * Every .pgb file under the folders, depth-first in name order. Symbolic links are not
 * followed, so a link loop or a link out of the folder is never read.
 */
export const findBundlesInFolders = async (
  folders: readonly string[],
): Promise<DesktopResult<string[]>> => {
  const found: string[] = [];
  const walk = async (folder: string, depth: number): Promise<DesktopResult<null>> => {
    let entries;
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch {
      return fail('ioFailed', `无法读取文件夹“${path.basename(folder)}”，请确认有读取权限。`);
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const entryPath = path.join(folder, entry.name);
      if (entry.isSymbolicLink()) continue;
      if (entry.isFile() && isBundleFileName(entry.name)) {
        found.push(entryPath);
        if (found.length > MAX_OPEN_FILES) return tooManyFiles();
      } else if (entry.isDirectory() && depth < MAX_FOLDER_DEPTH) {
        const nested = await walk(entryPath, depth + 1);
        if (!nested.ok) return nested;
      }
    }
    return ok(null);
  };
  for (const folder of folders) {
    const result = await walk(folder, 1);
    if (!result.ok) return result;
  }
  return ok(found);
};

/** Writes bytes to filePath atomically (temp file, fsync, rename). */
export const writeFileAtomically = async (
  filePath: string,
  bytes: Uint8Array,
): Promise<DesktopResult<null>> => {
  const name = path.basename(filePath);
  const tempPath = path.join(path.dirname(filePath), `.${name}.${randomUUID()}.tmp`);
  try {
    const handle = await open(tempPath, 'wx');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tempPath, filePath);
    return ok(null);
  } catch {
    await rm(tempPath, { force: true }).catch(() => undefined);
    return fail(
      'ioFailed',
      `无法保存“${name}”。请确认文件夹可以写入，且该文件没有被其他程序（如 Excel）打开。`,
    );
  }
};

export const isExistingFile = async (filePath: string): Promise<boolean> => {
  try {
    return (await stat(filePath)).isFile();
  } catch {
    return false;
  }
};

const exists = async (filePath: string): Promise<boolean> => {
  try {
    await access(filePath);
    return true;
  } catch {
    return false;
  }
};

/** "name.pgb", or "name (2).pgb", "name (3).pgb"… : the first name not taken in the folder. */
export const freeNameInFolder = async (
  folder: string,
  name: string,
  reserved: ReadonlySet<string> = new Set(),
): Promise<string> => {
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const extension = dot > 0 ? name.slice(dot) : '';
  for (let n = 1; ; n += 1) {
    const candidate = n === 1 ? name : `${stem} (${n})${extension}`;
    if (reserved.has(candidate.toLowerCase())) continue;
    if (!(await exists(path.join(folder, candidate)))) return candidate;
  }
};
