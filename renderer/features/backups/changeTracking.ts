// Cheap change detection for the backup scheduler: Dexie fires 'storagemutated' after every
// committed write transaction (and for writes in other tabs of the same site), naming the
// parts that changed as `idb://<database>/<table>/…`. Only the app's own database counts;
// the browser's backup store and the device key database are other databases.
import { Dexie } from 'dexie';
import type { ObservabilitySet } from 'dexie';

export const touchesDatabase = (
  parts: Readonly<Record<string, unknown>>,
  databaseName: string,
): boolean => {
  const prefix = `idb://${databaseName}/`;
  return Object.keys(parts).some((part) => part.startsWith(prefix));
};

/** Calls listener after each committed change to databaseName; returns the unsubscribe. */
export const onDatabaseChange = (databaseName: string, listener: () => void): (() => void) => {
  const handler = (parts: ObservabilitySet): void => {
    if (touchesDatabase(parts, databaseName)) listener();
  };
  Dexie.on.storagemutated.subscribe(handler);
  return () => Dexie.on.storagemutated.unsubscribe(handler);
};
