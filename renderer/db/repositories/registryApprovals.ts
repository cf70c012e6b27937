// New approvals (批建) into the department's registry: the department's Excel or CSV, read by
// the roster reader (shared/roster: title rows, Chinese headers, legacy types, GBK CSV),
// previewed, then written in one transaction with its audit entry.
//
// Idempotent per registry code: a row whose code is stored with the same content changes
// nothing, so the same file twice writes nothing. A row without a 基地编号 keeps the code its
// base already has in the registry (same name and host institution), else gets the code
// derived from name and host (shared/roster/rosterCodes.ts), the code the secretariat's
// roster import would give it, made unique against other bases' codes.
import { baseIdentityKey, derivedBaseCode, readRoster } from '../../../shared/roster';
import type { RosterProblem, RosterRow } from '../../../shared/roster';
import type { BaseTypeCode } from '../../../shared/domain/types';
import type { AcceptedRound, RegistryApproval } from '../../../shared/registry/types';
import type { PingguDatabase } from '../database';
import { appendAudit } from './audit';
import type { Clock } from './audit';
import { fail, ok } from './errors';
import type { RepositoryResult } from './errors';

/** The audit trail's round id of writes that belong to the registry, not to one round. */
export const REGISTRY_AUDIT_ROUND = 'registry';

/** A spreadsheet already read into cell text (readTableFile / readTableFileOffThread). */
export type ApprovalsSource = {
  fileName: string;
  rows: readonly (readonly string[])[];
  /** SHA-256 of the file's bytes, kept with each approval for the audit trail. */
  sha256: string;
};

export type ApprovalsOptions = {
  /** New types chosen in the preview for legacy platforms that go to several types, by row. */
  typeChoices?: ReadonlyMap<number, BaseTypeCode>;
};

export type ApprovalRowStatus = 'new' | 'updated' | 'unchanged';

export type ApprovalPlanRow = {
  /** 1-based spreadsheet row. */
  row: number;
  status: ApprovalRowStatus;
  approval: RegistryApproval;
  /** updated: the stored approval it replaces. */
  previous?: RegistryApproval;
};

export type ApprovalsPlan = {
  fileName: string;
  sha256: string;
  headerRow?: number;
  /** Rows that cannot be imported, with the reason; nothing is written while there are any. */
  problems: RosterProblem[];
  rows: ApprovalPlanRow[];
  counts: Record<ApprovalRowStatus, number>;
};

export type ApprovalsImported = {
  added: number;
  updated: number;
  unchanged: number;
};

type Known = {
  approvals: readonly RegistryApproval[];
  rounds: readonly AcceptedRound[];
};

const APPROVAL_FIELDS = [
  'name',
  'type',
  'legacyType',
  'hostInstitution',
  'city',
  'director',
  'yearEstablished',
  'field',
  'year',
] as const satisfies readonly (keyof RegistryApproval)[];

/** Whether two approvals say the same (when and from which file they came aside). */
export function sameApproval(a: RegistryApproval, b: RegistryApproval): boolean {
  return APPROVAL_FIELDS.every((field) => a[field] === b[field]);
}

function toApproval(
  row: RosterRow,
  code: string,
  source: ApprovalsSource,
  importedAt: string,
): RegistryApproval {
  const approval: RegistryApproval = {
    code,
    name: row.name,
    type: row.type,
    hostInstitution: row.hostInstitution,
    city: row.city,
    director: row.director,
    yearEstablished: row.yearEstablished,
    field: row.field,
    year: row.yearEstablished,
    importedAt,
    sourceSha256: source.sha256,
  };
  if (row.legacyType !== undefined) approval.legacyType = row.legacyType;
  return approval;
}

/**
 * The plan of an import against what is stored: pure, so the preview and the transaction
 * compute the same thing (the transaction again, on the state it writes to).
 */
export function planApprovals(
  source: ApprovalsSource,
  known: Known,
  importedAt: string,
  options: ApprovalsOptions = {},
): ApprovalsPlan {
  const read = readRoster(
    source.rows,
    options.typeChoices === undefined ? {} : { typeChoices: options.typeChoices },
  );
  const problems = [...read.problems];
  const stored = new Map(known.approvals.map((a) => [a.code, a]));
  // Every code the registry knows, and the code each known base (name and host) has.
  const codeByIdentity = new Map<string, string>();
  const identityByCode = new Map<string, string>();
  const learn = (base: { code: string; name: string; hostInstitution: string }) => {
    const key = baseIdentityKey(base);
    if (!codeByIdentity.has(key)) codeByIdentity.set(key, base.code);
    if (!identityByCode.has(base.code)) identityByCode.set(base.code, key);
  };
  for (const approval of known.approvals) learn(approval);
  for (const round of known.rounds) for (const base of round.bases) learn(base);
  // Codes written in the file are claimed first, so a derived code never takes one of them.
  const claimed = new Set(read.rows.flatMap((r) => (r.code === undefined ? [] : [r.code])));

  const rows: ApprovalPlanRow[] = [];
  for (const row of read.rows) {
    const key = baseIdentityKey(row);
    const knownCode = codeByIdentity.get(key);
    let code: string;
    if (row.code !== undefined) {
      if (knownCode !== undefined && knownCode !== row.code) {
        problems.push({
          row: row.row,
          column: '基地编号',
          message: `「${row.name}」（${row.hostInstitution}）在基地库中的编号是「${knownCode}」，与文件中的「${row.code}」不一致，请核对`,
        });
        continue;
      }
      code = row.code;
    } else if (knownCode !== undefined) code = knownCode;
    else {
      const derived = derivedBaseCode(row);
      code = derived;
      for (let n = 2; identityByCode.has(code) || claimed.has(code); n += 1) {
        code = `${derived}-${n}`;
      }
    }
    claimed.add(code);
    identityByCode.set(code, key);
    const approval = toApproval(row, code, source, importedAt);
    const previous = stored.get(code);
    if (previous === undefined) rows.push({ row: row.row, status: 'new', approval });
    else if (sameApproval(previous, approval)) {
      rows.push({ row: row.row, status: 'unchanged', approval: previous });
    } else rows.push({ row: row.row, status: 'updated', approval, previous });
  }
  problems.sort((a, b) => a.row - b.row);
  const counts = { new: 0, updated: 0, unchanged: 0 };
  for (const r of rows) counts[r.status] += 1;
  return {
    fileName: source.fileName,
    sha256: source.sha256,
    ...(read.headerRow === undefined ? {} : { headerRow: read.headerRow }),
    problems,
    rows,
    counts,
  };
}

async function readKnown(db: PingguDatabase): Promise<Known> {
  const [approvals, rounds] = await Promise.all([
    db.registryApprovals.toArray(),
    db.registryRounds.toArray(),
  ]);
  return { approvals, rounds };
}

/** What importing the file would do, against the stored registry. Writes nothing. */
export function previewApprovals(
  db: PingguDatabase,
  source: ApprovalsSource,
  clock: Clock,
  options: ApprovalsOptions = {},
): Promise<ApprovalsPlan> {
  return db.transaction('r', [db.registryApprovals, db.registryRounds], async () =>
    planApprovals(source, await readKnown(db), clock.now(), options),
  );
}

/**
 * Writes the file's new and changed approvals, all or none, with one audit entry. Planned
 * again inside the transaction, so a stale preview never writes what is no longer true.
 * Refused, with nothing written, while any row has a problem.
 */
export function importApprovals(
  db: PingguDatabase,
  source: ApprovalsSource,
  actor: string,
  clock: Clock,
  options: ApprovalsOptions = {},
): Promise<RepositoryResult<ApprovalsImported>> {
  return db.transaction('rw', [db.registryApprovals, db.registryRounds, db.auditLog], async () => {
    const plan = planApprovals(source, await readKnown(db), clock.now(), options);
    const [first] = plan.problems;
    if (first !== undefined) {
      const more = plan.problems.length > 1 ? `等 ${plan.problems.length} 处问题` : '';
      return fail<ApprovalsImported>(
        'editRejected',
        `文件「${source.fileName}」第 ${first.row} 行「${first.column}」：${first.message}${more}。请修改后重新导入，本次没有写入任何批建。`,
      );
    }
    if (plan.rows.length === 0) {
      return fail<ApprovalsImported>(
        'editRejected',
        `文件「${source.fileName}」中没有可导入的批建基地。`,
      );
    }
    const writes = plan.rows.filter((r) => r.status !== 'unchanged').map((r) => r.approval);
    const { counts } = plan;
    const imported = { added: counts.new, updated: counts.updated, unchanged: counts.unchanged };
    if (writes.length === 0) return ok(imported);
    await db.registryApprovals.bulkPut(writes);
    await appendAudit(
      db,
      {
        roundId: REGISTRY_AUDIT_ROUND,
        action: 'registry.approve',
        entityId: source.sha256,
        actor,
        detail: `导入批建（${source.fileName}）：新增 ${counts.new} 个，更新 ${counts.updated} 个，未变 ${counts.unchanged} 个`,
      },
      clock,
    );
    return ok(imported);
  });
}
