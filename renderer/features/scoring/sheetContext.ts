// What every field of an open scoresheet shares: the form store, the keyboard focus chain,
// the saver (fields flush it on blur) and whether the sheet is locked.
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { FocusChain } from './focusChain';
import type { SheetFormState, SheetFormStore } from './sheetFormStore';
import type { SheetSaver } from './sheetSaver';

export type SheetContextValue = {
  store: SheetFormStore;
  chain: FocusChain;
  saver: SheetSaver;
  isLocked: boolean;
};

export const SheetContext = createContext<SheetContextValue | null>(null);

export function useSheetContext(): SheetContextValue {
  const value = useContext(SheetContext);
  if (!value) throw new Error('useSheetContext outside a scoresheet');
  return value;
}

/** One slice of the form state; re-renders only when that slice changes. */
export function useFormSlice<T>(select: (state: SheetFormState) => T): T {
  const { store } = useSheetContext();
  return useSyncExternalStore(store.subscribe, () => select(store.getState()));
}
