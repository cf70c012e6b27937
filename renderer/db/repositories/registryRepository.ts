// Writes of the department's registry (省厅基地库).
//
// Accepting a closed round's result bundle is two steps. prepareAcceptance opens the bundle
// through the same checks as every import (openBundle: size limits, names, hashes, signature,
// schemas, migrations), condenses it to the AcceptedRound the registry keeps (refusing an open
// round and decisions naming unknown bases), and plans it against the stored approvals and
// rounds: new, replace (a newer version of a stored round), unchanged (the same bundle again)
// or older. It writes nothing. commitAcceptance plans again inside one transaction over the
// registry's tables and the audit log, so if another acceptance or import came in between,
// what is written is what is true then; only 'new' and 'replace' write, with one audit entry.
//
// New approvals (批建) are in registryApprovals.ts and re-exported here.
import { openBundle } from '../../../shared/bundle/bundle';
import type { WebCryptoLike } from '../../../shared/bundle/cryptoTypes';
import { fileSha256 } from '../../../shared/bundle/fileHash';
import {
  condenseResult,
  olderVersionRefusal,
  planAcceptance,
} from '../../../shared/registry/accept';
import type { AcceptPlan, AcceptRefusalCode } from '../../../shared/registry/accept';
import type { RegistryChange } from '../../../shared/registry/changes';
import type { AcceptedRound, RegistryOptions } from '../../../shared/registry/types';
import { fromBundleError } from '../bundles/importErrors';
import type { ImportErrorCode } from '../bundles/importErrors';
import type { PingguDatabase } from '../database';
import { appendAudit } from './audit';
import type { Clock } from './audit';
import { fail, ok } from './errors';
import type { RepositoryResult } from './errors';

import { REGISTRY_AUDIT_ROUND } from './registryApprovals';

export {
  importApprovals,
  planApprovals,
  previewApprovals,
  REGISTRY_AUDIT_ROUND,
  sameApproval,
} from './registryApprovals';
export type {
  ApprovalPlanRow,
  ApprovalRowStatus,
  ApprovalsImported,
  ApprovalsOptions,
  ApprovalsPlan,
  ApprovalsSource,
} from './registryApprovals';

export type AcceptanceAction = AcceptPlan['action'];

/** What accepting the bundle would do, shown before anything is written. */
export type AcceptancePreview = {
  fileName: string;
  /** SHA-256 of the bundle file, and the fingerprint of the key that signed it. */
  bundleSha256: string;
  signerFingerprint: string;
  /** When the bundle says it was written. */
  bundleCreatedAt: string;
  /** The condensed round (stamped with the preview's time and actor). */
  incoming: AcceptedRound;
  action: AcceptanceAction;
  /** replace, unchanged, older: the stored version of the same round. */
  previous?: AcceptedRound;
  changes: RegistryChange[];
};

/** Why a bundle cannot be accepted: the bundle's own error, or the registry's refusal. */
export type AcceptanceRefusalCode = ImportErrorCode | AcceptRefusalCode;

export type AcceptanceDeps = Clock & {
  crypto: WebCryptoLike;
  /** Who accepts (经办人), stored with the round and in the audit entry. */
  actor: string;
  options?: Partial<RegistryOptions>;
};

export type AcceptanceCommitted = {
  /** What was true at commit: equal to the preview's action unless the registry moved on. */
  action: AcceptanceAction;
  /** Whether anything was written (only 'new' and 'replace' write). */
  written: boolean;
  round: AcceptedRound;
  previous?: AcceptedRound;
  changes: RegistryChange[];
  /** The stored state changed between preview and commit, so the plan was made again. */
  replanned: boolean;
};

/** The refusal, as a RepositoryResult whose cause carries the refusal's code. */
const refused = <T>(code: AcceptanceRefusalCode, message: string): RepositoryResult<T> =>
  fail<T>('editRejected', message, { code });

function planAgainst(
  approvals: Parameters<typeof planAcceptance>[0],
  rounds: readonly AcceptedRound[],
  incoming: AcceptedRound,
  options: Partial<RegistryOptions> | undefined,
): AcceptPlan {
  return options === undefined
    ? planAcceptance(approvals, rounds, incoming)
    : planAcceptance(approvals, rounds, incoming, options);
}

/**
 * Opens and checks a result bundle and plans its acceptance. Writes nothing. A bundle that is
 * not a valid signed result bundle, an open round and decisions naming bases the round does
 * not have are refused with one Chinese sentence naming the file.
 */
export async function prepareAcceptance(
  db: PingguDatabase,
  bytes: Uint8Array,
  fileName: string,
  deps: AcceptanceDeps,
): Promise<RepositoryResult<AcceptancePreview>> {
  const opened = await openBundle(bytes, { crypto: deps.crypto, expectedKinds: ['result'] });
  if (!opened.ok) {
    const error = fromBundleError(fileName, opened.error);
    return refused(error.code, error.message);
  }
  if (opened.kind !== 'result') {
    return refused('wrongKind', `文件“${fileName}”不是评估结果数据包。`);
  }
  const bundleSha256 = await fileSha256(deps.crypto, bytes);
  const condensed = condenseResult({
    payload: opened.payload,
    bundleSha256,
    signerFingerprint: opened.signer.fingerprint,
    acceptedAt: deps.now(),
    acceptedBy: deps.actor,
  });
  if (!condensed.ok) {
    return refused(condensed.error.code, `文件“${fileName}”：${condensed.error.message}`);
  }
  const plan = await db.transaction('r', [db.registryApprovals, db.registryRounds], async () => {
    const [approvals, rounds] = await Promise.all([
      db.registryApprovals.toArray(),
      db.registryRounds.toArray(),
    ]);
    return planAgainst(approvals, rounds, condensed.round, deps.options);
  });
  return ok({
    fileName,
    bundleSha256,
    signerFingerprint: opened.signer.fingerprint,
    bundleCreatedAt: opened.manifest.createdAt,
    incoming: condensed.round,
    action: plan.action,
    ...(plan.previous === undefined ? {} : { previous: plan.previous }),
    changes: plan.changes,
  });
}

const sameChanges = (a: readonly RegistryChange[], b: readonly RegistryChange[]): boolean =>
  a.length === b.length && JSON.stringify(a) === JSON.stringify(b);

const shortSha = (sha: string): string => sha.slice(0, 12);

/**
 * Applies a prepared acceptance in one transaction: plans again on the stored state, stores
 * the round for 'new' and 'replace' with one 'registry.accept' audit entry, and writes
 * nothing for 'unchanged' and 'older'. The round is stamped with the commit's time.
 */
export function commitAcceptance(
  db: PingguDatabase,
  preview: AcceptancePreview,
  deps: Clock & { actor: string; options?: Partial<RegistryOptions> },
): Promise<RepositoryResult<AcceptanceCommitted>> {
  return db.transaction('rw', [db.registryRounds, db.registryApprovals, db.auditLog], async () => {
    const [approvals, rounds] = await Promise.all([
      db.registryApprovals.toArray(),
      db.registryRounds.toArray(),
    ]);
    const incoming: AcceptedRound = {
      ...preview.incoming,
      acceptedAt: deps.now(),
      acceptedBy: deps.actor,
    };
    const plan = planAgainst(approvals, rounds, incoming, deps.options);
    const replanned = plan.action !== preview.action || !sameChanges(plan.changes, preview.changes);
    const result: AcceptanceCommitted = {
      action: plan.action,
      written: plan.action === 'new' || plan.action === 'replace',
      round: plan.round,
      ...(plan.previous === undefined ? {} : { previous: plan.previous }),
      changes: plan.changes,
      replanned,
    };
    if (!result.written) return ok(result);
    // One record per round id: a replaced version is overwritten, not kept beside it.
    await db.registryRounds.put(plan.round);
    const replaced =
      plan.previous === undefined ? '' : `，替换第 ${String(plan.previous.version)} 版`;
    await appendAudit(
      db,
      {
        roundId: plan.round.roundId,
        action: 'registry.accept',
        entityId: plan.round.roundId,
        actor: deps.actor,
        detail: `接收评估结果“${plan.round.name}”第 ${String(plan.round.version)} 版${replaced}（${preview.fileName}，SHA-256 ${shortSha(preview.bundleSha256)}…，签名 ${preview.signerFingerprint}）：${String(plan.changes.length)} 项变化`,
      },
      deps,
    );
    return ok(result);
  });
}

/** The Chinese sentence for a plan that writes nothing, or undefined for one that writes. */
export function acceptanceNotice(
  plan: Pick<AcceptancePreview, 'action' | 'previous' | 'incoming' | 'changes'>,
): string | undefined {
  if (plan.action === 'unchanged') {
    const kept = plan.previous ?? plan.incoming;
    return `基地库中已接收过同一结果数据包（“${kept.name}”第 ${String(kept.version)} 版），再次接收不会有任何更改。`;
  }
  if (plan.action === 'older') {
    return olderVersionRefusal({
      action: 'older',
      round: plan.previous ?? plan.incoming,
      ...(plan.previous === undefined ? {} : { previous: plan.previous }),
      changes: [],
    }).message;
  }
  return undefined;
}

/** A registry bundle written (下发名单), for the audit trail. */
export type RegistryExportRecord = {
  fileName: string;
  sha256: string;
  /** The year of the round the roster is for, and why it was chosen. */
  year: number;
  purpose: 'periodic' | 'followUp';
  codes: readonly string[];
  fingerprint: string;
};

/** Audits a registry bundle that was saved ('registry.export'), in its own transaction. */
export function recordRegistryExport(
  db: PingguDatabase,
  record: RegistryExportRecord,
  actor: string,
  clock: Clock,
): Promise<RepositoryResult<null>> {
  return db.transaction('rw', db.auditLog, async () => {
    const purpose = record.purpose === 'followUp' ? '复评' : '评估';
    const codes = record.codes.slice(0, 20).join('、');
    const more = record.codes.length > 20 ? ` 等` : '';
    await appendAudit(
      db,
      {
        roundId: REGISTRY_AUDIT_ROUND,
        action: 'registry.export',
        entityId: record.sha256,
        actor,
        detail: `下发 ${String(record.year)} 年${purpose}名单包（${record.fileName}，SHA-256 ${shortSha(record.sha256)}…，签名 ${record.fingerprint}）：${String(record.codes.length)} 个基地：${codes}${more}`,
      },
      clock,
    );
    return ok(null);
  });
}
