// Writing a real backup of the demo database through the browser DesktopApi (device key and
// backup folder in memory), wiping the database and restoring it: the state comes back exactly.
import { describe, expect, it } from 'vitest';
import { openBundle } from '../../../../shared/bundle/bundle';
import { databaseDigest } from '../../../../renderer/db/bundles';
import {
  loadDemoRound,
  removeDemoRound,
} from '../../../../renderer/db/repositories/demoRepository';
import {
  isDatabaseEmpty,
  prepareRestore,
  restorePrepared,
  writeBackup,
} from '../../../../renderer/features/backups/backupService';
import type { BackupDeps } from '../../../../renderer/features/backups/backupService';
import { createBrowserDesktopApi } from '../../../../renderer/platform/browserDesktopApi';
import type { BrowserHost } from '../../../../renderer/platform/browserHost';
import { memoryBackupFolder } from '../../../helpers/backupFolders';
import { openTestDatabase } from '../../../helpers/db';
import { buildApproval } from '../../../helpers/registryBuilders';
import { countingKeySource } from '../../../helpers/deviceKeys';

const host: BrowserHost = {
  isProduction: true,
  pickFiles: async () => null,
  download: () => undefined,
};

const setUp = async () => {
  const db = await openTestDatabase();
  const folder = memoryBackupFolder();
  const key = await countingKeySource();
  let ids = 0;
  const deps: BackupDeps = {
    db,
    api: createBrowserDesktopApi(host, key.source, folder),
    crypto: globalThis.crypto,
    clock: { now: () => '2026-11-26T12:00:00.000Z' },
    newId: () => `id-${(ids += 1)}`,
    appVersion: '0.1.0',
  };
  return { db, folder, deps };
};

describe('backups of the whole database', () => {
  it('skip an empty database', async () => {
    const { deps, folder } = await setUp();
    expect(await isDatabaseEmpty(deps.db)).toBe(true);
    expect(await writeBackup(deps, 'auto')).toEqual({ status: 'skipped', why: 'empty' });
    expect(folder.files.size).toBe(0);
  });

  it('back up a department laptop that holds only its registry, and restore it', async () => {
    const { db, deps, folder } = await setUp();
    await db.registryApprovals.put(buildApproval('LN-B1-0005'));
    expect(await isDatabaseEmpty(db)).toBe(false);
    const outcome = await writeBackup(deps, 'auto');
    if (outcome.status !== 'written') throw new Error(`expected a backup, got ${outcome.status}`);
    const bytes = folder.files.get(outcome.entry.name);
    if (bytes === undefined) throw new Error('backup not stored');
    await db.registryApprovals.clear();
    const prepared = await prepareRestore(deps, bytes, outcome.entry.name);
    if (!prepared.ok) throw new Error(prepared.error.message);
    expect(prepared.prepared.preview.backup?.records.registryApprovals).toBe(1);
    const restored = await restorePrepared(deps, prepared.prepared, (reason) =>
      writeBackup(deps, reason),
    );
    expect(restored.ok).toBe(true);
    expect((await db.registryApprovals.toArray()).map((a) => a.code)).toEqual(['LN-B1-0005']);
  });

  it('write a signed backup bundle of every table, and restore it exactly after a wipe', async () => {
    const { db, deps, folder } = await setUp();
    const loaded = await loadDemoRound(db, {
      now: () => '2026-11-26T11:00:00.000Z',
      withHistory: false,
    });
    expect(loaded.ok).toBe(true);
    const outcome = await writeBackup(deps, 'manual');
    if (outcome.status !== 'written') throw new Error(`expected a backup, got ${outcome.status}`);
    expect(outcome.entry.name).toMatch(/^pinggu-backup-.+Z-manual\.pgb$/);
    const bytes = folder.files.get(outcome.entry.name);
    if (bytes === undefined) throw new Error('backup not stored');
    const opened = await openBundle(bytes, {
      crypto: globalThis.crypto,
      expectedKinds: ['backup'],
    });
    expect(opened.ok && opened.signer.fingerprint).toBe(outcome.entry.fingerprint);
    const before = await databaseDigest(db);

    await removeDemoRound(db, { now: () => '2026-11-26T12:01:00.000Z' });
    expect(await isDatabaseEmpty(db)).toBe(true);

    const prepared = await prepareRestore(deps, bytes, outcome.entry.name);
    if (!prepared.ok) throw new Error(prepared.error.message);
    expect(prepared.prepared.preview.backup?.records.rounds).toBe(1);
    const safetyReasons: string[] = [];
    const restored = await restorePrepared(deps, prepared.prepared, async (reason) => {
      safetyReasons.push(reason);
      return writeBackup(deps, reason);
    });
    expect(restored.ok).toBe(true);
    // The current (empty) state needed no safety copy.
    expect(restored.safety).toEqual({ status: 'skipped', why: 'empty' });
    expect(safetyReasons).toEqual(['restore']);
    expect(await databaseDigest(db)).toBe(before);
  });

  it('back up the current state before restoring, and cancel the restore if that fails', async () => {
    const { db, deps } = await setUp();
    await loadDemoRound(db, { now: () => '2026-11-26T11:00:00.000Z', withHistory: false });
    const outcome = await writeBackup(deps, 'manual');
    if (outcome.status !== 'written') throw new Error('expected a backup');
    const read = await deps.api.backup.read({ name: outcome.entry.name });
    if (!read.ok) throw new Error(read.error.message);
    const prepared = await prepareRestore(deps, read.value.bytes, outcome.entry.name);
    if (!prepared.ok) throw new Error(prepared.error.message);
    const before = await databaseDigest(db);
    const refused = await restorePrepared(deps, prepared.prepared, async () => ({
      status: 'failed',
      message: '磁盘已满',
    }));
    expect(refused).toEqual({ ok: false, safety: { status: 'failed', message: '磁盘已满' } });
    expect(await databaseDigest(db)).toBe(before);
  });

  it('refuse to restore a bundle that is not a backup', async () => {
    const { deps } = await setUp();
    const { makeBundle } = await import('../../../helpers/bundleBuilders');
    const { bytes } = await makeBundle('scores');
    const prepared = await prepareRestore(deps, bytes, 'scores.pgb');
    expect(prepared).toMatchObject({ ok: false, error: { code: 'wrongKind' } });
  });
});
