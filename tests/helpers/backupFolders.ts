// An in-memory BackupFolder: a Map from name to bytes the test can read and seed.
import type { BackupFolder } from '../../shared/ipc/backupHandlers';
import { fail, ok } from '../../shared/ipc/result';

export const memoryBackupFolder = (
  location: string | null = null,
): BackupFolder & { readonly files: Map<string, Uint8Array> } => {
  const files = new Map<string, Uint8Array>();
  return {
    files,
    location,
    list: async () => ok([...files].map(([name, bytes]) => ({ name, size: bytes.byteLength }))),
    write: async (name, bytes) => {
      files.set(name, bytes.slice());
      return ok(null);
    },
    read: async (name) => {
      const bytes = files.get(name);
      return bytes === undefined
        ? fail('notFound', `找不到备份“${name}”。`)
        : ok(new Uint8Array(bytes));
    },
    readHead: async (name, maxBytes) => files.get(name)?.subarray(0, maxBytes) ?? null,
    remove: async (name) => {
      files.delete(name);
    },
  };
};
