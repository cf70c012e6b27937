// The name of the person at the secretariat PC (经办人), recorded with every decision and
// conflict resolution. There are no user accounts: the clerk types it once and this window
// remembers it in localStorage (a UI convenience; each record still stores the name given).
import { useCallback, useState } from 'react';

const STORAGE_KEY = 'pinggu.operatorName';

const stored = (): string => {
  try {
    return window.localStorage.getItem(STORAGE_KEY) ?? '';
  } catch {
    return '';
  }
};

export function useOperatorName(): [string, (name: string) => void] {
  const [name, setName] = useState(stored);
  const update = useCallback((next: string) => {
    setName(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next.trim());
    } catch {
      // Storage may be unavailable (private mode); the name then lasts for this view.
    }
  }, []);
  return [name, update];
}
