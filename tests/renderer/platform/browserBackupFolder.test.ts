import { describe, expect, it } from 'vitest';
import {
  createIndexedDbBackupFolder,
  createOpfsBackupFolder,
  openBrowserBackupFolder,
} from '../../../renderer/platform/browserBackupFolder';
import type { OpfsDirectory, OpfsFileHandle } from '../../../renderer/platform/browserBackupFolder';
import type { BackupFolder } from '../../../shared/ipc/backupHandlers';
import { backupFileName } from '../../../shared/ipc/backupFiles';
import { uniqueDatabaseName } from '../../helpers/db';

/** An Origin Private File System folder in memory; a write lands only on close(). */
const memoryOpfs = (): OpfsDirectory & { files: Map<string, Uint8Array<ArrayBuffer>> } => {
  const files = new Map<string, Uint8Array<ArrayBuffer>>();
  const handle = (name: string): OpfsFileHandle => ({
    getFile: async () => new File([files.get(name) ?? new Uint8Array()], name),
    createWritable: async () => {
      let pending = new Uint8Array();
      return {
        write: async (data) => {
          pending = new Uint8Array(data);
        },
        close: async () => {
          files.set(name, pending);
        },
        abort: async () => undefined,
      };
    },
  });
  return {
    files,
    keys: async function* () {
      yield* [...files.keys()];
    },
    getFileHandle: async (name, options) => {
      if (!files.has(name)) {
        if (options?.create !== true) throw new DOMException('missing', 'NotFoundError');
        files.set(name, new Uint8Array());
      }
      return handle(name);
    },
    removeEntry: async (name) => {
      files.delete(name);
    },
  };
};

const NAME = backupFileName('2026-11-26T12:00:00Z', 'auto');

const behavesLikeAFolder = (make: () => BackupFolder) => {
  it('writes, lists, reads, reads the head of and removes backups', async () => {
    const folder = make();
    expect(await folder.list()).toEqual({ ok: true, value: [] });
    expect(await folder.write(NAME, new Uint8Array([1, 2, 3, 4]))).toEqual({
      ok: true,
      value: null,
    });
    expect(await folder.list()).toEqual({ ok: true, value: [{ name: NAME, size: 4 }] });
    expect(await folder.read(NAME)).toEqual({ ok: true, value: new Uint8Array([1, 2, 3, 4]) });
    expect(await folder.readHead(NAME, 2)).toEqual(new Uint8Array([1, 2]));
    await folder.remove(NAME);
    expect(await folder.list()).toEqual({ ok: true, value: [] });
    expect(await folder.read(NAME)).toMatchObject({ ok: false, error: { code: 'notFound' } });
    expect(await folder.readHead(NAME, 2)).toBeNull();
  });

  it('keeps its own copy of the bytes', async () => {
    const folder = make();
    const bytes = new Uint8Array([9, 9]);
    await folder.write(NAME, bytes);
    bytes[0] = 0;
    expect(await folder.read(NAME)).toEqual({ ok: true, value: new Uint8Array([9, 9]) });
  });
};

describe('browser backups in the Origin Private File System', () => {
  behavesLikeAFolder(() => createOpfsBackupFolder(memoryOpfs()));

  it('lists only backup names', async () => {
    const opfs = memoryOpfs();
    opfs.files.set('other.txt', new Uint8Array([1]));
    opfs.files.set(NAME, new Uint8Array([1]));
    const listed = await createOpfsBackupFolder(opfs).list();
    expect(listed.ok && listed.value.map((f) => f.name)).toEqual([NAME]);
  });
});

describe('browser backups in IndexedDB (where OPFS is missing)', () => {
  behavesLikeAFolder(() => createIndexedDbBackupFolder(uniqueDatabaseName('pinggu-backups')));

  it('is what a browser without navigator.storage.getDirectory gets', async () => {
    const folder = await openBrowserBackupFolder(undefined);
    expect(folder.location).toBeNull();
    expect((await folder.list()).ok).toBe(true);
  });
});
