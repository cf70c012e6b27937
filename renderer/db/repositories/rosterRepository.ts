// Writes the round's roster: import checked rows as bases, delete one base, clear the roster.
// Each write is one transaction with its audit entry.
//
// Importing appends: bases already in the round stay as they are, and a row naming a base
// the round already has (same name and host institution, ignoring spacing) is refused as a
// duplicate rather than stored twice. The preview checks this with readRoster's `existing`
// option; the transaction checks again, so a stale preview can never add a copy. Codes come
// from the file or are derived from name and host (shared/roster/rosterCodes.ts).
// Deleting is only for undoing a wrong import while the round is being set up: refused
// once the round is issued, and for any base that already has scoresheets or decisions.
import { assignBaseCodes, baseIdentityKey } from '../../../shared/roster';
import type { RosterRow } from '../../../shared/roster';
import type { Base, Round } from '../../../shared/domain/types';
import type { PingguDatabase } from '../database';
import { appendAudit } from './audit';
import type { Clock } from './audit';
import { archivedRound, fail, ok } from './errors';
import type { RepositoryResult } from './errors';

export type RosterDeps = Clock & { newId: () => string };

export type RosterImportOptions = {
  /** The file the rows came from, recorded in the audit entry. */
  fileName?: string;
};

export type RosterImported = { added: Base[] };

export type RosterRemoved = { bases: number; assignments: number };

const roundNotFound = <T>(roundId: string): RepositoryResult<T> =>
  fail<T>('notFound', `找不到评估轮次：${roundId}`);

/** Why bases may not be added to this round, if they may not. */
function importRefusal<T>(round: Round): RepositoryResult<T> | undefined {
  if (round.archive !== undefined) return archivedRound<T>();
  if (round.status === 'closed') return fail<T>('locked', '本轮评估已结束，不能再导入基地。');
  return undefined;
}

/** Why bases may not be removed from this round, if they may not. */
function removalRefusal<T>(round: Round): RepositoryResult<T> | undefined {
  if (round.archive !== undefined) return archivedRound<T>();
  if (round.status !== 'setup') {
    return fail<T>(
      'locked',
      '评审包已下发，不能再删除基地。只有筹备阶段的轮次可以删除基地或清空名单。',
    );
  }
  return undefined;
}

function toBase(row: RosterRow, roundId: string, id: string, code: string): Base {
  const base: Base = {
    id,
    roundId,
    code,
    name: row.name,
    type: row.type,
    hostInstitution: row.hostInstitution,
    city: row.city,
    director: row.director,
    yearEstablished: row.yearEstablished,
    field: row.field,
  };
  if (row.legacyType !== undefined) base.legacyType = row.legacyType;
  if (row.keyFigures !== undefined) base.keyFigures = { ...row.keyFigures };
  return base;
}

/** Adds the checked roster rows to the round as new bases, all or none. */
export function importRoster(
  db: PingguDatabase,
  roundId: string,
  rows: readonly RosterRow[],
  actor: string,
  deps: RosterDeps,
  options: RosterImportOptions = {},
): Promise<RepositoryResult<RosterImported>> {
  return db.transaction('rw', [db.rounds, db.bases, db.auditLog], async () => {
    const round = await db.rounds.get(roundId);
    if (!round) return roundNotFound<RosterImported>(roundId);
    const refusal = importRefusal<RosterImported>(round);
    if (refusal) return refusal;
    if (rows.length === 0) return fail<RosterImported>('editRejected', '名单中没有可导入的基地。');

    const existing = await db.bases.where('roundId').equals(roundId).toArray();
    const known = new Set(existing.map(baseIdentityKey));
    const codes = new Set(existing.map((b) => b.code));
    const seen = new Set<string>();
    for (const row of rows) {
      const key = baseIdentityKey(row);
      if (known.has(key) || seen.has(key)) {
        return fail<RosterImported>(
          'alreadyExists',
          `第 ${row.row} 行「${row.name}」（${row.hostInstitution}）已在本轮名单中，不会重复导入。请重新读取文件后再导入。`,
        );
      }
      seen.add(key);
      if (row.code !== undefined && codes.has(row.code)) {
        return fail<RosterImported>(
          'alreadyExists',
          `第 ${row.row} 行的基地编号「${row.code}」已被本轮其他基地使用。`,
        );
      }
    }

    const assigned = assignBaseCodes(rows, codes);
    const added = rows.map((row, i) => toBase(row, roundId, deps.newId(), assigned[i] ?? ''));
    await db.bases.bulkAdd(added);
    const source = options.fileName === undefined ? '' : `（${options.fileName}）`;
    await appendAudit(
      db,
      {
        roundId,
        action: 'roster.import',
        entityId: roundId,
        actor,
        detail: `导入 ${added.length} 个基地${source}`,
      },
      deps,
    );
    return ok({ added });
  });
}

async function removeBases(
  db: PingguDatabase,
  bases: readonly Base[],
): Promise<RepositoryResult<RosterRemoved>> {
  const ids = bases.map((b) => b.id);
  const sheets = await db.scoresheets.where('baseId').anyOf(ids).count();
  const decisions = await db.decisions.where('baseId').anyOf(ids).count();
  if (sheets > 0 || decisions > 0) {
    return fail<RosterRemoved>('locked', '已有评分表或评估结论的基地不能删除。');
  }
  const assignments = await db.assignments.where('baseId').anyOf(ids).primaryKeys();
  await db.assignments.bulkDelete(assignments);
  await db.bases.bulkDelete(ids);
  return ok({ bases: ids.length, assignments: assignments.length });
}

const removalTables = (db: PingguDatabase) => [
  db.rounds,
  db.bases,
  db.assignments,
  db.scoresheets,
  db.decisions,
  db.auditLog,
];

/** Deletes one base of a round in set-up, with its panel assignments. */
export function deleteBase(
  db: PingguDatabase,
  baseId: string,
  actor: string,
  clock: Clock,
): Promise<RepositoryResult<RosterRemoved>> {
  return db.transaction('rw', removalTables(db), async () => {
    const base = await db.bases.get(baseId);
    if (!base) return fail<RosterRemoved>('notFound', `找不到基地：${baseId}`);
    const round = await db.rounds.get(base.roundId);
    if (!round) return roundNotFound<RosterRemoved>(base.roundId);
    const refusal = removalRefusal<RosterRemoved>(round);
    if (refusal) return refusal;
    const removed = await removeBases(db, [base]);
    if (!removed.ok) return removed;
    await appendAudit(
      db,
      {
        roundId: round.id,
        action: 'base.delete',
        entityId: base.id,
        actor,
        detail: `删除基地：${base.name}（${base.hostInstitution}）`,
      },
      clock,
    );
    return removed;
  });
}

/** Deletes every base of a round in set-up, with their panel assignments. */
export function clearRoster(
  db: PingguDatabase,
  roundId: string,
  actor: string,
  clock: Clock,
): Promise<RepositoryResult<RosterRemoved>> {
  return db.transaction('rw', removalTables(db), async () => {
    const round = await db.rounds.get(roundId);
    if (!round) return roundNotFound<RosterRemoved>(roundId);
    const refusal = removalRefusal<RosterRemoved>(round);
    if (refusal) return refusal;
    const bases = await db.bases.where('roundId').equals(roundId).toArray();
    if (bases.length === 0) return ok({ bases: 0, assignments: 0 });
    const removed = await removeBases(db, bases);
    if (!removed.ok) return removed;
    await appendAudit(
      db,
      {
        roundId,
        action: 'roster.clear',
        entityId: roundId,
        actor,
        detail: `清空名单：删除 ${removed.value.bases} 个基地`,
      },
      clock,
    );
    return removed;
  });
}
