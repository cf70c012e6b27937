// What accepting a bundle changes in the registry, base by base, for the preview the
// department reads before applying it. Computed by comparing two folds, so the preview can
// never disagree with what the fold then gives.
import { compareText } from './order';
import type { RegistryBase, RegistryHistoryEntry, RegistryState } from './types';

/**
 * One change to one base.
 * - entered: `to` = its type, a base new to the registry; only `from` (its type): a base no
 *   longer in it (only the replaced version of a round had named it).
 * - status: `from`/`to` are RegistryStatus values ('active', 'rectifying', ...).
 * - type: the shown type, the legacy type while not integrated, else the new-series type.
 * - rectifyUntil, mergedInto: the deadline (YYYY-MM-DD) and the target's code.
 * - history: one per round line added (`to` = round id), removed (`from`) or changed (both).
 * For an entered base, status, rectifyUntil and mergedInto are listed when not the defaults
 * (运行中, none), with no `from`.
 */
export type RegistryChange = {
  code: string;
  name: string;
  kind: 'entered' | 'status' | 'type' | 'rectifyUntil' | 'mergedInto' | 'history';
  from?: string;
  to?: string;
};

const KIND_ORDER: readonly RegistryChange['kind'][] = [
  'entered',
  'status',
  'type',
  'rectifyUntil',
  'mergedInto',
  'history',
];

/** Every change from `before` to `after`, by code, then kind, then round id. */
export function registryChanges(before: RegistryState, after: RegistryState): RegistryChange[] {
  const old = new Map(before.bases.map((b) => [b.code, b]));
  const now = new Map(after.bases.map((b) => [b.code, b]));
  const codes = [...new Set([...old.keys(), ...now.keys()])].sort(compareText);
  const out: RegistryChange[] = [];
  for (const code of codes) out.push(...baseChanges(old.get(code), now.get(code)));
  return out.sort(
    (a, b) =>
      compareText(a.code, b.code) ||
      KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
      compareText(a.to ?? a.from ?? '', b.to ?? b.from ?? ''),
  );
}

const shownType = (base: RegistryBase): string => base.legacyType ?? base.type;

function change(
  base: RegistryBase,
  kind: RegistryChange['kind'],
  from: string | undefined,
  to: string | undefined,
): RegistryChange {
  return {
    code: base.code,
    name: base.name,
    kind,
    ...(from === undefined ? {} : { from }),
    ...(to === undefined ? {} : { to }),
  };
}

function baseChanges(
  before: RegistryBase | undefined,
  after: RegistryBase | undefined,
): RegistryChange[] {
  if (after === undefined) {
    return before === undefined ? [] : [change(before, 'entered', shownType(before), undefined)];
  }
  const out: RegistryChange[] = [];
  if (before === undefined) {
    out.push(change(after, 'entered', undefined, shownType(after)));
    if (after.status !== 'active') out.push(change(after, 'status', undefined, after.status));
  } else {
    if (before.status !== after.status) {
      out.push(change(after, 'status', before.status, after.status));
    }
    const typeBefore = shownType(before);
    const typeAfter = shownType(after);
    if (typeBefore !== typeAfter) out.push(change(after, 'type', typeBefore, typeAfter));
    else if (before.type !== after.type) out.push(change(after, 'type', before.type, after.type));
  }
  if (before?.rectifyUntil !== after.rectifyUntil) {
    out.push(change(after, 'rectifyUntil', before?.rectifyUntil, after.rectifyUntil));
  }
  if (before?.mergedInto !== after.mergedInto) {
    out.push(change(after, 'mergedInto', before?.mergedInto, after.mergedInto));
  }
  out.push(...historyChanges(after, before?.history ?? [], after.history));
  return out;
}

function historyChanges(
  base: RegistryBase,
  before: readonly RegistryHistoryEntry[],
  after: readonly RegistryHistoryEntry[],
): RegistryChange[] {
  const old = new Map(before.map((h) => [h.roundId, h]));
  const now = new Map(after.map((h) => [h.roundId, h]));
  const ids = [...new Set([...old.keys(), ...now.keys()])].sort(compareText);
  const out: RegistryChange[] = [];
  for (const id of ids) {
    const a = old.get(id);
    const b = now.get(id);
    if (a === undefined) out.push(change(base, 'history', undefined, id));
    else if (b === undefined) out.push(change(base, 'history', id, undefined));
    else if (!sameEntry(a, b)) out.push(change(base, 'history', id, id));
  }
  return out;
}

const ENTRY_KEYS = [
  'roundName',
  'year',
  'version',
  'aggregate',
  'method',
  'grade',
  'disposition',
  'targetType',
  'mergedInto',
] as const satisfies readonly (keyof RegistryHistoryEntry)[];

const sameEntry = (a: RegistryHistoryEntry, b: RegistryHistoryEntry): boolean =>
  ENTRY_KEYS.every((key) => a[key] === b[key]);
