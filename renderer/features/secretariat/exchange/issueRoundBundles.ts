// Issuing round bundles: check every chosen panel (refusing before anything is written), build
// one signed bundle per panel (encrypted where a passphrase was given), write them all into
// one folder through the desktop, and only then record the issue (freeze the templates, set
// the round 'issued', remember each panel's file with the SHA-256 of its exact bytes, audit)
// in one repository transaction. The hashes are taken here, before any transaction opens.
// Everything the platform provides comes in through `deps`, so tests drive it with a real
// key and a fake folder.
import { createBundle } from '../../../../shared/bundle/bundle';
import type { BundleSigner } from '../../../../shared/bundle/bundleCrypto';
import type { WebCryptoLike } from '../../../../shared/bundle/cryptoTypes';
import { BundleWriteError } from '../../../../shared/bundle/errors';
import { fileSha256 } from '../../../../shared/bundle/fileHash';
import type { RoundPayload } from '../../../../shared/bundle/payload';
import {
  panelIssueProblems,
  roundBundleFileName,
  uniqueFileNames,
} from '../../../../shared/domain/issue';
import type { IssueProblem, IssueState } from '../../../../shared/domain/issue';
import type { Panel, Round } from '../../../../shared/domain/types';
import type { SaveToFolderValue } from '../../../../shared/ipc/contract';
import type { DesktopResult } from '../../../../shared/ipc/result';
import { buildRoundBundlePayload } from '../../../db/bundles';
import type { PingguDatabase } from '../../../db/database';
import { listPanels } from '../../../db/queries';
import { recordIssue } from '../../../db/repositories/issueRepository';
import type { IssuedBundle, IssueSummary } from '../../../db/repositories/issueRepository';

export type IssueRequest = {
  roundId: string;
  /** The chosen panels, each with its passphrase (absent: not encrypted). */
  panels: readonly { panelId: string; passphrase?: string }[];
};

export type FolderFile = { name: string; bytes: Uint8Array };

export type IssueDeps = {
  signer: BundleSigner & { fingerprint: string };
  deviceId: string;
  appVersion: string;
  crypto: WebCryptoLike;
  clock: { now: () => string };
  actor: string;
  saveToFolder: (files: FolderFile[]) => Promise<DesktopResult<SaveToFolderValue>>;
};

export type PanelProblems = { panel: Panel; problems: IssueProblem[] };

export type IssueOutcome =
  | { kind: 'issued'; bundles: IssuedBundle[]; folder?: string; summary: IssueSummary }
  /** A chosen panel is not ready: nothing was written. */
  | { kind: 'notReady'; panels: PanelProblems[] }
  | { kind: 'cancelled' }
  | { kind: 'failed'; message: string };

export type IssueData = IssueState & { panels: Panel[] };

/**
 * The reads of readIssueData in whatever transaction the caller is in, or none: the exchange
 * tab's live query (exchangeHooks.ts) reads outside one, so that the round's assignments come
 * from Dexie's query cache when held (roundCacheHooks.ts); a live query is re-run after any
 * write to what it read.
 */
export async function readIssueRecords(
  db: PingguDatabase,
  roundId: string,
): Promise<IssueData | null> {
  const round = await db.rounds.get(roundId);
  if (!round) return null;
  const [panels, bases, experts, assignments, templateIds] = await Promise.all([
    // In the order every other screen lists them (by name).
    listPanels(db, roundId),
    db.bases.where('roundId').equals(roundId).toArray(),
    db.experts.where('roundId').equals(roundId).toArray(),
    db.assignments.where('roundId').equals(roundId).toArray(),
    db.templates.toCollection().primaryKeys(),
  ]);
  return {
    round,
    panels,
    bases,
    experts,
    assignments,
    storedTemplateIds: new Set(templateIds),
  };
}

/** The round's data the readiness check and the panel table read, in one snapshot. */
export function readIssueData(db: PingguDatabase, roundId: string): Promise<IssueData | null> {
  return db.transaction(
    'r',
    [db.rounds, db.panels, db.bases, db.experts, db.assignments, db.templates],
    () => readIssueRecords(db, roundId),
  );
}

/**
 * The payload as issued: the round marked 'issued' and every template frozen at the issue
 * time (unless frozen before), exactly what the database holds once the issue is recorded.
 */
function asIssued(payload: RoundPayload, issuedAt: string): RoundPayload {
  const round: Round =
    payload.round.status === 'setup' ? { ...payload.round, status: 'issued' } : payload.round;
  return {
    ...payload,
    round,
    templates: payload.templates.map((t) => (t.frozenAt ? t : { ...t, frozenAt: issuedAt })),
  };
}

const failed = (message: string): IssueOutcome => ({ kind: 'failed', message });

export async function issueRoundBundles(
  db: PingguDatabase,
  request: IssueRequest,
  deps: IssueDeps,
): Promise<IssueOutcome> {
  if (request.panels.length === 0) return failed('请至少选择一个评审组。');
  const data = await readIssueData(db, request.roundId);
  if (!data) return failed(`找不到评估轮次：${request.roundId}`);
  const { round } = data;
  if (round.archive) return failed('归档轮次不能再下发评审任务。');
  if (round.status === 'closed') return failed('本轮次已结束，不能再下发评审任务。');

  const chosen: { panel: Panel; passphrase?: string }[] = [];
  for (const entry of request.panels) {
    const panel = data.panels.find((p) => p.id === entry.panelId);
    if (!panel) return failed(`本轮次中找不到评审组：${entry.panelId}`);
    chosen.push({
      panel,
      ...(entry.passphrase === undefined ? {} : { passphrase: entry.passphrase }),
    });
  }
  const notReady = chosen
    .map(({ panel }) => ({ panel, problems: panelIssueProblems(data, panel) }))
    .filter((p) => p.problems.length > 0);
  if (notReady.length > 0) return { kind: 'notReady', panels: notReady };

  const issuedAt = deps.clock.now();
  const names = uniqueFileNames(
    chosen.map(({ panel }) => roundBundleFileName(panel.name, round.name)),
  );
  const files: FolderFile[] = [];
  const bundles: IssuedBundle[] = [];
  const templateIds = new Set<string>();
  for (const [index, { panel, passphrase }] of chosen.entries()) {
    const built = await buildRoundBundlePayload(db, round.id, panel.id);
    if (!built.ok) return failed(built.error.message);
    const payload = asIssued(built.value, issuedAt);
    for (const template of payload.templates) templateIds.add(template.id);
    let bytes: Uint8Array;
    let sha256: string;
    try {
      bytes = await createBundle({
        kind: 'round',
        roundId: round.id,
        panelId: panel.id,
        payload,
        deviceId: deps.deviceId,
        appVersion: deps.appVersion,
        createdAt: issuedAt,
        signer: deps.signer,
        crypto: deps.crypto,
        ...(passphrase === undefined ? {} : { passphrase }),
      });
      // Of the very bytes handed to the folder below, so the sheet matches the file on the stick.
      sha256 = await fileSha256(deps.crypto, bytes);
    } catch (error) {
      if (error instanceof BundleWriteError) {
        return failed(`评审组“${panel.name}”的评审包无法生成：${error.error.message}`);
      }
      return failed(`评审组“${panel.name}”的评审包无法生成：${errorText(error)}`);
    }
    const name = names[index] ?? roundBundleFileName(panel.name, round.name);
    files.push({ name, bytes });
    bundles.push({
      panelId: panel.id,
      panelName: panel.name,
      fileName: name,
      fingerprint: deps.signer.fingerprint,
      sha256,
      encrypted: passphrase !== undefined,
      issuedAt,
      bases: payload.bases.length,
      experts: payload.experts.length,
    });
  }

  const saved = await deps.saveToFolder(files);
  if (!saved.ok) return failed(saved.error.message);
  if (!saved.value.saved) return { kind: 'cancelled' };
  // The folder may have renamed a file whose name was taken there.
  const { names: written, folder } = saved.value;
  const recorded = bundles.map((b, i) => ({ ...b, fileName: written[i] ?? b.fileName }));
  const result = await recordIssue(
    db,
    {
      roundId: round.id,
      issuedAt,
      bundles: recorded,
      templateIds: [...templateIds],
      actor: deps.actor,
    },
    deps.clock,
  );
  if (!result.ok) {
    return failed(`评审包已写入，但下发记录未能保存：${result.error.message}`);
  }
  return {
    kind: 'issued',
    bundles: recorded,
    ...(folder === undefined ? {} : { folder }),
    summary: result.value,
  };
}

// DeviceSigningError (signing through the desktop failed) carries the desktop's message.
const errorText = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);
