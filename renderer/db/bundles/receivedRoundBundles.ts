// Which round bundle a panel laptop last took for each round and panel: the time the
// secretariat wrote it (its manifest's createdAt), kept in the settings table under
// 'receivedRoundBundles' as one JSON text ({ [roundId]: { [panelId]: createdAt } }). A round
// bundle older than that one is refused: a stale file left on a USB stick must never put back
// the assignments or templates a re-issued bundle changed.
import type { PingguDatabase } from '../database';
import { forgetRoundIn, parseByRoundAndPanel, readJsonSetting } from '../jsonSettings';

export type ReceivedRoundBundles = Record<string, Record<string, string>>;

/** Parses the stored text; anything malformed is dropped rather than trusted. */
export function parseReceivedRoundBundles(text: string | undefined): ReceivedRoundBundles {
  return parseByRoundAndPanel(text, (createdAt) =>
    typeof createdAt === 'string' ? createdAt : undefined,
  );
}

/** Dexie calls only, so it runs inside an import's transaction. */
export async function readReceivedRoundBundles(db: PingguDatabase): Promise<ReceivedRoundBundles> {
  return parseReceivedRoundBundles(await readJsonSetting(db, 'receivedRoundBundles'));
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

/** Drops a deleted round's entry. For a caller's transaction, which must include settings. */
export async function forgetReceivedRoundBundles(
  db: PingguDatabase,
  roundId: string,
): Promise<void> {
  await forgetRoundIn(db, 'receivedRoundBundles', await readReceivedRoundBundles(db), roundId);
}
