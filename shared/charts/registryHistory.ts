// A base's 历年评估 with the rounds this database does not hold: a registry bundle brings each
// base's lines from the department's registry (one per accepted round, under that round's
// own rule), stored on the secretariat's laptop by registry code. They join the points
// computed from the rounds in the database (baseHistory); a round present in the database
// wins over the registry's line for the same round id, since its records are the full story.
import type { RegistryHistoryEntry } from '../registry/types';
import type { HistoryPoint } from './history';

/** A base's line in one earlier round, as a registry bundle brought it. */
export type RegistryHistoryLine = RegistryHistoryEntry & {
  /** The base's registry code. */
  code: string;
  /** The base's name in that round. */
  name: string;
};

/** The registry's lines of one base as history points, oldest year first. */
export function registryHistoryPoints(
  code: string,
  lines: readonly RegistryHistoryLine[],
): HistoryPoint[] {
  // One line per round: the newest closing version, should a caller pass several.
  const byRound = new Map<string, RegistryHistoryLine>();
  for (const line of lines) {
    if (line.code !== code) continue;
    const kept = byRound.get(line.roundId);
    if (kept === undefined || line.version > kept.version) byRound.set(line.roundId, line);
  }
  return [...byRound.values()].sort(byYearThenRound).map((line) => ({
    roundId: line.roundId,
    roundName: line.roundName,
    year: line.year,
    name: line.name,
    aggregate: line.aggregate,
    method: line.method,
    grade: line.grade,
    rankInType: null,
    typeCount: null,
    sheets: null,
    ...(line.disposition === undefined ? {} : { decision: line.disposition }),
    isFromRegistry: true,
  }));
}

function byYearThenRound(a: RegistryHistoryLine, b: RegistryHistoryLine): number {
  return a.year - b.year || (a.roundId < b.roundId ? -1 : a.roundId > b.roundId ? 1 : 0);
}

/**
 * The points of the database's rounds (baseHistory, already oldest first) and the registry's
 * lines, merged oldest year first. A registry line is left out when a database point has its
 * round id. Within one year the registry's earlier rounds come before the database's own.
 */
export function mergeRegistryHistory(
  code: string,
  roundPoints: readonly HistoryPoint[],
  lines: readonly RegistryHistoryLine[],
): HistoryPoint[] {
  const held = new Set(roundPoints.map((point) => point.roundId));
  const fromRegistry = registryHistoryPoints(code, lines).filter(
    (point) => !held.has(point.roundId),
  );
  const merged: HistoryPoint[] = [];
  let next = 0;
  for (const point of roundPoints) {
    for (let earlier = fromRegistry[next]; earlier !== undefined && earlier.year <= point.year;) {
      merged.push(earlier);
      next += 1;
      earlier = fromRegistry[next];
    }
    merged.push(point);
  }
  return [...merged, ...fromRegistry.slice(next)];
}
