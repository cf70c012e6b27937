// The round changes (轮次变更) a round or result bundle brings, against this database, pure.
// A round bundle's copy of a change replaces the stored one (put by id), except that a change
// undone here stays undone: an undo is final (a new change is made instead), so a copy
// written before the undo can never bring the change back. A round bundle never deletes a
// change; a newer result bundle replaces an archive's changes like its other records.
import { canonicalJson } from '../../../shared/bundle/canonicalJson';
import type { OpenedBundle } from '../../../shared/bundle/bundle';
import { partitionSheets } from '../../../shared/domain/roundChanges';
import type { RoundChange } from '../../../shared/domain/types';
import { importError } from './importErrors';
import type { ImportError } from './importErrors';
import type { RosterState, RoundRecordsOf } from './localState';
import type { ChangePreview } from './types';

type Bundle = Extract<OpenedBundle, { kind: 'round' | 'result' }>;

export type ChangesPlan = {
  put: RoundChange[];
  deletes: string[];
  /** The round's changes as they are stored after the import. */
  after: RoundChange[];
  items: ChangePreview[];
};

/** Names of what changes concern, by id: the bundle's records, then those stored here. */
export type ChangeNames = {
  experts: ReadonlyMap<string, string>;
  bases: ReadonlyMap<string, string>;
  panels: ReadonlyMap<string, string>;
};

const same = (a: unknown, b: unknown): boolean => canonicalJson(a) === canonicalJson(b);

/** The copy to store: the bundle's, keeping an undo recorded here. */
function merged(stored: RoundChange | undefined, incoming: RoundChange): RoundChange {
  if (stored?.undone !== undefined && incoming.undone === undefined) {
    return { ...incoming, undone: stored.undone };
  }
  return incoming;
}

const named = (map: ReadonlyMap<string, string>, id: string | undefined): string | undefined =>
  id === undefined ? undefined : (map.get(id) ?? id);

function describe(
  change: RoundChange,
  status: ChangePreview['status'],
  names: ChangeNames,
): ChangePreview {
  const expert = named(names.experts, change.expertId);
  const replacement = named(names.experts, change.replacementExpertId);
  const base = named(names.bases, change.baseId);
  const fromPanel = named(names.panels, change.fromPanelId);
  const toPanel = named(names.panels, change.toPanelId);
  return {
    id: change.id,
    kind: change.kind,
    at: change.at,
    actor: change.actor,
    reason: change.reason,
    ...(expert === undefined ? {} : { expert }),
    ...(replacement === undefined ? {} : { replacement }),
    ...(base === undefined ? {} : { base }),
    ...(fromPanel === undefined ? {} : { fromPanel }),
    ...(toPanel === undefined ? {} : { toPanel }),
    voids: change.voids.length,
    ...(change.undone === undefined ? {} : { undone: change.undone }),
    status,
  };
}

const byTime = (a: ChangePreview, b: ChangePreview): number =>
  a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

export function planChanges(
  fileName: string,
  bundle: Bundle,
  state: RosterState,
  names: ChangeNames,
): { ok: true; plan: ChangesPlan } | { ok: false; error: ImportError } {
  const { roundId } = bundle.manifest;
  const other = state.changes.byId.find((c) => c.roundId !== roundId);
  if (other) {
    const detail = { table: 'roundChanges', record: other.id };
    return { ok: false, error: importError(fileName, 'idCollision', detail) };
  }
  const stored = new Map(state.changes.own.map((c) => [c.id, c]));
  const put: RoundChange[] = [];
  const items: ChangePreview[] = [];
  for (const incoming of bundle.payload.changes) {
    const before = stored.get(incoming.id);
    const next = merged(before, incoming);
    const changed = before === undefined || !same(before, next);
    if (changed) put.push(next);
    items.push(
      describe(next, before === undefined ? 'new' : changed ? 'changed' : 'unchanged', names),
    );
  }
  const carried = new Set(bundle.payload.changes.map((c) => c.id));
  const deletes =
    bundle.kind === 'result'
      ? state.changes.own.filter((c) => !carried.has(c.id)).map((c) => c.id)
      : [];
  const gone = new Set(deletes);
  const after = new Map(state.changes.own.filter((c) => !gone.has(c.id)).map((c) => [c.id, c]));
  for (const change of put) after.set(change.id, change);
  return {
    ok: true,
    plan: { put, deletes, after: [...after.values()], items: items.sort(byTime) },
  };
}

/** Names for the change list: the bundle's records first, then those stored here. */
export function namesOf(target: RoundRecordsOf, state: RosterState): ChangeNames {
  const map = (stored: ReadonlyArray<Named>, incoming: ReadonlyArray<Named>) =>
    new Map([...stored, ...incoming].map((r) => [r.id, r.name]));
  return {
    experts: map(state.own.experts, target.experts),
    bases: map(state.own.bases, target.bases),
    panels: map(state.own.panels, target.panels),
  };
}

type Named = { id: string; name: string };

/** How many sheets the round has voided once the bundle is imported (kept, never counted). */
export function voidedAfter(
  bundle: Bundle,
  state: RosterState,
  target: RoundRecordsOf,
  deletedAssignments: readonly string[],
  changes: readonly RoundChange[],
): number {
  if (changes.length === 0) return 0;
  if (bundle.kind === 'result') {
    return partitionSheets(target.scoresheets, changes, target.assignments).voided.length;
  }
  const gone = new Set(deletedAssignments);
  const assignments = new Map(
    state.own.assignments.filter((a) => !gone.has(a.id)).map((a) => [a.id, a]),
  );
  for (const a of target.assignments) assignments.set(a.id, a);
  return partitionSheets(state.own.scoresheets, changes, [...assignments.values()]).voided.length;
}
