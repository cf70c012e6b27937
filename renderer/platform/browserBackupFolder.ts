// Where the browser build keeps its backups: the Origin Private File System (a private
// folder per site, Chromium 86+; writes go through a swap file and land whole on close()),
// or, where that is missing, a separate IndexedDB database. Never the app's own 'pinggu'
// database: a backup must survive that database being wiped, and must not back itself up.
// Both are BackupFolder ports for shared/ipc/backupHandlers.ts, which names and prunes.
import { Dexie } from 'dexie';
import type { Table } from 'dexie';
import { isBackupFileName } from '../../shared/ipc/backupFiles';
import type { BackupFolder, StoredFile } from '../../shared/ipc/backupHandlers';
import { MAX_FILE_BYTES } from '../../shared/ipc/contract';
import { fail, ok } from '../../shared/ipc/result';
import type { DesktopResult } from '../../shared/ipc/result';

export const BACKUP_DIRECTORY_NAME = 'pinggu-backups';
export const BACKUP_DATABASE_NAME = 'pinggu-backups';

const storageFailed = <T>(detail: string): DesktopResult<T> =>
  fail(
    'ioFailed',
    '浏览器无法读取或保存备份。请确认没有使用无痕模式，且浏览器允许本站保存数据；也可以用“下载备份”把备份存为文件。',
    detail,
  );

const tooLarge = <T>(name: string): DesktopResult<T> =>
  fail('tooLarge', `备份“${name}”过大，无法读取。`);

const notFound = <T>(name: string): DesktopResult<T> =>
  fail('notFound', `找不到备份“${name}”，它可能已被删除。`);

// ---- Origin Private File System --------------------------------------------------------

/** The parts of the File System Access handles used here (keys() is not in TypeScript's DOM lib). */
export type OpfsWritable = {
  write(data: Uint8Array<ArrayBuffer>): Promise<void>;
  close(): Promise<void>;
  abort(): Promise<void>;
};
export type OpfsFileHandle = {
  getFile(): Promise<File>;
  createWritable(): Promise<OpfsWritable>;
};
export type OpfsDirectory = {
  keys(): AsyncIterable<string>;
  getFileHandle(name: string, options?: { create?: boolean }): Promise<OpfsFileHandle>;
  removeEntry(name: string): Promise<void>;
};

const isOpfsDirectory = (
  handle: FileSystemDirectoryHandle,
): handle is FileSystemDirectoryHandle & OpfsDirectory =>
  typeof Reflect.get(handle, 'keys') === 'function';

const asArrayBufferBytes = (bytes: Uint8Array): Uint8Array<ArrayBuffer> =>
  bytes.buffer instanceof ArrayBuffer
    ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    : new Uint8Array(bytes);

export const createOpfsBackupFolder = (directory: OpfsDirectory): BackupFolder => {
  const fileOf = async (name: string): Promise<File | null> => {
    try {
      return await (await directory.getFileHandle(name)).getFile();
    } catch {
      return null;
    }
  };
  return {
    location: null,
    list: async () => {
      try {
        const files: StoredFile[] = [];
        for await (const name of directory.keys()) {
          if (!isBackupFileName(name)) continue;
          const file = await fileOf(name);
          if (file !== null) files.push({ name, size: file.size });
        }
        return ok(files);
      } catch {
        return storageFailed('OPFS list failed');
      }
    },
    write: async (name, bytes) => {
      try {
        const handle = await directory.getFileHandle(name, { create: true });
        const writable = await handle.createWritable();
        try {
          await writable.write(asArrayBufferBytes(bytes));
          await writable.close();
        } catch (error) {
          await writable.abort().catch(() => undefined);
          throw error;
        }
        return ok(null);
      } catch {
        await directory.removeEntry(name).catch(() => undefined);
        return storageFailed('OPFS write failed');
      }
    },
    read: async (name) => {
      const file = await fileOf(name);
      if (file === null) return notFound(name);
      if (file.size > MAX_FILE_BYTES) return tooLarge(name);
      try {
        return ok(new Uint8Array(await file.arrayBuffer()));
      } catch {
        return storageFailed('OPFS read failed');
      }
    },
    readHead: async (name, maxBytes) => {
      const file = await fileOf(name);
      if (file === null) return null;
      try {
        return new Uint8Array(await file.slice(0, maxBytes).arrayBuffer());
      } catch {
        return null;
      }
    },
    remove: async (name) => {
      await directory.removeEntry(name);
    },
  };
};

// ---- IndexedDB ---------------------------------------------------------------------------

type StoredBackup = { name: string; size: number; bytes: Uint8Array<ArrayBuffer> };

class BackupDatabase extends Dexie {
  declare files: Table<StoredBackup, string>;
  constructor(name: string) {
    super(name, { chromeTransactionDurability: 'strict' });
    this.version(1).stores({ files: 'name' });
  }
}

export const createIndexedDbBackupFolder = (databaseName = BACKUP_DATABASE_NAME): BackupFolder => {
  const db = new BackupDatabase(databaseName);
  return {
    location: null,
    list: async () => {
      try {
        const files: StoredFile[] = [];
        // Keys and sizes only would need an index; the table is small (≤ 50 rows).
        await db.files.each((row) => {
          if (isBackupFileName(row.name)) files.push({ name: row.name, size: row.size });
        });
        return ok(files);
      } catch {
        return storageFailed('IndexedDB list failed');
      }
    },
    write: async (name, bytes) => {
      try {
        const copy = asArrayBufferBytes(bytes).slice();
        await db.files.put({ name, size: copy.byteLength, bytes: copy });
        return ok(null);
      } catch {
        return storageFailed('IndexedDB write failed');
      }
    },
    read: async (name) => {
      try {
        const row = await db.files.get(name);
        if (row === undefined) return notFound(name);
        if (row.size > MAX_FILE_BYTES) return tooLarge(name);
        return ok(new Uint8Array(row.bytes));
      } catch {
        return storageFailed('IndexedDB read failed');
      }
    },
    readHead: async (name, maxBytes) => {
      try {
        return (await db.files.get(name))?.bytes.subarray(0, maxBytes) ?? null;
      } catch {
        return null;
      }
    },
    remove: async (name) => {
      await db.files.delete(name);
    },
  };
};

// ---- choice --------------------------------------------------------------------------------

/** The page's backup folder: OPFS where the browser offers it, otherwise IndexedDB. */
export const openBrowserBackupFolder = async (
  storage: StorageManager | undefined = globalThis.navigator?.storage,
): Promise<BackupFolder> => {
  if (typeof storage?.getDirectory === 'function') {
    try {
      const root = await storage.getDirectory();
      const directory = await root.getDirectoryHandle(BACKUP_DIRECTORY_NAME, { create: true });
      if (isOpfsDirectory(directory)) return createOpfsBackupFolder(directory);
    } catch {
      // Private windows and some embedded browsers refuse OPFS: fall back to IndexedDB.
    }
  }
  return createIndexedDbBackupFolder();
};

/** A folder that opens the real one on first use (the page may never need backups). */
export const lazyBackupFolder = (open: () => Promise<BackupFolder>): BackupFolder => {
  let opened: Promise<BackupFolder> | undefined;
  const folder = (): Promise<BackupFolder> => (opened ??= open());
  return {
    location: null,
    list: async () => (await folder()).list(),
    write: async (name, bytes) => (await folder()).write(name, bytes),
    read: async (name) => (await folder()).read(name),
    readHead: async (name, maxBytes) => (await folder()).readHead(name, maxBytes),
    remove: async (name) => (await folder()).remove(name),
  };
};
