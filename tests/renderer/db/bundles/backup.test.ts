// Backups hold every table and restore it exactly: for random databases, backup → wipe →
// restore gives the digest of the backed-up database, and so does restoring over another
// database; a version-1 backup (no key pins) restores too.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PingguDatabase } from '../../../../renderer/db/database';
import { exportBackupPayload, restoreBackup } from '../../../../renderer/db/bundles/backup';
import { databaseDigest } from '../../../../renderer/db/bundles/digest';
import { openBundle } from '../../../../shared/bundle/bundle';
import * as golden from '../../../fixtures/bundles/v1/records';
import { buildAuditEntry } from '../../../helpers/builders';
import { openTestDatabase } from '../../../helpers/db';
import { backupBundle, importBundle, keyOf, testCrypto } from '../../../helpers/importBuilders';
import { databaseSpecArb, fillDatabase } from '../../../helpers/randomDatabase';

let db: PingguDatabase;
let other: PingguDatabase;

beforeEach(async () => {
  [db, other] = await Promise.all([openTestDatabase(), openTestDatabase()]);
});

afterEach(async () => {
  await Promise.all([db.delete(), other.delete()]);
});

const wipe = (target: PingguDatabase) =>
  target.transaction('rw', target.tables, () => Promise.all(target.tables.map((t) => t.clear())));

async function backupOf(source: PingguDatabase): Promise<Uint8Array> {
  return backupBundle(await exportBackupPayload(source), {
    signer: await keyOf('this-machine'),
    deviceId: 'this-machine',
  });
}

describe('backup and restore', () => {
  it('restores random databases exactly, into an empty database or over another one', async () => {
    await fc.assert(
      fc.asyncProperty(databaseSpecArb, databaseSpecArb, async (spec, otherSpec) => {
        await Promise.all([wipe(db), wipe(other)]);
        await fillDatabase(db, spec);
        await fillDatabase(other, otherSpec);
        const backedUp = await databaseDigest(db);
        const bytes = await backupOf(db);

        await wipe(db);
        expect(await databaseDigest(db)).not.toBe(backedUp);
        await importBundle(db, bytes, { prepare: { expectedKinds: ['backup'] } });
        expect(await databaseDigest(db)).toBe(backedUp);

        await importBundle(other, bytes, { prepare: { expectedKinds: ['backup'] } });
        expect(await databaseDigest(other)).toBe(backedUp);
      }),
      { numRuns: 20 },
    );
  });

  it('carries key pins and keeps numbering audit entries after the restored ones', async () => {
    await fillDatabase(db, {
      rounds: [{ scores: [1, 2, 3, 4, 5, 6], submitted: [true], archived: false }],
      conflicts: 1,
      imports: 1,
      audit: 5,
      pins: 3,
      settings: [{ key: 'language', value: 'en' }],
    });
    const opened = await openBundle(await backupOf(db), { crypto: testCrypto });
    if (!opened.ok) throw new Error(opened.error.messageEn);
    const restored = await restoreBackup(other, opened);
    expect(restored.ok && restored.records).toMatchObject({ trustedKeys: 3, auditLog: 5 });
    expect(await other.trustedKeys.toArray()).toEqual(await db.trustedKeys.toArray());
    const last = (await other.auditLog.toArray()).at(-1)?.seq ?? 0;
    const seq = await other.auditLog.add(buildAuditEntry('round-x'));
    expect(seq).toBeGreaterThan(last);
  });

  it('restores a version-1 backup, which has no key pins', async () => {
    const file = path.resolve('tests/fixtures/bundles/v1/backup.pgb');
    const bytes = new Uint8Array(await readFile(file));
    await importBundle(db, bytes, { prepare: { expectedKinds: ['backup'] } });
    expect(await db.rounds.toArray()).toEqual([golden.round]);
    expect(await db.auditLog.toArray()).toEqual(golden.backupAudit);
    expect(await db.scoresheets.toArray()).toEqual(golden.scoresheets);
    expect(await db.trustedKeys.count()).toBe(0);
  });
});
