// backup:* channels over a folder port, identical on both platforms: Electron passes
// <userData>/backups on disk (electron/main/services/backupFolder.ts), the browser the Origin
// Private File System or an IndexedDB database (renderer/platform/browserBackupFolder.ts).
// Names, the retention rule and what a list shows are decided here, once.
import {
  parseBackupFileName,
  backupsToRemove,
  compareNewestFirst,
  uniqueBackupFileName,
} from './backupFiles';
import type { ParsedBackupName } from './backupFiles';
import { BUNDLE_HEAD_BYTES, readBundleHead } from './bundleHead';
import type { BackupEntry, DesktopHandlers } from './contract';
import { fail, ok } from './result';
import type { DesktopResult } from './result';

export type StoredFile = { readonly name: string; readonly size: number };

/** Where backups live. Names passed in are always valid backup names (no separators). */
export type BackupFolder = {
  /** Shown to the user: the folder path, or null where there is none (a browser). */
  readonly location: string | null;
  list(): Promise<DesktopResult<StoredFile[]>>;
  write(name: string, bytes: Uint8Array): Promise<DesktopResult<null>>;
  /** The whole file, refused over the contract's file size limit. */
  read(name: string): Promise<DesktopResult<Uint8Array<ArrayBuffer>>>;
  /** Up to maxBytes from the start of the file; null when it cannot be read. */
  readHead(name: string, maxBytes: number): Promise<Uint8Array | null>;
  remove(name: string): Promise<void>;
};

export type BackupHandlers = Pick<DesktopHandlers, 'backup:write' | 'backup:list' | 'backup:read'>;

export type BackupClock = {
  /** ISO 8601 now: the backup's name. */
  readonly now: () => string;
  /** Minutes east of UTC, for the retention rule's calendar days. */
  readonly utcOffsetMinutes: () => number;
};

export const NOT_A_BACKUP_MESSAGE = '要保存的内容不是评估通的备份数据包，已拒绝。';

const entryOf = (parsed: ParsedBackupName, size: number, head: Uint8Array | null): BackupEntry => ({
  name: parsed.name,
  createdAt: parsed.createdAt,
  reason: parsed.reason,
  size,
  fingerprint: head === null ? null : (readBundleHead(head)?.fingerprint ?? null),
});

export const createBackupHandlers = (folder: BackupFolder, clock: BackupClock): BackupHandlers => ({
  'backup:write': async ({ bytes, reason }) => {
    // Only backup bundles go into the backups folder (a cheap look at the manifest).
    if (readBundleHead(bytes.subarray(0, BUNDLE_HEAD_BYTES))?.kind !== 'backup') {
      return fail('notAllowed', NOT_A_BACKUP_MESSAGE, 'bytes are not a backup bundle');
    }
    const listed = await folder.list();
    if (!listed.ok) return listed;
    const existing = new Set(listed.value.map((file) => file.name));
    const name = uniqueBackupFileName(clock.now(), reason, existing);
    const written = await folder.write(name, bytes);
    if (!written.ok) return written;
    const remove = backupsToRemove([...existing, name], {
      now: clock.now(),
      utcOffsetMinutes: clock.utcOffsetMinutes(),
    });
    // Pruning is best effort: a file that cannot be removed now is removed next time.
    for (const old of remove) await folder.remove(old).catch(() => undefined);
    const parsed = parseBackupFileName(name);
    if (parsed === null) return fail('internal', '备份文件名生成错误。', 'unparseable new name');
    return ok(entryOf(parsed, bytes.byteLength, bytes.subarray(0, BUNDLE_HEAD_BYTES)));
  },

  'backup:list': async () => {
    const listed = await folder.list();
    if (!listed.ok) return listed;
    const sizes = new Map(listed.value.map((file) => [file.name, file.size]));
    const parsed = listed.value
      .map((file) => parseBackupFileName(file.name))
      .filter((entry): entry is ParsedBackupName => entry !== null)
      .sort(compareNewestFirst);
    const backups: BackupEntry[] = [];
    for (const entry of parsed) {
      const head = await folder.readHead(entry.name, BUNDLE_HEAD_BYTES);
      backups.push(entryOf(entry, sizes.get(entry.name) ?? 0, head));
    }
    return ok({ folder: folder.location, backups });
  },

  'backup:read': async ({ name }) => {
    const read = await folder.read(name);
    return read.ok ? ok({ name, bytes: read.value }) : read;
  },
});
