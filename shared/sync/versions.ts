// Version vectors for scoresheets: "does this copy descend from that one, or were they edited
// concurrently?". A sheet's vector counts the saved edits each device made to it; a copy
// descends from another iff its vector is at least as large everywhere.
//
// Comparisons use a sheet's causal clock, which names every counter by the sheet id it belongs
// to (its own id, plus the ids in absorbedVersions), because two laptops can create two
// sheets for the same expert and base: their "laptop-1: 3" are different edits. The clock
// also holds a creation marker for the sheet's own id once it says anything (an edit, or a
// recusal at creation), so an untouched draft created elsewhere is superseded by any copy
// that says something, while a sheet that says something is never silently superseded by
// another id's history it has not absorbed.
import type { Scoresheet } from '../domain/types';
import { isPristine, sameContent } from './content';

export type VersionVector = Readonly<Record<string, number>>;

export type CausalOrder = 'equal' | 'descends' | 'ancestor' | 'concurrent';

const positive = (n: number): boolean => Number.isFinite(n) && n > 0;

function fromMap(map: ReadonlyMap<string, number>): Record<string, number> {
  // Object.fromEntries defines own properties, so even a "__proto__" key stays plain data.
  return Object.fromEntries([...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function positiveEntries(vector: VersionVector): Array<[string, number]> {
  return Object.entries(vector).filter(([, n]) => positive(n));
}

/** The sheet's own vector; older data without one reads as { [deviceId]: revision }. */
export function effectiveVersions(sheet: Scoresheet): VersionVector {
  const vector = sheet.versions ?? { [sheet.deviceId]: sheet.revision };
  return fromMap(new Map(positiveEntries(vector)));
}

/** Pointwise maximum: the vector of a copy that has seen both. */
export function mergeVersions(a: VersionVector, b: VersionVector): Record<string, number> {
  const merged = new Map(positiveEntries(a));
  for (const [device, n] of positiveEntries(b))
    merged.set(device, Math.max(merged.get(device) ?? 0, n));
  return fromMap(merged);
}

/**
 * The vector after one more saved edit on `deviceId`: call it wherever `revision` is bumped
 * (the `edited` helper of shared/domain/scoresheet.ts).
 */
export function bumpVersion(sheet: Scoresheet, deviceId: string): Record<string, number> {
  const current = effectiveVersions(sheet);
  return mergeVersions(current, { [deviceId]: (current[deviceId] ?? 0) + 1 });
}

function compareMaps(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): CausalOrder {
  let aAhead = false;
  let bAhead = false;
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(key) ?? 0;
    const y = b.get(key) ?? 0;
    if (x > y) aAhead = true;
    else if (y > x) bAhead = true;
    if (aAhead && bAhead) return 'concurrent';
  }
  if (aAhead) return 'descends';
  return bAhead ? 'ancestor' : 'equal';
}

/** Orders two plain vectors: 'descends' when a has seen everything b has and more. */
export function compareVectors(a: VersionVector, b: VersionVector): CausalOrder {
  return compareMaps(new Map(positiveEntries(a)), new Map(positiveEntries(b)));
}

const CREATED = '';
const clockKey = (sheetId: string, device: string): string => JSON.stringify([sheetId, device]);

function addAll(clock: Map<string, number>, sheetId: string, vector: VersionVector): void {
  clock.set(clockKey(sheetId, CREATED), 1);
  for (const [device, n] of positiveEntries(vector)) {
    const key = clockKey(sheetId, device);
    clock.set(key, Math.max(clock.get(key) ?? 0, n));
  }
}

const clocks = new WeakMap<Scoresheet, ReadonlyMap<string, number>>();

/** Every counter the sheet has seen, keyed by (sheet id, device id). */
export function causalClock(sheet: Scoresheet): ReadonlyMap<string, number> {
  const cached = clocks.get(sheet);
  if (cached) return cached;
  const clock = new Map<string, number>();
  const own = effectiveVersions(sheet);
  if (Object.keys(own).length > 0 || !isPristine(sheet)) addAll(clock, sheet.id, own);
  for (const [sheetId, vector] of Object.entries(sheet.absorbedVersions ?? {})) {
    addAll(clock, sheetId, vector);
  }
  clocks.set(sheet, clock);
  return clock;
}

/**
 * How copy a relates to copy b. Equal clocks with different content (a device's counters
 * reused, e.g. after restoring an old backup) count as concurrent, so neither is dropped.
 */
export function compareVersions(a: Scoresheet, b: Scoresheet): CausalOrder {
  const order = compareMaps(causalClock(a), causalClock(b));
  if (order !== 'equal') return order;
  return sameContent(a, b) ? 'equal' : 'concurrent';
}

/** True when a has seen everything b says: b adds nothing to a. */
export function supersedes(a: Scoresheet, b: Scoresheet): boolean {
  const order = compareVersions(a, b);
  return order === 'descends' || order === 'equal';
}
