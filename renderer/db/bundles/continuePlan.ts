// 在本机继续, step two, pure: the selected sheets against this database. Each panel's part
// runs through the score import's own plan (planScores: admission, then the lossless merge
// of shared/sync), so a continued sheet keeps its id, revision, hlc and version vector, and
// the next edit here adds this laptop's counter to a copy that descends from the lost
// laptop's. A sheet this laptop also edited concurrently is left out (it would open a
// conflict on a panel laptop, which has no one to settle it): it is listed, never written.
import type { OpenedBundle } from '../../../shared/bundle/bundle';
import type { ManifestOf } from '../../../shared/bundle/manifest';
import type { AuditEntry, Round, Scoresheet } from '../../../shared/domain/types';
import { KIND_LABELS } from '../../../shared/bundle/format';
import { describeSheetChange } from '../repositories/sheetChanges';
import { continueError, fromImportError } from './continueErrors';
import type { ContinueError } from './continueErrors';
import type { ContinuePart } from './continueSelect';
import type { ScoresState } from './localState';
import { planScores } from './scoresPlan';
import type { ScoresPlan } from './scoresPlan';
import type { SheetPreview } from './types';

export type ContinueOutcome =
  /** New to this laptop: it continues here. */
  | 'continue'
  /** This laptop held an older copy: the file's copy replaces it and continues here. */
  | 'replaceOlder'
  /** This laptop already holds this very copy (e.g. imported before): it continues as is. */
  | 'alreadyHere'
  /** This laptop holds a newer copy of it: that copy continues; nothing is written. */
  | 'newerHere'
  /** Not taken: see `refusal`. */
  | 'refused';

/** Admission's refusal (shared/domain/sheetAdmission), an id clash, or an edit here. */
export type ContinueRefusal = NonNullable<SheetPreview['reason']> | 'concurrentHere';

export type ContinueRow = {
  sheetId: string;
  panelId: string;
  expertId: string;
  expertName: string;
  baseId: string;
  baseName: string;
  state: 'draft' | 'submitted' | 'recused';
  /** The file's copy: its revision, last edit and the device that made it. */
  revision: number;
  updatedAt: string;
  lastDeviceId: string;
  outcome: ContinueOutcome;
  refusal?: ContinueRefusal;
  /** Its pair is voided by a standing round change (作废): kept here, never counted. */
  voided?: SheetPreview['voided'];
};

export type ContinueCounts = { continued: number; alreadyHere: number; refused: number };

export type PlannedPart = { part: ContinuePart; state: ScoresState };

export type ContinuePlan = {
  rows: ContinueRow[];
  counts: ContinueCounts;
  /** Writes, all panels together. */
  toPut: Scoresheet[];
  toDelete: string[];
  conflictsToDelete: string[];
  /** The lost laptop's audit entries of the taken sheets that this database lacks. */
  importedAudit: AuditEntry[];
  /** The stored sheets the plan read (to describe what a replacement changes). */
  before: Scoresheet[];
};

export type PlanDeps = { now: string; importId: string };

type Planned = { ok: true; plan: ContinuePlan } | { ok: false; error: ContinueError };

/** A closed round (结束评估, until reopened) takes no score. */
export const isClosedRound = (round: Round): boolean => round.status === 'closed';

/** The rows whose sheets continue here (each gets an audit entry). */
export const takenRows = (rows: readonly ContinueRow[]): ContinueRow[] =>
  rows.filter((row) => row.outcome !== 'refused');

function asScoresManifest(opened: OpenedBundle, roundId: string, panelId: string) {
  if (opened.kind === 'scores') return opened.manifest;
  const { kind: _kind, roundId: _roundId, ...common } = opened.manifest;
  const manifest: ManifestOf<'scores'> = { ...common, kind: 'scores', roundId, panelId };
  return manifest;
}

/** Concurrent with a copy here (a conflict, or a settled record of identical content). */
const isConcurrent = (row: SheetPreview): boolean =>
  row.outcome === 'conflict' || (row.outcome === 'unchanged' && row.reason === 'sameContent');

function outcomeOf(row: SheetPreview): Pick<ContinueRow, 'outcome' | 'refusal'> {
  switch (row.outcome) {
    case 'new':
      return { outcome: 'continue' };
    case 'updated':
      return { outcome: 'replaceOlder' };
    case 'unchanged':
      return { outcome: row.reason === 'sameVersion' ? 'alreadyHere' : 'newerHere' };
    case 'conflict':
      return { outcome: 'refused', refusal: 'concurrentHere' };
    case 'refused':
      return { outcome: 'refused', refusal: row.reason ?? 'idBelongsToAnotherSheet' };
  }
}

/** planScores without the sheets that are concurrent with a copy here. */
function planWithoutConcurrent(
  fileName: string,
  opened: OpenedBundle,
  { part, state }: PlannedPart,
  deps: PlanDeps,
): { ok: true; plan: ScoresPlan; concurrent: Set<string> } | { ok: false; error: ContinueError } {
  const manifest = asScoresManifest(opened, state.round?.id ?? '', part.panelId);
  const concurrent = new Set<string>();
  for (;;) {
    const scoresheets = part.payload.scoresheets.filter((s) => !concurrent.has(s.id));
    const payload = { scoresheets, audit: part.payload.audit };
    const planned = planScores(fileName, { manifest, payload }, state, deps);
    if (!planned.ok) return { ok: false, error: fromImportError(planned.error) };
    const more = planned.plan.rows.filter(isConcurrent).map((r) => r.sheetId);
    if (more.length === 0) return { ok: true, plan: planned.plan, concurrent };
    for (const id of more) concurrent.add(id);
  }
}

export function planContinuation(
  fileName: string,
  opened: OpenedBundle,
  round: Round,
  parts: readonly PlannedPart[],
  deps: PlanDeps,
): Planned {
  if (isClosedRound(round)) {
    return { ok: false, error: continueError(fileName, 'roundClosed', { expected: round.name }) };
  }
  const plan: ContinuePlan = {
    rows: [],
    counts: { continued: 0, alreadyHere: 0, refused: 0 },
    toPut: [],
    toDelete: [],
    conflictsToDelete: [],
    importedAudit: [],
    before: [],
  };
  for (const planned of parts) {
    const result = planWithoutConcurrent(fileName, opened, planned, deps);
    if (!result.ok) return result;
    const byId = new Map(result.plan.rows.map((row) => [row.sheetId, row]));
    for (const sheet of planned.part.payload.scoresheets) {
      const row = byId.get(sheet.id);
      plan.rows.push({
        sheetId: sheet.id,
        panelId: planned.part.panelId,
        expertId: sheet.expertId,
        expertName: row?.expertName ?? sheet.expertId,
        baseId: sheet.baseId,
        baseName: row?.baseName ?? sheet.baseId,
        state: sheet.recusal ? 'recused' : sheet.status === 'submitted' ? 'submitted' : 'draft',
        revision: sheet.revision,
        updatedAt: sheet.updatedAt,
        lastDeviceId: sheet.deviceId,
        ...(row?.voided === undefined ? {} : { voided: row.voided }),
        ...(result.concurrent.has(sheet.id) || row === undefined
          ? { outcome: 'refused', refusal: 'concurrentHere' }
          : outcomeOf(row)),
      });
    }
    const { merge, importedAudit } = result.plan;
    plan.toPut.push(...merge.toPut);
    plan.toDelete.push(...merge.toDelete);
    plan.conflictsToDelete.push(...merge.conflictsToDelete);
    plan.importedAudit.push(...importedAudit);
    plan.before.push(...planned.state.sheets);
  }
  const count = (outcomes: readonly ContinueOutcome[]) =>
    plan.rows.filter((row) => outcomes.includes(row.outcome)).length;
  plan.counts = {
    continued: count(['continue', 'replaceOlder']),
    alreadyHere: count(['alreadyHere', 'newerHere']),
    refused: count(['refused']),
  };
  if (plan.counts.continued + plan.counts.alreadyHere === 0) {
    return { ok: false, error: continueError(fileName, 'nothingToContinue') };
  }
  return { ok: true, plan };
}

export type ContinueSource = {
  kind: 'scores' | 'backup';
  fileName: string;
  deviceId: string;
  fingerprint: string;
  createdAt: string;
};

export type AuditContext = { actor: string; reason: string; now: string; roundId: string };

/**
 * One 'scoresheet.continue' entry per sheet that continues here: who, when, why, from which
 * file, device and key. They travel with this laptop's score bundles, so the secretariat
 * sees in each sheet's history where it was taken over.
 */
export function continueAuditEntries(
  plan: ContinuePlan,
  source: ContinueSource,
  context: AuditContext,
): AuditEntry[] {
  const stored = new Map(plan.before.map((s) => [s.id, s]));
  const written = new Map(plan.toPut.map((s) => [s.id, s]));
  const from = `来自${KIND_LABELS[source.kind].zh}“${source.fileName}”（设备 ${source.deviceId}，指纹 ${source.fingerprint}，${source.createdAt} 写出）`;
  return takenRows(plan.rows).map((row): AuditEntry => {
    const previous = stored.get(row.sheetId);
    const next = written.get(row.sheetId);
    const replaced =
      previous && next ? `；替换本机较旧的副本：${describeSheetChange(previous, next)}` : '';
    return {
      at: context.now,
      roundId: context.roundId,
      action: 'scoresheet.continue',
      entityId: row.sheetId,
      actor: context.actor,
      detail: `在本机继续：${context.reason}；${from}；接续第 ${row.revision} 版，最后修改于设备 ${row.lastDeviceId}${replaced}`,
    };
  });
}
