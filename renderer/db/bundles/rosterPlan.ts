// Round and result bundles against this database, pure. A round bundle (on a panel laptop)
// adds or updates the round, its templates, bases, panels, experts and assignments, and
// never touches a scoresheet. It is its panel's whole roster: what a re-issued one no longer
// carries of the panel is deleted, unless a sheet was started on it here (rosterWithdrawal).
// Both kinds bring the round's changes (changesPlan), which void sheets here. A result
// bundle makes (or replaces with a newer result) a read-only archived round.
import { canonicalJson } from '../../../shared/bundle/canonicalJson';
import type { OpenedBundle } from '../../../shared/bundle/bundle';
import type { IndicatorTemplate, Round, RoundChange } from '../../../shared/domain/types';
import type { ImportCounts } from '../../../shared/sync/mergeScoresheets';
import { importError } from './importErrors';
import type { ImportError } from './importErrors';
import type { RosterState, RoundRecordsOf } from './localState';
import { namesOf, planChanges, voidedAfter } from './changesPlan';
import { NOTHING_WITHDRAWN, withdrawal } from './rosterWithdrawal';
import { secretariatPinId } from './trustedKeys';
import type { ArchivePreview, RecordCounts, RosterPreview } from './types';

type Tables = keyof RoundRecordsOf;
const TABLES: readonly Tables[] = [
  'bases',
  'panels',
  'experts',
  'assignments',
  'scoresheets',
  'decisions',
];

export type RosterWrites = {
  round?: Round;
  templates: IndicatorTemplate[];
  puts: RoundRecordsOf;
  deletes: Record<Tables, string[]>;
  /** Round changes to put (by id) and, for a newer result, to delete. */
  changes: { put: RoundChange[]; deletes: string[] };
};

export type RosterPlan = {
  writes: RosterWrites;
  roster: RosterPreview;
  archive?: ArchivePreview;
  counts: ImportCounts;
  changesData: boolean;
};

type Bundle = Extract<OpenedBundle, { kind: 'round' | 'result' }>;
type Failure = { ok: false; error: ImportError };

const same = (a: unknown, b: unknown): boolean => canonicalJson(a) === canonicalJson(b);
const noDeletes = (): Record<Tables, string[]> => ({
  bases: [],
  panels: [],
  experts: [],
  assignments: [],
  scoresheets: [],
  decisions: [],
});

/** Records to write, and how many are new, changed or already so. */
function diff<T extends { id: string }>(
  stored: readonly T[],
  incoming: readonly T[],
): { put: T[]; counts: RecordCounts } {
  const byId = new Map(stored.map((r) => [r.id, r]));
  const put = incoming.filter((r) => {
    const before = byId.get(r.id);
    return before === undefined || !same(before, r);
  });
  const added = incoming.filter((r) => !byId.has(r.id)).length;
  return {
    put,
    counts: { added, changed: put.length - added, unchanged: incoming.length - put.length },
  };
}

const withoutFreeze = ({ frozenAt: _f, ...rest }: IndicatorTemplate): object => rest;

/** Templates are shared by rounds: add the missing ones; one id never changes content. */
function planTemplates(
  fileName: string,
  incoming: readonly IndicatorTemplate[],
  stored: ReadonlyMap<string, IndicatorTemplate>,
): { ok: true; put: IndicatorTemplate[]; counts: RecordCounts } | Failure {
  const put: IndicatorTemplate[] = [];
  const counts: RecordCounts = { added: 0, changed: 0, unchanged: 0 };
  for (const template of incoming) {
    const before = stored.get(template.id);
    if (before === undefined) {
      put.push(template);
      counts.added += 1;
    } else if (!same(withoutFreeze(before), withoutFreeze(template))) {
      const detail = { table: 'templates', record: template.id };
      return { ok: false, error: importError(fileName, 'idCollision', detail) };
    } else if (before.frozenAt === undefined && template.frozenAt !== undefined) {
      put.push({ ...before, frozenAt: template.frozenAt });
      counts.changed += 1;
    } else counts.unchanged += 1;
  }
  return { ok: true, put, counts };
}

/** Why this bundle may not touch this database's copy of its round, if it may not. */
function refusal(fileName: string, bundle: Bundle, state: RosterState): Failure | undefined {
  const { roundId } = bundle.manifest;
  const archive = state.round?.archive;
  if (bundle.kind === 'round' && archive !== undefined) {
    return { ok: false, error: importError(fileName, 'archivedRound', { roundId }) };
  }
  // A round here that no round bundle brought (no secretariat pin) is this machine's own.
  const received = state.pins.some((p) => p.id === secretariatPinId(roundId));
  if (bundle.kind === 'round' && state.round !== undefined && !received) {
    return { ok: false, error: importError(fileName, 'ownRound', { roundId }) };
  }
  if (bundle.kind === 'round') {
    const newest = state.received[roundId]?.[bundle.manifest.panelId];
    if (newest !== undefined && bundle.manifest.createdAt < newest) {
      const detail = { roundId, newerCreatedAt: newest };
      return { ok: false, error: importError(fileName, 'olderRoundBundle', detail) };
    }
  }
  if (bundle.kind === 'result' && state.round !== undefined) {
    if (archive === undefined) {
      return { ok: false, error: importError(fileName, 'liveRound', { roundId }) };
    }
    if (bundle.manifest.createdAt < archive.bundleCreatedAt) {
      return { ok: false, error: importError(fileName, 'olderBundle', { roundId }) };
    }
  }
  // A bundle record whose id names a record of another round here.
  for (const table of TABLES) {
    const other = state.byId[table].find((r) => r.roundId !== roundId);
    if (other) {
      return {
        ok: false,
        error: importError(fileName, 'idCollision', { table, record: other.id }),
      };
    }
  }
  return undefined;
}

/** The round's records as they should be after the import (by id). */
function targetRecords(bundle: Bundle, state: RosterState): RoundRecordsOf {
  const { payload } = bundle;
  if (bundle.kind === 'result') {
    const { bases, panels, experts, assignments, scoresheets, decisions } = bundle.payload;
    return { bases, panels, experts, assignments, scoresheets, decisions };
  }
  // A recusal declared on this laptop stays when a re-issued bundle does not carry it yet.
  const stored = new Map(state.byId.assignments.map((a) => [a.id, a]));
  const assignments = payload.assignments.map((a) => {
    const local = stored.get(a.id)?.recusal;
    return a.recusal === undefined && local !== undefined ? { ...a, recusal: local } : a;
  });
  const { bases, panels, experts } = payload;
  return { bases, panels, experts, assignments, scoresheets: [], decisions: [] };
}

/** The round record to store: a result's carries where the archive came from. */
function roundRecord(
  fileName: string,
  bundle: Bundle,
  state: RosterState,
  context: { now: string; fingerprint: string },
  recordsChange: boolean,
): Round {
  const { archive: _ignored, ...round } = bundle.payload.round;
  if (bundle.kind === 'round') return round;
  const kept = state.round?.archive;
  const unchanged =
    kept !== undefined && !recordsChange && same({ ...round, archive: kept }, state.round);
  if (unchanged) return { ...round, archive: kept };
  const archive = {
    importedAt: context.now,
    fingerprint: context.fingerprint,
    fileName,
    bundleCreatedAt: bundle.manifest.createdAt,
  };
  return { ...round, archive };
}

type Diffs = { [T in Tables]: { put: RoundRecordsOf[T]; counts: RecordCounts } };

function diffAll(stored: RoundRecordsOf, target: RoundRecordsOf): Diffs {
  return {
    bases: diff(stored.bases, target.bases),
    panels: diff(stored.panels, target.panels),
    experts: diff(stored.experts, target.experts),
    assignments: diff(stored.assignments, target.assignments),
    scoresheets: diff(stored.scoresheets, target.scoresheets),
    decisions: diff(stored.decisions, target.decisions),
  };
}

const sum = (counts: readonly RecordCounts[]): RecordCounts =>
  counts.reduce(
    (a, c) => ({
      added: a.added + c.added,
      changed: a.changed + c.changed,
      unchanged: a.unchanged + c.unchanged,
    }),
    { added: 0, changed: 0, unchanged: 0 },
  );

export function planRoster(
  fileName: string,
  bundle: Bundle,
  state: RosterState,
  context: { now: string; fingerprint: string },
): { ok: true; plan: RosterPlan } | Failure {
  const refused = refusal(fileName, bundle, state);
  if (refused) return refused;
  const templates = planTemplates(fileName, bundle.payload.templates, state.templates);
  if (!templates.ok) return templates;

  const target = targetRecords(bundle, state);
  const changePlan = planChanges(fileName, bundle, state, namesOf(target, state));
  if (!changePlan.ok) return changePlan;
  const changeSet = changePlan.plan;
  const d = diffAll(state.byId, target);
  const puts: RoundRecordsOf = {
    bases: d.bases.put,
    panels: d.panels.put,
    experts: d.experts.put,
    assignments: d.assignments.put,
    scoresheets: d.scoresheets.put,
    decisions: d.decisions.put,
  };
  // A newer result replaces the archive: records it no longer has go. A re-issued round
  // bundle withdraws what it no longer carries of its panel.
  const deletes = noDeletes();
  let withdrawn = NOTHING_WITHDRAWN;
  if (bundle.kind === 'result') {
    for (const table of TABLES) {
      const keep = new Set(target[table].map((r) => r.id));
      deletes[table] = state.own[table].filter((r) => !keep.has(r.id)).map((r) => r.id);
    }
  } else if (state.round !== undefined) {
    const planned = withdrawal(bundle.manifest.panelId, state, target, changeSet.after);
    Object.assign(deletes, planned.deletes);
    withdrawn = planned.preview;
  }
  const recordsChange =
    templates.put.length > 0 ||
    changeSet.put.length > 0 ||
    changeSet.deletes.length > 0 ||
    TABLES.some((t) => puts[t].length > 0 || deletes[t].length > 0);
  const round = roundRecord(fileName, bundle, state, context, recordsChange);
  const roundChanges = state.round === undefined || !same(state.round, round);
  const roundCounts: RecordCounts = {
    added: state.round === undefined ? 1 : 0,
    changed: state.round !== undefined && roundChanges ? 1 : 0,
    unchanged: roundChanges ? 0 : 1,
  };
  const storedExperts = new Set(state.byId.experts.map((e) => e.id));
  const storedBases = new Set(state.byId.bases.map((b) => b.id));
  const roster: RosterPreview = {
    rounds: roundCounts,
    templates: templates.counts,
    bases: d.bases.counts,
    panels: d.panels.counts,
    experts: d.experts.counts,
    assignments: d.assignments.counts,
    addedExperts: target.experts.filter((e) => !storedExperts.has(e.id)).map((e) => e.name),
    addedBases: target.bases.filter((b) => !storedBases.has(b.id)).map((b) => b.name),
    withdrawn,
    changes: {
      items: changeSet.items,
      voidedSheets: voidedAfter(bundle, state, target, deletes.assignments, changeSet.after),
    },
  };
  const changesData = recordsChange || roundChanges;
  // A result counts its sheets; a round bundle counts every roster record.
  const counted =
    bundle.kind === 'result'
      ? d.scoresheets.counts
      : sum([
          roundCounts,
          templates.counts,
          d.bases.counts,
          d.panels.counts,
          d.experts.counts,
          d.assignments.counts,
        ]);
  const plan: RosterPlan = {
    writes: {
      ...(roundChanges ? { round } : {}),
      templates: templates.put,
      puts,
      deletes,
      changes: { put: changeSet.put, deletes: changeSet.deletes },
    },
    roster,
    counts: {
      added: counted.added,
      updated: counted.changed,
      unchanged: counted.unchanged,
      conflicts: 0,
      refused: 0,
    },
    changesData,
  };
  if (bundle.kind === 'result') {
    plan.archive = {
      action: state.round === undefined ? 'new' : changesData ? 'replace' : 'unchanged',
      scoresheets: target.scoresheets.length,
      decisions: target.decisions.length,
    };
  }
  return { ok: true, plan };
}
