// Which round bundle a panel laptop last took for each round and panel: the time the
// secretariat wrote it (its manifest's createdAt), kept in the settings table under
// 'receivedRoundBundles' as one JSON text ({ [roundId]: { [panelId]: createdAt } }). A round
// bundle older than that one is refused: a stale file left on a USB stick must never put back
// the assignments or templates a re-issued bundle changed.
import type { PingguDatabase } from '../database';

export type ReceivedRoundBundles = Record<string, Record<string, string>>;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Parses the stored text; anything malformed is dropped rather than trusted. */
export function parseReceivedRoundBundles(text: string | undefined): ReceivedRoundBundles {
  if (text === undefined) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return {};
  }
  if (!isRecord(parsed)) return {};
  const result: ReceivedRoundBundles = {};
  for (const [roundId, panels] of Object.entries(parsed)) {
    if (!isRecord(panels)) continue;
    const times: Record<string, string> = {};
    for (const [panelId, createdAt] of Object.entries(panels)) {
      if (typeof createdAt === 'string') times[panelId] = createdAt;
    }
    result[roundId] = times;
  }
  return result;
}

/** Dexie calls only, so it runs inside an import's transaction. */
export async function readReceivedRoundBundles(db: PingguDatabase): Promise<ReceivedRoundBundles> {
  const record = await db.settings.get('receivedRoundBundles');
  return parseReceivedRoundBundles(
    record?.key === 'receivedRoundBundles' ? record.value : undefined,
  );
}

/** Records that the round bundle of (round, panel) written at `createdAt` was taken. */
export async function noteReceivedRoundBundle(
  db: PingguDatabase,
  roundId: string,
  panelId: string,
  createdAt: string,
): Promise<void> {
  const all = await readReceivedRoundBundles(db);
  const previous = all[roundId]?.[panelId];
  if (previous !== undefined && previous >= createdAt) return;
  const next = { ...all, [roundId]: { ...all[roundId], [panelId]: createdAt } };
  await db.settings.put({ key: 'receivedRoundBundles', value: JSON.stringify(next) });
}

/**
 * Drops a deleted round's entry; the settings row goes when no round is left in it. For a
 * caller's transaction, which must include db.settings.
 */
export async function forgetReceivedRoundBundles(
  db: PingguDatabase,
  roundId: string,
): Promise<void> {
  const all = await readReceivedRoundBundles(db);
  if (!Object.hasOwn(all, roundId)) return;
  const { [roundId]: _dropped, ...rest } = all;
  if (Object.keys(rest).length === 0) await db.settings.delete('receivedRoundBundles');
  else await db.settings.put({ key: 'receivedRoundBundles', value: JSON.stringify(rest) });
}
