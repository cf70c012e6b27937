// Writing and restoring backups: the whole database as a signed `backup` bundle
// (exportBackupPayload + createBundle with this device's key), handed to the DesktopApi's
// backup:write, which names it, stores it and prunes old ones. Restoring opens a backup like
// any bundle (hashes, signature, schemas) and replaces the database in one transaction, after
// a fresh backup of the current state. Everything is passed in, so tests run it in Node.
import { createBundle } from '../../../shared/bundle/bundle';
import type { WebCryptoLike } from '../../../shared/bundle/cryptoTypes';
import type { BackupReason, DesktopApi } from '../../../shared/ipc/contract';
import { commitImport, exportBackupPayload, prepareImport } from '../../db/bundles';
import type { CommitResult, PrepareResult, PreparedImport } from '../../db/bundles';
import type { PingguDatabase } from '../../db/database';
import { getOrCreateDeviceId } from '../../db/repositories/settingsRepository';
import { getDeviceSigner } from '../../platform/deviceSigner';
import type { BackupOutcome } from './backupScheduler';

export type BackupDeps = {
  readonly db: PingguDatabase;
  readonly api: DesktopApi;
  readonly crypto: WebCryptoLike;
  readonly clock: { now(): string };
  readonly newId: () => string;
  readonly appVersion: string;
};

/** Who restored or imported, in the audit log. */
export const IMPORT_ACTOR = '数据包导入';

/**
 * No rounds and no registry (a department laptop may hold only its registry): nothing worth
 * a backup, and a start-up that may want one restored.
 */
export const isDatabaseEmpty = async (db: PingguDatabase): Promise<boolean> => {
  const counts = await Promise.all([
    db.rounds.count(),
    db.registryRounds.count(),
    db.registryApprovals.count(),
    db.registryHistory.count(),
  ]);
  return counts.every((count) => count === 0);
};

const failed = (message: string): BackupOutcome => ({ status: 'failed', message });

/** One backup of the whole database, written through api.backup.write. */
export const writeBackup = async (
  deps: BackupDeps,
  reason: BackupReason,
): Promise<BackupOutcome> => {
  const { db, api } = deps;
  if (await isDatabaseEmpty(db)) return { status: 'skipped', why: 'empty' };
  const signer = await getDeviceSigner(api);
  if (!signer.ok) return failed(signer.error.message);
  // Created before the export, so the backup carries it.
  const deviceId = await getOrCreateDeviceId(db, deps.newId);
  const payload = await exportBackupPayload(db);
  let bytes: Uint8Array;
  try {
    bytes = await createBundle({
      kind: 'backup',
      deviceId,
      appVersion: deps.appVersion,
      createdAt: deps.clock.now(),
      signer: signer.signer,
      crypto: deps.crypto,
      payload,
    });
  } catch (error) {
    return failed(error instanceof Error ? error.message : String(error));
  }
  const written = await api.backup.write({ bytes, reason });
  return written.ok ? { status: 'written', entry: written.value } : failed(written.error.message);
};

/** Opens a backup file for restoring: the preview shows its time, contents and signer. */
export const prepareRestore = (
  deps: Pick<BackupDeps, 'db' | 'crypto'>,
  bytes: Uint8Array,
  fileName: string,
): Promise<PrepareResult> =>
  prepareImport(deps.db, bytes, fileName, { crypto: deps.crypto, expectedKinds: ['backup'] });

export type RestoreOutcome =
  | { readonly ok: true; readonly safety: BackupOutcome; readonly result: CommitResult }
  | { readonly ok: false; readonly safety: BackupOutcome };

/**
 * Backs up the current state first (through `backupNow`, so it queues behind any running
 * backup), then restores. A failed safety backup cancels the restore.
 */
export const restorePrepared = async (
  deps: Pick<BackupDeps, 'db' | 'clock' | 'newId'>,
  prepared: PreparedImport,
  backupNow: (reason: BackupReason) => Promise<BackupOutcome>,
): Promise<RestoreOutcome> => {
  const safety = await backupNow('restore');
  if (safety.status === 'failed') return { ok: false, safety };
  const result = await commitImport(deps.db, prepared, {
    actor: IMPORT_ACTOR,
    clock: deps.clock,
    newId: deps.newId,
  });
  return { ok: true, safety, result };
};
