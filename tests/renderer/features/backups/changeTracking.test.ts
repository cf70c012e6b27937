import { describe, expect, it } from 'vitest';
import {
  onDatabaseChange,
  touchesDatabase,
} from '../../../../renderer/features/backups/changeTracking';
import { setSetting } from '../../../../renderer/db/repositories/settingsRepository';
import { openTestDatabase } from '../../../helpers/db';
import { createIndexedDbBackupFolder } from '../../../../renderer/platform/browserBackupFolder';

describe('change tracking for backups', () => {
  it('names only the database whose parts changed', () => {
    expect(touchesDatabase({ 'idb://pinggu-backups/files/': {} }, 'pinggu')).toBe(false);
    expect(touchesDatabase({ 'idb://pinggu-device/keys/': {} }, 'pinggu')).toBe(false);
    expect(touchesDatabase({ 'idb://pinggu/rounds/': {} }, 'pinggu')).toBe(true);
  });

  it('hears every committed write to the app database, and nothing after unsubscribing', async () => {
    const db = await openTestDatabase();
    let changes = 0;
    const stop = onDatabaseChange(db.name, () => {
      changes += 1;
    });
    await setSetting(db, 'currentRoundId', 'round-1');
    await setSetting(db, 'currentRoundId', 'round-2');
    expect(changes).toBe(2);
    await db.rounds.toArray();
    expect(changes).toBe(2);
    stop();
    await setSetting(db, 'currentRoundId', 'round-3');
    expect(changes).toBe(2);
  });

  it('ignores writes to the backup store, so writing a backup is not a change', async () => {
    const db = await openTestDatabase();
    let changes = 0;
    const stop = onDatabaseChange(db.name, () => {
      changes += 1;
    });
    const folder = createIndexedDbBackupFolder(`${db.name}-backups`);
    await folder.write('pinggu-backup-2026-11-26T12-00-00Z-auto.pgb', new Uint8Array([1]));
    expect(changes).toBe(0);
    stop();
  });
});
