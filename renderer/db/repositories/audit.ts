// The audit log: single entries, and one grouped record per bundle import.
//
// appendAudit adds a single entry; callers run it inside their own read-write transaction that
// includes db.auditLog, so the change and its audit entry commit or fail together.
//
// An import writes everything it has to say about many records (its own 'scoresheet.import'
// entry per sheet written, and the panel's entries the bundle carries) as ONE record, an
// AuditGroup, indexed by every record it concerns (the multiEntry index *entityIds, schema v5).
// IndexedDB pays per record written, not per byte: one entry per sheet cost about as much as
// the sheet itself. A group takes a block of sequence numbers, one per entry, as if they had
// been added one by one: it is stored under the block's last number, and the auto-increment
// goes on after it. Every reader goes through the functions below, which expand a group into
// its entries with their own numbers, so a sheet's history reads exactly as before, and a
// backup carries single entries numbered as the app shows them. Rows written before v5 (one
// per sheet) stay as they are and are read the same way.
import type { AuditAction, AuditEntry } from '../../../shared/domain/types';
import type { PingguDatabase } from '../database';

export type Clock = { now: () => string };

export type AuditInput = {
  roundId: string;
  action: AuditAction;
  entityId: string;
  actor: string;
  detail?: string;
};

/**
 * The entries one import wrote, as one record of auditLog. Its own fields say what it is (an
 * import: entityId is the import's bundleImports id, at its time, actor who imported); they
 * are not an entry of any record's history. Only its entries are.
 */
export type AuditGroup = AuditEntry & {
  /**
   * The last number of the group's block: entry i of n reads with seq - (n - 1) + i. Set by
   * addAuditGroup.
   */
  seq?: number;
  /** The entries' entityIds, each once (the *entityIds index). */
  entityIds: string[];
  /** The entries, without seq, in the order of their numbers. */
  entries: AuditEntry[];
};

/** What auditLog stores: single entries and import groups (read through the functions below). */
export type AuditRecord = AuditEntry | AuditGroup;

export const isAuditGroup = (record: AuditRecord): record is AuditGroup =>
  'entries' in record && Array.isArray(record.entries);

export async function appendAudit(
  db: PingguDatabase,
  input: AuditInput,
  clock: Clock,
): Promise<void> {
  const entry: AuditEntry = { at: clock.now(), ...input };
  await db.auditLog.add(entry);
}

const withoutSeq = ({ seq: _seq, ...entry }: AuditEntry): AuditEntry => entry;

/** The largest sequence number stored (0 for none): an import group is numbered after it. */
export async function lastAuditSeq(db: PingguDatabase): Promise<number> {
  const last = await db.auditLog.toCollection().lastKey();
  return typeof last === 'number' ? last : 0;
}

type GroupContext = {
  roundId: string;
  at: string;
  importId: string;
  actor: string;
  detail: string;
};

/** An import's entries as one group record, numbered after `last` (the largest seq stored). */
export function auditGroupRecord(
  entries: readonly AuditEntry[],
  context: GroupContext,
  last: number,
): AuditGroup {
  return {
    seq: last + entries.length,
    at: context.at,
    roundId: context.roundId,
    action: 'scoresheet.import',
    entityId: context.importId,
    actor: context.actor,
    detail: context.detail,
    entityIds: [...new Set(entries.map((e) => e.entityId))],
    entries: entries.map(withoutSeq),
  };
}

/**
 * Adds an import's entries as one group (nothing when there are none), numbered after every
 * record stored: inside the caller's read-write transaction, so nothing is added in between.
 */
export async function addAuditGroup(
  db: PingguDatabase,
  entries: readonly AuditEntry[],
  context: GroupContext,
): Promise<void> {
  if (entries.length === 0) return;
  await db.auditLog.add(auditGroupRecord(entries, context, await lastAuditSeq(db)));
}

/**
 * Single entries in seq order: a group becomes its entries (those `keep` accepts), each with
 * its own number from the group's block.
 */
export function expandAudit(
  records: readonly AuditRecord[],
  keep: (entry: AuditEntry) => boolean = () => true,
): AuditEntry[] {
  const entries: AuditEntry[] = [];
  for (const record of records) {
    if (!isAuditGroup(record)) {
      if (keep(record)) entries.push(record);
      continue;
    }
    const first = record.seq === undefined ? undefined : record.seq - record.entries.length + 1;
    record.entries.forEach((entry, i) => {
      if (keep(entry)) entries.push(first === undefined ? entry : { ...entry, seq: first + i });
    });
  }
  return entries.sort((a, b) => (a.seq ?? Infinity) - (b.seq ?? Infinity));
}

/** The records holding entries of these entities (each record once). */
async function recordsOfEntities(
  db: PingguDatabase,
  entityIds: readonly string[],
): Promise<AuditRecord[]> {
  const ids = [...new Set(entityIds)];
  if (ids.length === 0) return [];
  // Single entries by the entityId index; groups by *entityIds, keys first: a group holds many
  // entities, and is read once however many of them it holds.
  const [single, groupKeys] = await Promise.all([
    Promise.all(ids.map((id) => db.auditLog.where('entityId').equals(id).toArray())),
    Promise.all(ids.map((id) => db.auditLog.where('entityIds').equals(id).primaryKeys())),
  ]);
  const seqs = [...new Set(groupKeys.flat())];
  const groups = seqs.length === 0 ? [] : await db.auditLog.bulkGet(seqs);
  return [
    // A group's own entityId is its import's id: it is found by its entries, below.
    ...single.flat().filter((record) => !isAuditGroup(record)),
    ...groups.filter((g): g is AuditRecord => g !== undefined && isAuditGroup(g)),
  ];
}

/** Entries about these entities, oldest first. */
export async function listAuditOfEntities(
  db: PingguDatabase,
  entityIds: readonly string[],
): Promise<AuditEntry[]> {
  const wanted = new Set(entityIds);
  return expandAudit(await recordsOfEntities(db, entityIds), (e) => wanted.has(e.entityId));
}

/** Entries of a round, oldest first; `keep` picks some (e.g. by action). */
export async function listAuditOfRoundEntries(
  db: PingguDatabase,
  roundId: string,
  keep: (entry: AuditEntry) => boolean = () => true,
): Promise<AuditEntry[]> {
  const records = await db.auditLog.where('roundId').equals(roundId).toArray();
  return expandAudit(records, (e) => e.roundId === roundId && keep(e));
}
