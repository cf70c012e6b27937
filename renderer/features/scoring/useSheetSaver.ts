// One SheetSaver for the life of an open scoresheet: fed every stored version the live
// query sees, flushed when the window is hidden or closed and when the page is left.
import { useEffect, useState, useSyncExternalStore } from 'react';
import { db } from '../../db/instance';
import type { SheetKey } from '../../db/repositories/scoresheetRepository';
import type { Scoresheet } from '../../../shared/domain/types';
import { getSheetDeps } from './sheetDeps';
import { SheetSaver } from './sheetSaver';
import type { SaveStatus } from './sheetSaver';

export function useSheetSaver(
  key: SheetKey,
  actor: string,
  stored: Scoresheet | null,
): { saver: SheetSaver; status: SaveStatus } {
  const [saver] = useState(() => new SheetSaver({ db, key, actor, deps: () => getSheetDeps(db) }));

  useEffect(() => {
    saver.observe(stored);
  }, [saver, stored]);

  useEffect(() => {
    const flush = () => void saver.flush();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    // Only when something could not be saved: the browser then asks before leaving.
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      const kind = saver.getStatus().kind;
      if (kind === 'failed' || kind === 'conflict' || kind === 'rejected') event.preventDefault();
    };
    window.addEventListener('pagehide', flush);
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('visibilitychange', onVisibility);
      // Leaving the sheet (route change): write what is pending.
      flush();
    };
  }, [saver]);

  const status = useSyncExternalStore(saver.subscribe, saver.getStatus);
  return { saver, status };
}
