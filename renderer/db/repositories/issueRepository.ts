// What the secretariat issued to each panel, and recording an issue: in ONE transaction the
// templates the bundles carry are frozen (frozenAt), the round becomes 'issued', the latest
// issue per panel is stored and each bundle gets a 'round.issue' audit entry. The records
// live in the settings table under 'issuedRoundBundles' (one JSON text, like expertPins), so
// backups carry them without a table of their own. Each record keeps the SHA-256 of the file
// as written, for the hand-over sheet; records from before that was kept have none.
import { isSha256Hex } from '../../../shared/bundle/fileHash';
import type { PingguDatabase } from '../database';
import { forgetRoundIn, isRecord, parseByRoundAndPanel, readJsonSetting } from '../jsonSettings';
import { appendAudit } from './audit';
import type { Clock } from './audit';
import { fail, ok } from './errors';
import type { RepositoryResult } from './errors';

export const ISSUE_ACTOR = '秘书处';

/** One round bundle handed to a panel (the latest one per panel is kept). */
export type IssuedBundle = {
  panelId: string;
  /** The panel's name when it was issued, for the hand-over sheet. */
  panelName: string;
  /** The name the file was written under. */
  fileName: string;
  /** The secretariat key's fingerprint the bundle is signed with. */
  fingerprint: string;
  /**
   * SHA-256 of the exact bytes written, 64 lower-case hex digits. Absent on records of bundles
   * issued before the hash was kept: shown as "—", never guessed.
   */
  sha256?: string;
  encrypted: boolean;
  issuedAt: string;
  bases: number;
  experts: number;
};

/** Round id → panel id → the latest bundle issued. */
export type IssuedBundles = Record<string, Record<string, IssuedBundle>>;

function toIssuedBundle(value: unknown): IssuedBundle | undefined {
  if (!isRecord(value)) return undefined;
  const { panelId, panelName, fileName, fingerprint, sha256, encrypted, issuedAt, bases, experts } =
    value;
  if (
    typeof panelId !== 'string' ||
    typeof panelName !== 'string' ||
    typeof fileName !== 'string' ||
    typeof fingerprint !== 'string' ||
    typeof encrypted !== 'boolean' ||
    typeof issuedAt !== 'string' ||
    typeof bases !== 'number' ||
    typeof experts !== 'number'
  ) {
    return undefined;
  }
  const record = { panelId, panelName, fileName, fingerprint, encrypted, issuedAt, bases, experts };
  // A hash that is not a SHA-256 is not trusted: the record reads as one without a hash.
  return isSha256Hex(sha256) ? { ...record, sha256 } : record;
}

/** Parses the stored text; anything malformed is dropped rather than trusted. */
export function parseIssuedBundles(text: string | undefined): IssuedBundles {
  return parseByRoundAndPanel(text, (value, panelId) => {
    const record = toIssuedBundle(value);
    return record && record.panelId === panelId ? record : undefined;
  });
}

async function readAll(db: PingguDatabase): Promise<IssuedBundles> {
  return parseIssuedBundles(await readJsonSetting(db, 'issuedRoundBundles'));
}

/** The latest bundle issued to each panel of the round, by panel id. */
export async function getIssuedBundles(
  db: PingguDatabase,
  roundId: string,
): Promise<Record<string, IssuedBundle>> {
  return (await readAll(db))[roundId] ?? {};
}

/**
 * Drops the round's records (its round was deleted); the settings row goes when no round is
 * left in it. For a caller's transaction, which must include db.settings.
 */
export async function forgetIssuedBundles(db: PingguDatabase, roundId: string): Promise<void> {
  await forgetRoundIn(db, 'issuedRoundBundles', await readAll(db), roundId);
}

export type IssueInput = {
  roundId: string;
  issuedAt: string;
  bundles: readonly IssuedBundle[];
  /** The templates the bundles carry: frozen from now on. */
  templateIds: readonly string[];
  actor: string;
};

export type IssueSummary = {
  /** Templates frozen by this issue (those frozen before are left as they were). */
  frozenTemplateIds: string[];
  /** True when the round went from 'setup' to 'issued'. */
  roundStatusChanged: boolean;
};

export function recordIssue(
  db: PingguDatabase,
  input: IssueInput,
  clock: Clock,
): Promise<RepositoryResult<IssueSummary>> {
  const tables = [db.rounds, db.panels, db.templates, db.settings, db.auditLog];
  return db.transaction('rw', tables, async () => {
    const round = await db.rounds.get(input.roundId);
    if (!round) return fail<IssueSummary>('notFound', `找不到评估轮次：${input.roundId}`);
    if (round.archive) return fail<IssueSummary>('archived', '归档轮次不能再下发评审任务。');
    if (round.status === 'closed') {
      return fail<IssueSummary>('locked', '本轮次已结束，不能再下发评审任务。');
    }
    if (input.bundles.length === 0) return fail<IssueSummary>('notFound', '没有要记录的评审包。');
    const badHash = input.bundles.find((b) => b.sha256 !== undefined && !isSha256Hex(b.sha256));
    if (badHash) {
      return fail<IssueSummary>(
        'editRejected',
        `评审组“${badHash.panelName}”的评审包文件指纹不是有效的 SHA-256（应为 64 位小写十六进制）。`,
      );
    }
    const panels = await db.panels.bulkGet(input.bundles.map((b) => b.panelId));
    const missingPanel = input.bundles.find(
      (b, i) => panels[i] === undefined || panels[i]?.roundId !== input.roundId,
    );
    if (missingPanel) {
      return fail<IssueSummary>('notFound', `本轮次中找不到评审组：${missingPanel.panelName}`);
    }
    const ids = [...new Set(input.templateIds)].sort();
    const templates = await db.templates.bulkGet(ids);
    const missingTemplate = ids.find((_, i) => templates[i] === undefined);
    if (missingTemplate !== undefined) {
      return fail<IssueSummary>('notFound', `找不到评分模板：${missingTemplate}`);
    }
    const toFreeze = templates.filter((t) => t !== undefined && t.frozenAt === undefined);
    await db.templates.bulkPut(
      toFreeze.flatMap((t) => (t ? [{ ...t, frozenAt: input.issuedAt }] : [])),
    );
    const roundStatusChanged = round.status === 'setup';
    if (roundStatusChanged) await db.rounds.put({ ...round, status: 'issued' });

    const all = await readAll(db);
    const ofRound = { ...all[input.roundId] };
    for (const bundle of input.bundles) ofRound[bundle.panelId] = bundle;
    await db.settings.put({
      key: 'issuedRoundBundles',
      value: JSON.stringify({ ...all, [input.roundId]: ofRound }),
    });
    for (const bundle of input.bundles) {
      const encrypted = bundle.encrypted ? '已加密' : '未加密';
      const hash = bundle.sha256 === undefined ? '' : `，文件 SHA-256 ${bundle.sha256}`;
      await appendAudit(
        db,
        {
          roundId: input.roundId,
          action: 'round.issue',
          entityId: bundle.panelId,
          actor: input.actor,
          detail: `向“${bundle.panelName}”下发评审包“${bundle.fileName}”（${encrypted}，签名密钥指纹 ${bundle.fingerprint}${hash}）`,
        },
        clock,
      );
    }
    return ok<IssueSummary>({
      frozenTemplateIds: toFreeze.flatMap((t) => (t ? [t.id] : [])),
      roundStatusChanged,
    });
  });
}
