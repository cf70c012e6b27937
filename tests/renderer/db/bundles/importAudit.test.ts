// What a score bundle's import writes to the audit log: one record for the whole import (the
// panel's entries it carries and one import entry per sheet written), read back under every
// sheet exactly as single entries were; a repeat adds nothing twice; a backup carries the
// entries one by one, with their numbers, and restores the same history.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PingguDatabase } from '../../../../renderer/db/database';
import { exportBackupPayload } from '../../../../renderer/db/bundles/backup';
import { databaseDigest } from '../../../../renderer/db/bundles/digest';
import { listAuditOfEntity, listAuditOfRound } from '../../../../renderer/db/queries';
import { isAuditGroup } from '../../../../renderer/db/repositories/audit';
import { testSheetDeps } from '../../../helpers/builders';
import type { RoundRecords } from '../../../helpers/builders';
import { openTestDatabase } from '../../../helpers/db';
import {
  backupBundle,
  importBundle,
  keyOf,
  roundBundleFrom,
  scoresBundleFrom,
  secretariatDatabase,
} from '../../../helpers/importBuilders';
import { scoreEverySheet, scoreSheet } from '../../../helpers/panelWorkflow';

let secretariat: PingguDatabase;
let laptop: PingguDatabase;
let other: PingguDatabase;
let r: RoundRecords;

beforeEach(async () => {
  [secretariat, laptop, other] = await Promise.all([
    openTestDatabase(),
    openTestDatabase(),
    openTestDatabase(),
  ]);
  r = await secretariatDatabase(secretariat);
  await importBundle(laptop, await roundBundleFrom(secretariat, r));
});

afterEach(async () => {
  await Promise.all([secretariat.delete(), laptop.delete(), other.delete()]);
});

const scoresOnly = (roundId: string) => ({ expectedKinds: ['scores' as const], roundId });

describe('the audit log of a score bundle import', () => {
  it('is one record, and each sheet shows the panel’s entries, then its import entry', async () => {
    const sheets = await scoreEverySheet(laptop, r.round.id, testSheetDeps('laptop-1'));
    const before = await secretariat.auditLog.count();
    await importBundle(secretariat, await scoresBundleFrom(laptop, r), {
      prepare: scoresOnly(r.round.id),
    });
    const added = (await secretariat.auditLog.toArray()).slice(before);
    expect(added).toHaveLength(1);
    const [group] = added;
    if (!group || !isAuditGroup(group)) throw new Error('no audit group');
    expect([...group.entityIds].sort()).toEqual(sheets.map((s) => s.id).sort());

    for (const sheet of sheets) {
      const onLaptop = await listAuditOfEntity(laptop, sheet.id);
      const here = await listAuditOfEntity(secretariat, sheet.id);
      // The laptop's history (without its numbers), then one entry of this import.
      expect(here.map(({ seq: _seq, ...e }) => e)).toEqual([
        ...onLaptop.map(({ seq: _seq, ...e }) => e),
        expect.objectContaining({ action: 'scoresheet.import', entityId: sheet.id }),
      ]);
      expect(here.at(-1)?.detail).toMatch(/^从“.+”导入：新评分表$/);
      // Numbers go up, each its own.
      const seqs = here.map((e) => e.seq ?? 0);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
      expect(new Set(seqs).size).toBe(seqs.length);
    }
    const round = await listAuditOfRound(secretariat, r.round.id);
    expect(new Set(round.map((e) => e.seq)).size).toBe(round.length);
    expect(round.filter((e) => e.action === 'scoresheet.import')).toHaveLength(sheets.length);
  });

  it('adds none of the panel’s entries twice when a later bundle carries them again', async () => {
    const [sheet] = await scoreEverySheet(laptop, r.round.id, testSheetDeps('laptop-1'), {
      submit: false,
    });
    if (!sheet) throw new Error('no sheet');
    await importBundle(secretariat, await scoresBundleFrom(laptop, r), {
      prepare: scoresOnly(r.round.id),
    });
    const first = await listAuditOfEntity(secretariat, sheet.id);
    // The expert submits the sheet on the laptop: a later bundle carries every entry again.
    const draft = await laptop.scoresheets.get(sheet.id);
    if (!draft) throw new Error('no draft');
    await scoreSheet(laptop, draft, testSheetDeps('laptop-1'));
    await importBundle(secretariat, await scoresBundleFrom(laptop, r), {
      prepare: scoresOnly(r.round.id),
    });
    const onLaptop = await listAuditOfEntity(laptop, sheet.id);
    const here = await listAuditOfEntity(secretariat, sheet.id);
    const strip = ({ seq: _seq, ...e }: { seq?: number }) => e;
    // Each laptop entry once; this machine's two import entries where they were written.
    const laptopEntries = here.filter((e) => e.action !== 'scoresheet.import');
    expect(laptopEntries.map(strip)).toEqual(onLaptop.map(strip));
    expect(here.filter((e) => e.action === 'scoresheet.import')).toHaveLength(2);
    expect(here.slice(0, first.length)).toEqual(first);
  });

  it('goes into a backup entry by entry, numbered as it reads, and restores the same history', async () => {
    const sheets = await scoreEverySheet(laptop, r.round.id, testSheetDeps('laptop-1'));
    await importBundle(secretariat, await scoresBundleFrom(laptop, r), {
      prepare: scoresOnly(r.round.id),
    });
    const payload = await exportBackupPayload(secretariat);
    expect(payload.audit).toEqual(await listAuditOfRound(secretariat, r.round.id));
    const bytes = await backupBundle(payload, {
      signer: await keyOf('this-machine'),
      deviceId: 'this-machine',
    });
    await importBundle(other, bytes, { prepare: { expectedKinds: ['backup'] } });
    expect(await databaseDigest(other)).toBe(await databaseDigest(secretariat));
    for (const sheet of sheets) {
      expect(await listAuditOfEntity(other, sheet.id)).toEqual(
        await listAuditOfEntity(secretariat, sheet.id),
      );
    }
  });
});
