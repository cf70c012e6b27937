// Settings rows that hold one JSON text (expertPins, pinFailures, issuedRoundBundles,
// receivedRoundBundles):
// a backup bundle carries setting values as scalars only, so these maps travel as text. Parsing
// never trusts the text: anything malformed is dropped, entry by entry.
import type { PingguDatabase, SettingKey } from './database';

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The JSON object in `text`, or undefined when there is none or it is not an object. */
export function parseJsonObject(text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    return isRecord(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** A { [roundId]: { [panelId]: T } } text, each value kept only when `toValue` accepts it. */
export function parseByRoundAndPanel<T>(
  text: string | undefined,
  toValue: (value: unknown, panelId: string) => T | undefined,
): Record<string, Record<string, T>> {
  const result: Record<string, Record<string, T>> = {};
  for (const [roundId, panels] of Object.entries(parseJsonObject(text) ?? {})) {
    if (!isRecord(panels)) continue;
    const kept: Record<string, T> = {};
    for (const [panelId, value] of Object.entries(panels)) {
      const accepted = toValue(value, panelId);
      if (accepted !== undefined) kept[panelId] = accepted;
    }
    result[roundId] = kept;
  }
  return result;
}

/** The text of a JSON settings row (Dexie calls only, so it runs inside a transaction). */
export async function readJsonSetting(
  db: PingguDatabase,
  key: JsonSettingKey,
): Promise<string | undefined> {
  const record = await db.settings.get(key);
  return record?.key === key ? record.value : undefined;
}

type JsonSettingKey = Extract<
  SettingKey,
  'expertPins' | 'pinFailures' | 'issuedRoundBundles' | 'receivedRoundBundles'
>;

/**
 * Writes a JSON row from its map; the row goes when the map is empty. Dexie calls only, for a
 * caller's transaction, which must include db.settings.
 */
export async function writeJsonMap(
  db: PingguDatabase,
  key: JsonSettingKey,
  map: Readonly<Record<string, unknown>>,
): Promise<void> {
  if (Object.keys(map).length === 0) await db.settings.delete(key);
  else await db.settings.put({ key, value: JSON.stringify(map) });
}

/**
 * Drops these keys (a deleted round, or its experts) from a JSON row's map; the row goes when
 * nothing is left in it, and is not written when none of them was there.
 */
export async function forgetKeysIn(
  db: PingguDatabase,
  key: JsonSettingKey,
  all: Readonly<Record<string, unknown>>,
  keys: readonly string[],
): Promise<void> {
  const kept = Object.entries(all).filter(([k]) => !keys.includes(k));
  if (kept.length < Object.keys(all).length) {
    await writeJsonMap(db, key, Object.fromEntries(kept));
  }
}

/** Drops a deleted round's entry from a by-round JSON row (see forgetKeysIn). */
export function forgetRoundIn(
  db: PingguDatabase,
  key: Extract<JsonSettingKey, 'issuedRoundBundles' | 'receivedRoundBundles'>,
  all: Readonly<Record<string, unknown>>,
  roundId: string,
): Promise<void> {
  return forgetKeysIn(db, key, all, [roundId]);
}
