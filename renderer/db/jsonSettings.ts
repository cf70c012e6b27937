// Settings rows that hold one JSON text (expertPins, issuedRoundBundles, receivedRoundBundles):
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
  key: 'expertPins' | 'pinFailures' | 'issuedRoundBundles' | 'receivedRoundBundles',
): Promise<string | undefined> {
  const record = await db.settings.get(key);
  return record?.key === key ? record.value : undefined;
}

/**
 * Drops a deleted round's entry from a by-round JSON row; the row goes when no round is left
 * in it. For a caller's transaction, which must include db.settings.
 */
export async function forgetRoundIn(
  db: PingguDatabase,
  key: Extract<SettingKey, 'issuedRoundBundles' | 'receivedRoundBundles'>,
  all: Readonly<Record<string, unknown>>,
  roundId: string,
): Promise<void> {
  if (!Object.hasOwn(all, roundId)) return;
  const { [roundId]: _dropped, ...rest } = all;
  if (Object.keys(rest).length === 0) await db.settings.delete(key);
  else await db.settings.put({ key, value: JSON.stringify(rest) });
}
