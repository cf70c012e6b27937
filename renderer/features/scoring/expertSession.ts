// Which expert has unlocked this window with their PIN. Kept in sessionStorage: a reload
// of the same window keeps it, a new window or a restarted app asks again.
const STORAGE_KEY = 'pinggu.unlockedExpert';
const listeners = new Set<() => void>();
let memory: string | null = null;

function read(): string | null {
  try {
    return window.sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return memory;
  }
}

export function getUnlockedExpertId(): string | null {
  return read();
}

export function setUnlockedExpertId(expertId: string | null): void {
  memory = expertId;
  try {
    if (expertId === null) window.sessionStorage.removeItem(STORAGE_KEY);
    else window.sessionStorage.setItem(STORAGE_KEY, expertId);
  } catch {
    // Storage unavailable: the in-memory value lasts for this page.
  }
  for (const listener of listeners) listener();
}

export function subscribeUnlocked(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
