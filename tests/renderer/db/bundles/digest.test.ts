// The database digest the import tests rely on: equal for equal data whatever the order it
// was written in, different when any record differs; the data digest leaves out the import
// and audit records; without provenance, when a conflict or pin was first seen is ignored.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PingguDatabase } from '../../../../renderer/db/database';
import { dataDigest, databaseDigest } from '../../../../renderer/db/bundles/digest';
import type { ConflictRecord, TrustedKey } from '../../../../shared/domain/types';
import { buildAuditEntry, buildRoundRecords, TEST_TIME } from '../../../helpers/builders';
import type { RoundRecords } from '../../../helpers/builders';
import { openTestDatabase, putRoundRecords } from '../../../helpers/db';

let a: PingguDatabase;
let b: PingguDatabase;
let r: RoundRecords;

beforeEach(async () => {
  [a, b] = await Promise.all([openTestDatabase(), openTestDatabase()]);
  r = buildRoundRecords();
});

afterEach(async () => {
  await Promise.all([a.delete(), b.delete()]);
});

const conflictOf = (rr: RoundRecords, detectedAt: string, importId: string): ConflictRecord => {
  const [sheet] = rr.scoresheets;
  if (!sheet) throw new Error('no sheet');
  return {
    id: 'conflict-1',
    roundId: rr.round.id,
    scoresheetId: sheet.id,
    local: sheet,
    incoming: { ...sheet, overallComment: '另一份' },
    detectedAt,
    sourceImportId: importId,
  };
};

const pinOf = (firstSeenAt: string): TrustedKey => ({
  id: 'key-1',
  roundId: r.round.id,
  role: 'secretariat',
  publicKey: 'A'.repeat(43) + '=',
  fingerprint: '0000-0000-0000-0000',
  firstSeenAt,
});

describe('databaseDigest', () => {
  it('is equal for the same records written in another order, and changes with any field', async () => {
    await putRoundRecords(a, r);
    await putRoundRecords(b, { ...r, scoresheets: [...r.scoresheets].reverse() });
    expect(await databaseDigest(a)).toBe(await databaseDigest(b));
    const [sheet] = r.scoresheets;
    if (!sheet) throw new Error('no sheet');
    await b.scoresheets.put({ ...sheet, scores: { 'A1.1.1': 0.5 } });
    expect(await databaseDigest(a)).not.toBe(await databaseDigest(b));
  });

  it('leaves out import and audit records from the data digest only', async () => {
    await putRoundRecords(a, r);
    const data = await dataDigest(a);
    const all = await databaseDigest(a);
    await a.auditLog.add(buildAuditEntry(r.round.id));
    expect(await dataDigest(a)).toBe(data);
    expect(await databaseDigest(a)).not.toBe(all);
  });

  it('ignores when a conflict or a pin was first seen, and only that, without provenance', async () => {
    await putRoundRecords(a, r);
    await putRoundRecords(b, r);
    await a.conflicts.add(conflictOf(r, TEST_TIME, 'import-1'));
    await b.conflicts.add(conflictOf(r, '2024-06-01T00:00:00.000Z', 'import-9'));
    await a.trustedKeys.add(pinOf(TEST_TIME));
    await b.trustedKeys.add(pinOf('2024-06-01T00:00:00.000Z'));
    const plain = { withoutProvenance: true };
    expect(await dataDigest(a, plain)).toBe(await dataDigest(b, plain));
    expect(await dataDigest(a)).not.toBe(await dataDigest(b));
    await b.conflicts.update('conflict-1', { resolvedAt: TEST_TIME, resolution: 'local' });
    expect(await dataDigest(a, plain)).not.toBe(await dataDigest(b, plain));
  });
});
