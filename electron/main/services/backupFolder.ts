// The backups folder on disk, <userData>/backups, as the BackupFolder port of
// shared/ipc/backupHandlers.ts. Names arrive validated (backup names never contain a
// separator); each is still checked to be a plain name before it becomes a path. Writes are
// atomic (temp file, fsync, rename), so a crash never leaves half a backup behind.
import { mkdir, open, readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { isBackupFileName } from '../../../shared/ipc/backupFiles';
import type { BackupFolder, StoredFile } from '../../../shared/ipc/backupHandlers';
import { MAX_FILE_BYTES } from '../../../shared/ipc/contract';
import { fail, ok } from '../../../shared/ipc/result';
import { toTightBytes, writeFileAtomically } from './fileAccess';

export const BACKUP_FOLDER_NAME = 'backups';

export const backupFolderPath = (userDataDir: string): string =>
  path.join(userDataDir, BACKUP_FOLDER_NAME);

const errorCode = (error: unknown): string =>
  typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
    ? error.code
    : 'unknown';

export const createBackupFolder = (folder: string): BackupFolder => {
  /** The file's path, or null for anything that is not a plain backup name. */
  const fileOf = (name: string): string | null =>
    isBackupFileName(name) && path.basename(name) === name ? path.join(folder, name) : null;

  return {
    location: folder,

    list: async () => {
      let entries;
      try {
        entries = await readdir(folder, { withFileTypes: true });
      } catch (error) {
        if (errorCode(error) === 'ENOENT') return ok([]);
        return fail('ioFailed', `无法读取备份文件夹“${folder}”，请确认有读取权限。`);
      }
      const files: StoredFile[] = [];
      for (const entry of entries) {
        // Regular files with backup names only: no links, no folders, no temp files.
        if (!entry.isFile() || !isBackupFileName(entry.name)) continue;
        try {
          files.push({ name: entry.name, size: (await stat(path.join(folder, entry.name))).size });
        } catch {
          // Removed between readdir and stat: not listed.
        }
      }
      return ok(files);
    },

    write: async (name, bytes) => {
      const filePath = fileOf(name);
      if (filePath === null) return fail('notAllowed', '备份文件名不正确。', 'not a backup name');
      try {
        await mkdir(folder, { recursive: true });
      } catch {
        return fail('ioFailed', `无法创建备份文件夹“${folder}”，请确认该位置可以写入。`);
      }
      const written = await writeFileAtomically(filePath, bytes);
      return written.ok
        ? written
        : fail('ioFailed', `无法在“${folder}”中写入备份，请确认磁盘空间充足且该文件夹可以写入。`);
    },

    read: async (name) => {
      const filePath = fileOf(name);
      if (filePath === null) return fail('notAllowed', '备份文件名不正确。', 'not a backup name');
      try {
        const info = await stat(filePath);
        if (!info.isFile()) return fail('notFound', `找不到备份“${name}”。`);
        if (info.size > MAX_FILE_BYTES) return fail('tooLarge', `备份“${name}”过大，无法读取。`);
        const bytes = await readFile(filePath);
        if (bytes.byteLength > MAX_FILE_BYTES) {
          return fail('tooLarge', `备份“${name}”过大，无法读取。`);
        }
        return ok(toTightBytes(bytes));
      } catch (error) {
        return errorCode(error) === 'ENOENT'
          ? fail('notFound', `找不到备份“${name}”，它可能已被删除。`)
          : fail('ioFailed', `无法读取备份“${name}”，请确认有读取权限。`);
      }
    },

    readHead: async (name, maxBytes) => {
      const filePath = fileOf(name);
      if (filePath === null) return null;
      try {
        const handle = await open(filePath, 'r');
        try {
          const buffer = new Uint8Array(maxBytes);
          const { bytesRead } = await handle.read(buffer, 0, maxBytes, 0);
          return buffer.subarray(0, bytesRead);
        } finally {
          await handle.close();
        }
      } catch {
        return null;
      }
    },

    remove: async (name) => {
      const filePath = fileOf(name);
      if (filePath !== null) await rm(filePath, { force: true });
    },
  };
};
