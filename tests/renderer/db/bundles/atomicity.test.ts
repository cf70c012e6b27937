// One transaction or nothing: a failure injected at the k-th write of an import (a Dexie hook
// that throws while creating, updating or deleting a record, in any table) leaves every
// table exactly as it was, for random k, and the import reports an internal error.
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PingguDatabase } from '../../../../renderer/db/database';
import { exportBackupPayload } from '../../../../renderer/db/bundles/backup';
import { commitImport } from '../../../../renderer/db/bundles/commitImport';
import { databaseDigest } from '../../../../renderer/db/bundles/digest';
import type { PreparedImport } from '../../../../renderer/db/bundles/types';
import { applyScoresheetEdit } from '../../../../renderer/db/repositories/scoresheetRepository';
import type { EditContext } from '../../../../renderer/db/repositories/scoresheetRepository';
import { setOverallComment } from '../../../../shared/domain/scoresheet';
import type { Scoresheet } from '../../../../shared/domain/types';
import { testSheetDeps } from '../../../helpers/builders';
import type { RoundRecords } from '../../../helpers/builders';
import { samplePayload } from '../../../helpers/bundleBuilders';
import { openTestDatabase } from '../../../helpers/db';
import {
  backupBundle,
  confirmingDeps,
  importBundle,
  keyOf,
  prepared,
  resultBundle,
  roundBundleFrom,
  scoresBundleFrom,
  secretariatDatabase,
  valueOf,
} from '../../../helpers/importBuilders';
import { scoreEverySheet } from '../../../helpers/panelWorkflow';
import { cloneOf, failAtWrite } from '../../../helpers/storageFaults';

let db: PingguDatabase;
let panel: PingguDatabase;
let r: RoundRecords;

beforeEach(async () => {
  [db, panel] = await Promise.all([openTestDatabase(), openTestDatabase()]);
  r = await secretariatDatabase(db);
});

afterEach(async () => {
  await Promise.all([db.delete(), panel.delete()]);
});

/** Commits `ready` with a failure at every sampled k; the database never changes. */
async function expectAtomic(ready: PreparedImport, runs: number): Promise<void> {
  const dry = await cloneOf(db);
  const counter = failAtWrite(dry, Number.POSITIVE_INFINITY);
  const committed = await commitImport(dry, ready, confirmingDeps(ready));
  counter.off();
  await dry.delete();
  expect(committed.ok).toBe(true);
  const total = counter.writes();
  expect(total).toBeGreaterThan(5);

  const before = await databaseDigest(db);
  await fc.assert(
    fc.asyncProperty(fc.integer({ min: 1, max: total }), async (k) => {
      const failing = failAtWrite(db, k);
      const result = await commitImport(db, ready, confirmingDeps(ready)).finally(failing.off);
      expect(result.ok || result.error.code).toBe('internal');
      expect(result.ok || result.error.message).toContain('数据库未作任何更改');
      expect(await databaseDigest(db)).toBe(before);
    }),
    { numRuns: runs },
  );
  const result = await commitImport(db, ready, confirmingDeps(ready));
  expect(result.ok).toBe(true);
  expect(await databaseDigest(db)).not.toBe(before);
}

describe('an import is one transaction', () => {
  it('leaves the database as it was when a score import fails at any write', async () => {
    await importBundle(panel, await roundBundleFrom(db, r));
    const deps = testSheetDeps('laptop-1');
    const [firstExpert] = r.experts;
    await scoreEverySheet(panel, r.round.id, deps, { submit: false });
    await importBundle(
      db,
      await scoresBundleFrom(panel, r, { expertIds: [firstExpert?.id ?? ''] }),
    );
    for (const sheet of await panel.scoresheets.toArray()) {
      const note = (s: Scoresheet, { stamp }: EditContext) =>
        setOverallComment(s, '补充意见', stamp);
      valueOf(await applyScoresheetEdit(panel, sheet.id, note, '专家', deps));
    }
    const ready = await prepared(db, await scoresBundleFrom(panel, r, { deviceId: 'laptop-2' }));
    expect(ready.preview.sheets?.counts).toMatchObject({ added: 4, updated: 2 });
    await expectAtomic(ready, 32);
  });

  it('leaves the database as it was when an archive import fails at any write', async () => {
    const payload = samplePayload('result');
    const bytes = await resultBundle(payload, {
      signer: await keyOf('secretariat'),
      deviceId: 'secretariat-pc',
      roundId: payload.round.id,
    });
    await expectAtomic(await prepared(db, bytes), 12);
  });

  it('leaves the database as it was when a backup restore fails at any write', async () => {
    const other = await openTestDatabase();
    await secretariatDatabase(other);
    const bytes = await backupBundle(await exportBackupPayload(other), {
      signer: await keyOf('other'),
      deviceId: 'other-pc',
    });
    await other.delete();
    await expectAtomic(await prepared(db, bytes), 12);
  });
});
