// From the registry to a secretariat's round: the roster of chosen bases (with their
// registry codes, so nothing is typed again) and the history lines the chair's 历年评估
// chart reads by code (RegistryHistoryRecord in renderer/db/database.ts).
import type { Base } from '../domain/types';
import type { RegistryBase, RegistryHistoryEntry } from './types';

/** One round Base per registry base, in the same order, with a new id each. */
export function rosterFromRegistry(
  bases: readonly RegistryBase[],
  roundId: string,
  newId: () => string,
): Base[] {
  return bases.map((base) => ({
    id: newId(),
    roundId,
    code: base.code,
    name: base.name,
    type: base.type,
    ...(base.legacyType === undefined ? {} : { legacyType: base.legacyType }),
    hostInstitution: base.hostInstitution,
    city: base.city,
    director: base.director,
    yearEstablished: base.yearEstablished,
    field: base.field,
  }));
}

export type RegistryHistoryRow = RegistryHistoryEntry & {
  /** `${code}:${roundId}`. */
  id: string;
  code: string;
  /** The base's name as the registry bundle carries it. */
  name: string;
  /** SHA-256 of the registry bundle the line came from. */
  sourceSha256: string;
};

/**
 * Every history line of every base, keyed `${code}:${roundId}`. A base's history holds one
 * line per round (the standing version), so the keys are unique for distinct codes.
 */
export function historyRecordsFromRegistry(
  bases: readonly RegistryBase[],
  sourceSha256: string,
): RegistryHistoryRow[] {
  return bases.flatMap((base) =>
    base.history.map((entry) => ({
      ...entry,
      id: `${base.code}:${entry.roundId}`,
      code: base.code,
      name: base.name,
      sourceSha256,
    })),
  );
}
