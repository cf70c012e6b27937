// 在本机继续 (continue a lost laptop's work on this one), through the usual pipeline: open the
// lost laptop's score bundle or backup (openBundle: sizes, hashes, signature, schemas), pick
// what may continue here (continueSelect), plan it against this database (continuePlan) and
// preview it; then commit it in ONE read-write transaction that reads and plans again, and
// writes the sheets, the lost laptop's audit entries, one 'scoresheet.continue' entry per
// sheet (who, when, why, from which file, device and key), the key pin of a score bundle,
// and a bundleImports row. Nothing else changes: PINs are not carried (each expert sets one
// on first use here) and a backup never replaces this database.
import { openBundle } from '../../../shared/bundle/bundle';
import type { WebCryptoLike } from '../../../shared/bundle/cryptoTypes';
import type { BundleImportRecord, TrustedKey } from '../../../shared/domain/types';
import type { PingguDatabase } from '../database';
import { getSetting } from '../repositories/settingsRepository';
import { recordedFileName } from './commitImport';
import { continueError, continueFormError, fromImportError } from './continueErrors';
import type { ContinueError } from './continueErrors';
import { continueAuditEntries, planContinuation } from './continuePlan';
import type { ContinueCounts, ContinuePlan, ContinueRow, ContinueSource } from './continuePlan';
import { selectContinuation } from './continueSelect';
import type { ContinuePart, ContinueTarget } from './continueSelect';
import { failedWriteError, fromBundleError, internalImportError } from './importErrors';
import { readScoresState } from './localState';
import type { SheetPair } from './localState';
import { readReceivedRoundBundles } from './receivedRoundBundles';
import { checkKey, keyRefusal, pinToWrite, secretariatPinId } from './trustedKeys';
import type { ImportableBundle, KeyCheck } from './types';

export type ContinuePreview = {
  source: ContinueSource;
  roundId: string;
  roundName: string;
  /** The panels whose sheets continue here. */
  panels: { id: string; name: string }[];
  encrypted: boolean;
  /** The signer: a score bundle's key against the pins here; a backup's is not pinned. */
  key: Pick<KeyCheck, 'status' | 'fingerprint' | 'deviceId' | 'note'>;
  /**
   * Set when a person must tick that the key's fingerprint matches the panel's signed paper
   * summary before the commit: a key other than the pinned one, or the device's first key.
   */
  blocking?: ContinueError;
  rows: ContinueRow[];
  counts: ContinueCounts;
};

export type PreparedContinue = {
  fileName: string;
  opened: ImportableBundle;
  preview: ContinuePreview;
};

export type ContinueResult<T> = { ok: true; value: T } | { ok: false; error: ContinueError };

export type ContinuePrepareOptions = {
  crypto: WebCryptoLike;
  passphrase?: string;
  /** The round open on this laptop. */
  roundId: string;
};

export type ContinueCommitOptions = {
  /** Who continues here (typed), for the audit log. */
  actor: string;
  /** Why (typed), for the audit log. */
  reason: string;
  /** A person compared the fingerprint and accepts a key the pins would refuse. */
  acceptNewKey?: boolean;
  clock: { now(): string };
  newId(): string;
};

export type ContinueSummary = {
  importId: string;
  counts: ContinueCounts;
  rows: ContinueRow[];
  keyPinned: boolean;
};

const REASON_MAX = 2000;
const ACTOR_MAX = 200;

async function readTarget(db: PingguDatabase, roundId: string): Promise<ContinueTarget> {
  const [round, received, pins, deviceId, panels, experts] = await Promise.all([
    db.rounds.get(roundId),
    readReceivedRoundBundles(db),
    db.trustedKeys.where('roundId').equals(roundId).toArray(),
    getSetting(db, 'deviceId'),
    db.panels.where('roundId').equals(roundId).toArray(),
    db.experts.where('roundId').equals(roundId).toArray(),
  ]);
  // A round a round bundle brought (the secretariat's key pinned) holds only its panels.
  const viaBundle = pins.some((p) => p.id === secretariatPinId(roundId));
  const openedHere = panels.filter((p) => viaBundle || received[roundId]?.[p.id] !== undefined);
  return { round, panels: openedHere, experts, deviceId };
}

const queryOf = (roundId: string, part: ContinuePart) => {
  const { scoresheets, audit } = part.payload;
  const sheetIds = new Set(scoresheets.map((s) => s.id));
  return {
    roundId,
    panelId: part.panelId,
    sheetIds: [...sheetIds],
    pairs: scoresheets.map((s): SheetPair => [s.expertId, s.baseId]),
    auditEntityIds: audit.map((e) => e.entityId).filter((id) => sheetIds.has(id)),
  };
};

type Analysis = {
  plan: ContinuePlan;
  preview: ContinuePreview;
  /** A score bundle's key check, for the pin; undefined for a backup. */
  keyCheck: KeyCheck | undefined;
  pins: TrustedKey[];
};

/**
 * What keeps the lost laptop's key from being pinned here without a person's tick: a key other
 * than the one pinned for its device (the pipeline's own refusal), or its first key here.
 */
function keyToConfirm(
  fileName: string,
  opened: ImportableBundle,
  check: KeyCheck,
): ContinueError | undefined {
  const refusal = keyRefusal(fileName, opened, check);
  if (refusal !== undefined) return fromImportError(refusal);
  if (check.status !== 'newDevice') return undefined;
  const { deviceId, fingerprint } = check;
  return continueError(fileName, 'keyNotConfirmed', { deviceId, fingerprint });
}

/** Reads what it needs with Dexie calls only, so it also runs inside the commit. */
async function analyse(
  db: PingguDatabase,
  fileName: string,
  opened: ImportableBundle,
  roundId: string,
  deps: { now: string; importId: string },
): Promise<ContinueResult<Analysis>> {
  const target = await readTarget(db, roundId);
  const selected = selectContinuation(fileName, opened, target);
  if (!selected.ok) return selected;
  const { round } = target;
  if (round === undefined) return { ok: false, error: continueError(fileName, 'noRoundHere') };
  const parts = [];
  for (const part of selected.parts) {
    parts.push({ part, state: await readScoresState(db, queryOf(round.id, part)) });
  }
  const planned = planContinuation(fileName, opened, round, parts, deps);
  if (!planned.ok) return planned;
  const pins = parts[0]?.state.pins ?? [];
  const keyCheck = opened.kind === 'scores' ? checkKey(opened, pins) : undefined;
  const blocking = keyCheck === undefined ? undefined : keyToConfirm(fileName, opened, keyCheck);
  const { manifest, signer } = opened;
  const source: ContinueSource = {
    kind: opened.kind === 'scores' ? 'scores' : 'backup',
    fileName,
    deviceId: manifest.deviceId,
    fingerprint: signer.fingerprint,
    createdAt: manifest.createdAt,
  };
  const touched = new Set(planned.plan.rows.map((row) => row.panelId));
  const preview: ContinuePreview = {
    source,
    roundId: round.id,
    roundName: round.name,
    panels: target.panels.filter((p) => touched.has(p.id)).map((p) => ({ id: p.id, name: p.name })),
    encrypted: manifest.encryption !== undefined,
    key: keyCheck ?? {
      status: 'notPinned',
      fingerprint: signer.fingerprint,
      deviceId: manifest.deviceId,
      note: `备份包由指纹为 ${signer.fingerprint} 的密钥签名；只取其中本轮次、本机所开评审组的评分表，本机其余数据不变。`,
    },
    ...(blocking === undefined ? {} : { blocking }),
    rows: planned.plan.rows,
    counts: planned.plan.counts,
  };
  return { ok: true, value: { plan: planned.plan, preview, keyCheck, pins } };
}

/** Opens the file and previews what would continue here. Writes nothing; never throws. */
export async function prepareContinue(
  db: PingguDatabase,
  bytes: Uint8Array,
  fileName: string,
  options: ContinuePrepareOptions,
): Promise<ContinueResult<PreparedContinue>> {
  const opened = await openBundle(bytes, {
    crypto: options.crypto,
    expectedKinds: ['scores', 'backup'],
    ...(options.passphrase === undefined ? {} : { passphrase: options.passphrase }),
  });
  if (!opened.ok) {
    const { error } = opened;
    if (error.code === 'wrongKind') {
      const kind = error.detail?.kind;
      return { ok: false, error: continueError(fileName, 'notContinuable', kind ? { kind } : {}) };
    }
    return { ok: false, error: fromImportError(fromBundleError(fileName, error)) };
  }
  if (opened.kind === 'registry') {
    // Not expected above, so openBundle refused it already; this narrows the type.
    return { ok: false, error: continueError(fileName, 'notContinuable', { kind: opened.kind }) };
  }
  try {
    const deps = { now: opened.manifest.createdAt, importId: 'preview' };
    const analysed = await analyse(db, fileName, opened, options.roundId, deps);
    if (!analysed.ok) return analysed;
    return { ok: true, value: { fileName, opened, preview: analysed.value.preview } };
  } catch {
    return { ok: false, error: fromImportError(internalImportError(fileName)) };
  }
}

/** The typed reason and person, or the refusal. */
function checkForm(options: ContinueCommitOptions): ContinueError | undefined {
  const reason = options.reason.trim();
  const actor = options.actor.trim();
  if (reason === '' || reason.length > REASON_MAX) return continueFormError('noReason');
  if (actor === '' || actor.length > ACTOR_MAX) return continueFormError('noActor');
  return undefined;
}

/** Writes the continuation in one transaction (see the top of this file). */
export async function commitContinue(
  db: PingguDatabase,
  prepared: PreparedContinue,
  options: ContinueCommitOptions,
): Promise<ContinueResult<ContinueSummary>> {
  const formError = checkForm(options);
  if (formError !== undefined) return { ok: false, error: formError };
  const { opened } = prepared;
  const fileName = recordedFileName(prepared.fileName);
  const now = options.clock.now();
  const importId = options.newId();
  const roundId = prepared.preview.roundId;
  try {
    return await db.transaction('rw', db.tables, async () => {
      const analysed = await analyse(db, fileName, opened, roundId, { now, importId });
      if (!analysed.ok) return analysed;
      const { plan, preview, keyCheck, pins } = analysed.value;
      const acceptNewKey = options.acceptNewKey === true;
      if (preview.blocking !== undefined && !acceptNewKey) {
        return { ok: false, error: preview.blocking };
      }
      const actor = options.actor.trim();
      const pin =
        keyCheck === undefined
          ? undefined
          : pinToWrite(opened, keyCheck, pins, { now, actor, acceptNewKey });
      const context = { actor, reason: options.reason.trim(), now, roundId };
      await db.scoresheets.bulkDelete(plan.toDelete);
      await db.scoresheets.bulkPut(plan.toPut);
      await db.conflicts.bulkDelete(plan.conflictsToDelete);
      await db.auditLog.bulkAdd([
        ...plan.importedAudit,
        ...continueAuditEntries(plan, preview.source, context),
      ]);
      if (pin !== undefined) await db.trustedKeys.put(pin);
      const { counts } = plan;
      const replaced = plan.rows.filter((row) => row.outcome === 'replaceOlder').length;
      const record: BundleImportRecord = {
        id: importId,
        roundId,
        kind: opened.kind,
        fileName,
        deviceId: opened.manifest.deviceId,
        fingerprint: opened.signer.fingerprint,
        importedAt: now,
        counts: {
          added: counts.continued - replaced,
          updated: replaced,
          unchanged: counts.alreadyHere,
          conflicts: 0,
          refused: counts.refused,
        },
      };
      await db.bundleImports.add(record);
      const summary = { importId, counts, rows: plan.rows, keyPinned: pin !== undefined };
      return { ok: true, value: summary };
    });
  } catch (error) {
    return { ok: false, error: fromImportError(failedWriteError(prepared.fileName, error)) };
  }
}
