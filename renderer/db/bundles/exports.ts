// The payloads of the bundles this machine writes, read in one read-only transaction each so
// a bundle never mixes two states. Callers pass them to createBundle with the device signer.
import type { ResultPayload, RoundPayload, ScoresPayload } from '../../../shared/bundle/payload';
import { changesForPanel } from '../../../shared/domain/roundChanges';
import type {
  AuditEntry,
  Base,
  IndicatorTemplate,
  ResultProvenance,
  Round,
  TrustedKey,
} from '../../../shared/domain/types';
import { isOpenConflict } from '../../../shared/sync/conflictRecords';
import type { PingguDatabase } from '../database';
import { readRoundTables } from '../queries';
import { listAuditOfEntities } from '../repositories/audit';
import { fail, ok } from '../repositories/errors';
import type { RepositoryResult } from '../repositories/errors';

const withoutArchive = ({ archive: _archive, ...round }: Round): Round => round;

/** The stored templates the round's bases are scored with (and any a sheet names). */
async function templatesFor(
  db: PingguDatabase,
  round: Round,
  bases: readonly Base[],
  sheetTemplateIds: readonly string[] = [],
): Promise<IndicatorTemplate[]> {
  const ids = new Set(sheetTemplateIds);
  for (const base of bases) {
    const id = round.templateByType[base.type];
    if (id !== undefined) ids.add(id);
  }
  const stored = await db.templates.bulkGet([...ids].sort());
  return stored.filter((t): t is IndicatorTemplate => t !== undefined);
}

/** A round bundle for one panel: the round, its templates, the panel's bases, experts and assignments. */
export function buildRoundBundlePayload(
  db: PingguDatabase,
  roundId: string,
  panelId: string,
): Promise<RepositoryResult<RoundPayload>> {
  return db.transaction('r', db.tables, async () => {
    const [round, panel] = await Promise.all([db.rounds.get(roundId), db.panels.get(panelId)]);
    if (!round) return fail<RoundPayload>('notFound', `找不到评估轮次：${roundId}`);
    if (round.archive) return fail<RoundPayload>('archived', '归档轮次不能再下发评审任务。');
    if (!panel || panel.roundId !== roundId) {
      return fail<RoundPayload>('notFound', `本轮次中找不到该评审组：${panelId}`);
    }
    const [experts, assignments, roundBases, changes] = await Promise.all([
      db.experts.where('roundId').equals(roundId).toArray(),
      db.assignments.where('roundId').equals(roundId).toArray(),
      db.bases.where('roundId').equals(roundId).toArray(),
      db.roundChanges.where('roundId').equals(roundId).toArray(),
    ]);
    const ofPanel = assignments.filter((a) => a.panelId === panelId);
    const assigned = new Set(ofPanel.map((a) => a.baseId));
    const bases = roundBases.filter((b) => b.panelId === panelId || assigned.has(b.id));
    const baseIds = new Set(bases.map((b) => b.id));
    return ok<RoundPayload>({
      round: withoutArchive(round),
      templates: await templatesFor(db, round, bases),
      bases,
      panels: [panel],
      experts: experts.filter((e) => e.panelId === panelId),
      assignments: ofPanel,
      changes: changesForPanel(changes, panelId, experts, baseIds).sort(byId),
    });
  });
}

const withoutSeq = ({ seq: _seq, ...entry }: AuditEntry): AuditEntry => entry;

/**
 * A score bundle: the scoresheets of the panel's experts (or of `expertIds` among them) and
 * their audit entries (without this database's sequence numbers).
 */
export function buildScoresBundlePayload(
  db: PingguDatabase,
  roundId: string,
  panelId: string,
  expertIds?: readonly string[],
): Promise<RepositoryResult<ScoresPayload>> {
  return db.transaction('r', db.tables, async () => {
    const round = await db.rounds.get(roundId);
    if (!round) return fail<ScoresPayload>('notFound', `找不到评估轮次：${roundId}`);
    const wanted = expertIds === undefined ? undefined : new Set(expertIds);
    const experts = (await db.experts.where('roundId').equals(roundId).toArray()).filter(
      (e) => e.panelId === panelId && (wanted === undefined || wanted.has(e.id)),
    );
    const ids = new Set(experts.map((e) => e.id));
    const sheets = (await db.scoresheets.where('roundId').equals(roundId).toArray())
      .filter((s) => ids.has(s.expertId))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const sheetIds = sheets.map((s) => s.id);
    const audit = await listAuditOfEntities(db, sheetIds);
    return ok<ScoresPayload>({
      scoresheets: sheets,
      audit: audit.filter((e) => e.roundId === roundId).map(withoutSeq),
    });
  });
}

/**
 * A result bundle: everything of the round, every raw scoresheet and the final decisions.
 * Refused while conflicts are open: a published result must not hide an unsettled score.
 */
export function buildResultBundlePayload(
  db: PingguDatabase,
  roundId: string,
): Promise<RepositoryResult<ResultPayload>> {
  return db.transaction('r', db.tables, async () => {
    const round = await db.rounds.get(roundId);
    if (!round) return fail<ResultPayload>('notFound', `找不到评估轮次：${roundId}`);
    const [tables, pins] = await Promise.all([
      readRoundTables(db, roundId),
      db.trustedKeys.where('roundId').equals(roundId).toArray(),
    ]);
    const { bases, panels, experts, assignments, scoresheets, decisions, conflicts, changes } =
      tables;
    const open = conflicts.filter(isOpenConflict).length;
    if (open > 0) {
      return fail<ResultPayload>(
        'openConflicts',
        `本轮仍有 ${open} 项评分冲突未处理，请处理后再生成结果包。`,
      );
    }
    const sheetTemplates = [...new Set(scoresheets.map((s) => s.templateId))];
    return ok<ResultPayload>({
      round: withoutArchive(round),
      templates: await templatesFor(db, round, bases, sheetTemplates),
      bases,
      panels,
      experts,
      assignments,
      scoresheets,
      decisions,
      changes: changes.sort(byId),
      provenance: provenanceOf(pins),
    });
  });
}

const byId = <T extends { id: string }>(a: T, b: T): number =>
  a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/**
 * The panel keys this machine took score bundles from. Verified only when every one was
 * accepted by a person who compared its fingerprint (acceptedBy), and there is at least one.
 */
export function provenanceOf(pins: readonly TrustedKey[]): ResultProvenance {
  const devices = pins.filter((p) => p.role === 'panelDevice');
  const panelKeys = devices
    .map((p) => ({
      panelId: p.panelId ?? '',
      deviceId: p.deviceId ?? '',
      fingerprint: p.fingerprint,
    }))
    .filter((k) => k.panelId !== '' && k.deviceId !== '')
    .sort((a, b) => a.panelId.localeCompare(b.panelId) || a.deviceId.localeCompare(b.deviceId));
  const keysVerified = devices.length > 0 && devices.every((p) => p.acceptedBy !== undefined);
  return { keysVerified, panelKeys };
}
