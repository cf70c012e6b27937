// A canonical digest of the database, to prove that a refused import changed nothing, that
// re-importing a bundle changes nothing, that import order does not matter, and that a
// restored backup is the backed-up database. Each table's records in primary-key order,
// canonical JSON (sorted keys), FNV-1a 64 (shared/sync/digest.ts); the database digest is
// the digest of { table: table digest }; the audit log as it reads (import groups expanded into
// their entries). Not cryptographic: it compares states.
import { digestOf } from '../../../shared/sync/digest';
import { sameContent } from '../../../shared/sync/content';
import type { ConflictRecord, TrustedKey } from '../../../shared/domain/types';
import type { PingguDatabase } from '../database';
import { expandAudit } from '../repositories/audit';
import { TABLE_NAMES } from '../schema';
import type { TableName } from '../schema';

/**
 * The tables that hold data, as opposed to the record of what happened: every table but
 * bundleImports (one row per committed import, repeats included) and auditLog.
 */
export const DATA_TABLES: readonly TableName[] = TABLE_NAMES.filter(
  (t) => t !== 'bundleImports' && t !== 'auditLog',
);

export type DigestOptions = {
  /** Default: every table. */
  tables?: readonly TableName[];
  /**
   * Leave out what depends on the order of imports by nature: when and by which import a
   * conflict was first seen (and when merge settled an identical copy), and when a key
   * was first pinned. What remains is the merge state, equal for any import order.
   */
  withoutProvenance?: boolean;
};

function conflictState(record: ConflictRecord): object {
  const { detectedAt: _at, sourceImportId: _import, resolvedAt, ...rest } = record;
  // A person's resolution keeps its time; merge's own settling of identical copies is a flag.
  if (resolvedAt === undefined) return rest;
  return sameContent(record.local, record.incoming)
    ? { ...rest, settled: true }
    : { ...rest, resolvedAt };
}

const pinState = ({ firstSeenAt: _at, acceptedAt: _accepted, ...rest }: TrustedKey): object => rest;

export async function databaseDigest(
  db: PingguDatabase,
  options: DigestOptions = {},
): Promise<string> {
  const tables = [...(options.tables ?? TABLE_NAMES)].sort();
  const read = async (name: TableName): Promise<unknown[]> => {
    if (options.withoutProvenance && name === 'conflicts') {
      return (await db.conflicts.toArray()).map(conflictState);
    }
    if (options.withoutProvenance && name === 'trustedKeys') {
      return (await db.trustedKeys.toArray()).map(pinState);
    }
    // The log as it reads: an import group as its entries, each with its number, equal to the
    // same entries stored one by one (as a restored backup stores them).
    if (name === 'auditLog') return expandAudit(await db.auditLog.toArray());
    return db.table(name).toArray();
  };
  const digests = await db.transaction('r', db.tables, () =>
    Promise.all(tables.map(async (name) => [name, digestOf(await read(name))] as const)),
  );
  return digestOf(Object.fromEntries(digests));
}

/** The data tables' digest: equal before and after re-importing any bundle. */
export function dataDigest(db: PingguDatabase, options: Omit<DigestOptions, 'tables'> = {}) {
  return databaseDigest(db, { ...options, tables: DATA_TABLES });
}
