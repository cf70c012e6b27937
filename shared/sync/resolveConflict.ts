// A person settles a conflict: keep the copy shown, take the kept one, or enter the agreed
// values. The resolved sheet's version vector covers both copies (and any copy with the same
// content as either) plus one edit by the resolving device, so importing any of them again
// later supersedes nothing and opens no conflict.
import { canonicalJson } from '../bundle/canonicalJson';
import type {
  ConflictRecord,
  DispositionDecision,
  Recusal,
  Scoresheet,
  ScoresheetStatus,
} from '../domain/types';
import { isOpenConflict, isSettledByPerson } from './conflictRecords';
import { logicalKey, sameContent, versionKey } from './content';
import { settle } from './settle';
import { effectiveVersions, mergeVersions } from './versions';
import type { VersionVector } from './versions';

/** The agreed values. A recusal clears scores, comments and the recommendation, as declaring one does. */
export type ManualResolution = {
  scores: Record<string, number>;
  comments: Record<string, string>;
  overallComment: string;
  recommendation?: DispositionDecision;
  recusal?: Recusal;
  /** Default: submitted when either copy was submitted (draft with a recusal). */
  status?: ScoresheetStatus;
};

export type ResolutionChoice = 'local' | 'incoming' | ManualResolution;

export type ResolveDeps = {
  now: string;
  /** From the resolving device's clock, after receive() of both copies' timestamps. */
  hlc: string;
  deviceId: string;
};

/**
 * The resolved sheet, under the id of the copy shown (`conflict.local`). `alsoSupersedes`:
 * further copies it must cover, e.g. kept copies whose content equals either side.
 */
export function resolveConflict(
  conflict: ConflictRecord,
  choice: ResolutionChoice,
  deps: ResolveDeps,
  alsoSupersedes: readonly Scoresheet[] = [],
): Scoresheet {
  const { local, incoming } = conflict;
  const sources = [local, incoming, ...alsoSupersedes];
  const chosen =
    choice === 'local'
      ? local
      : choice === 'incoming'
        ? incoming
        : agreedSheet(local, incoming, choice, deps.now);
  const { versions: _versions, absorbedVersions: _absorbed, ...content } = chosen;
  const clock = coveringVectors(local.id, sources, deps.deviceId);
  const resolved: Scoresheet = {
    ...content,
    id: local.id,
    roundId: local.roundId,
    baseId: local.baseId,
    expertId: local.expertId,
    revision: Math.max(...sources.map((sheet) => sheet.revision)) + 1,
    hlc: deps.hlc,
    deviceId: deps.deviceId,
    updatedAt: deps.now,
    versions: clock.versions,
  };
  return clock.absorbed ? { ...resolved, absorbedVersions: clock.absorbed } : resolved;
}

function agreedSheet(
  local: Scoresheet,
  incoming: Scoresheet,
  agreed: ManualResolution,
  now: string,
): Scoresheet {
  const { recommendation: _r, recusal: _u, submittedAt: _s, ...base } = local;
  if (agreed.recusal) {
    const status = agreed.status ?? 'draft';
    const recused: Scoresheet = {
      ...base,
      scores: {},
      comments: {},
      overallComment: '',
      recusal: { ...agreed.recusal },
      status,
    };
    return status === 'submitted' ? { ...recused, submittedAt: now } : recused;
  }
  const submitted = [local, incoming].find((sheet) => sheet.status === 'submitted');
  const status = agreed.status ?? (submitted ? 'submitted' : 'draft');
  const sheet: Scoresheet = {
    ...base,
    scores: { ...agreed.scores },
    comments: { ...agreed.comments },
    overallComment: agreed.overallComment,
    status,
  };
  const withDecision = agreed.recommendation
    ? {
        ...sheet,
        recommendation: {
          disposition: { ...agreed.recommendation.disposition },
          reason: agreed.recommendation.reason,
        },
      }
    : sheet;
  return status === 'submitted'
    ? { ...withDecision, submittedAt: submitted?.submittedAt ?? now }
    : withDecision;
}

/** Vectors covering every source, plus one edit by `deviceId` on the sheet `ownId`. */
function coveringVectors(
  ownId: string,
  sources: readonly Scoresheet[],
  deviceId: string,
): { versions: Record<string, number>; absorbed?: Record<string, Record<string, number>> } {
  let own: VersionVector = {};
  const absorbed = new Map<string, VersionVector>();
  const fold = (sheetId: string, vector: VersionVector): void => {
    if (sheetId === ownId) own = mergeVersions(own, vector);
    else absorbed.set(sheetId, mergeVersions(absorbed.get(sheetId) ?? {}, vector));
  };
  for (const sheet of sources) {
    fold(sheet.id, effectiveVersions(sheet));
    for (const [sheetId, vector] of Object.entries(sheet.absorbedVersions ?? {})) {
      fold(sheetId, vector);
    }
  }
  const versions = mergeVersions(own, { [deviceId]: (own[deviceId] ?? 0) + 1 });
  if (absorbed.size === 0) return { versions };
  const sorted = [...absorbed].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return { versions, absorbed: Object.fromEntries(sorted.map(([id, v]) => [id, { ...v }])) };
}

export type ResolutionPlan =
  | {
      ok: true;
      /** The resolved sheet (normally also in toPut; kept in a new conflict if another copy outranks it). */
      sheet: Scoresheet;
      /** The record, marked resolved: it stays as history. */
      resolvedConflict: ConflictRecord;
      toPut: Scoresheet[];
      toDelete: string[];
      newConflicts: ConflictRecord[];
      updatedConflicts: ConflictRecord[];
      conflictsToDelete: string[];
    }
  /** The record is settled already, or the stored state moved on since the person saw it. */
  | { ok: false; reason: 'alreadyResolved' | 'stale' };

/**
 * Resolution with its consequences for the other records of the same sheet: identical
 * copies of either side are folded in, and every remaining record is re-pointed at the new
 * winner. `current`: the stored sheets and records (at least those of this expert and base).
 */
export function planResolution(
  conflict: ConflictRecord,
  choice: ResolutionChoice,
  current: { sheets: readonly Scoresheet[]; conflicts: readonly ConflictRecord[] },
  deps: ResolveDeps,
): ResolutionPlan {
  const record = current.conflicts.find((candidate) => candidate.id === conflict.id);
  if (record === undefined || canonicalJson(record) !== canonicalJson(conflict)) {
    return { ok: false, reason: 'stale' };
  }
  if (!isOpenConflict(record)) return { ok: false, reason: 'alreadyResolved' };
  const key = logicalKey(record.local);
  const stored = current.sheets.filter((sheet) => logicalKey(sheet) === key);
  if (!stored.some((sheet) => versionKey(sheet) === versionKey(record.local))) {
    return { ok: false, reason: 'stale' };
  }
  const others = current.conflicts.filter(
    (r) => r.id !== record.id && !isSettledByPerson(r) && logicalKey(r.local) === key,
  );
  const identical = others
    .map((r) => r.incoming)
    .filter((copy) => sameContent(copy, record.local) || sameContent(copy, record.incoming));
  const sheet = resolveConflict(record, choice, deps, identical);
  const settlement = settle(stored, others, [sheet], {
    now: deps.now,
    importId: record.sourceImportId,
  });
  return {
    ok: true,
    sheet,
    resolvedConflict: {
      ...record,
      resolvedAt: deps.now,
      resolution: typeof choice === 'string' ? choice : 'manual',
    },
    toPut: settlement.toPut,
    toDelete: settlement.toDelete,
    newConflicts: settlement.newConflicts,
    updatedConflicts: settlement.updatedConflicts,
    conflictsToDelete: settlement.conflictsToDelete,
  };
}
