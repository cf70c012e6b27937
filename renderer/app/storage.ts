// Asks the browser to keep this app's IndexedDB even under disk pressure. Scores must never
// be evicted silently; About shows the answer so a clerk knows whether backups matter more.
export type PersistenceState = 'persisted' | 'notPersisted' | 'unknown';

export const requestPersistentStorage = async (): Promise<PersistenceState> => {
  const storage = globalThis.navigator?.storage;
  if (!storage?.persist || !storage.persisted) return 'unknown';
  try {
    if (await storage.persisted()) return 'persisted';
    return (await storage.persist()) ? 'persisted' : 'notPersisted';
  } catch {
    return 'unknown';
  }
};
