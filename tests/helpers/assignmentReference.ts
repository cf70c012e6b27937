// What the automatic assignment must achieve, written from the README's definition (分组与回避:
// balanced by count, one panel per base; conflicts of interest, the expert's institution
// being the base's host institution, are never assigned) and the preview's promise (bases
// re-dealt except those already being scored). Imports nothing from shared/: tests check
// the app's records against these properties instead of against the planner's own output.

export type PlacedBase = { id: string; panelId?: string; hostInstitution: string };
export type PanelExpert = { id: string; panelId: string; institution: string };
export type Pair = { id: string; expertId: string; baseId: string; recusal?: unknown };

/** Bases on which some expert started a scoresheet (any state): these keep their panel. */
export function startedBaseIds(sheets: readonly { baseId: string }[]): Set<string> {
  return new Set(sheets.map((sheet) => sheet.baseId));
}

/**
 * The panel sizes (largest first) of the most even deal: the held bases stay where they are,
 * and each free base goes to a smallest panel, so panels end as level as the held bases allow.
 */
export function levelledSizes(held: readonly number[], free: number): number[] {
  const sizes = [...held];
  for (let left = free; left > 0; left -= 1) {
    const smallest = sizes.indexOf(Math.min(...sizes));
    sizes[smallest] = (sizes[smallest] ?? 0) + 1;
  }
  return sizes.sort((a, b) => b - a);
}

/** Panel id → bases in it. */
export function panelSizes(
  bases: readonly PlacedBase[],
  panelIds: readonly string[],
): Map<string, number> {
  return new Map(
    panelIds.map((id) => [id, bases.filter((base) => base.panelId === id).length] as const),
  );
}

/** The expert works at the base's host institution. */
export const isOwnInstitution = (expert: PanelExpert, base: PlacedBase): boolean =>
  expert.institution.trim() !== '' && expert.institution.trim() === base.hostInstitution.trim();

/** Record ids added, removed, and kept with a changed content between two snapshots. */
export function recordChanges<T extends { id: string }>(
  before: readonly T[],
  after: readonly T[],
): { added: number; removed: number; changed: number } {
  const old = new Map(before.map((record) => [record.id, JSON.stringify(sorted(record))]));
  const now = new Map(after.map((record) => [record.id, JSON.stringify(sorted(record))]));
  let added = 0;
  let changed = 0;
  for (const [id, text] of now) {
    const was = old.get(id);
    if (was === undefined) added += 1;
    else if (was !== text) changed += 1;
  }
  const removed = [...old.keys()].filter((id) => !now.has(id)).length;
  return { added, removed, changed };
}

/** A copy with keys sorted at every level, so key order never counts as a change. */
function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, inner]) => [key, sorted(inner)]),
  );
}
