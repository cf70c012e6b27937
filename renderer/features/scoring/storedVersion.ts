// Which stored version of a scoresheet a window is working on (id, revision and HLC of its
// last edit), and the error that aborts a write when the stored version is another one.
import type { Scoresheet } from '../../../shared/domain/types';

/** What identifies a stored version. */
export type StoredVersion = { id: string; revision: number; hlc: string };
/** null when no sheet is stored. */
export type Version = StoredVersion | null;

export const storedVersion = (sheet: Scoresheet): StoredVersion => ({
  id: sheet.id,
  revision: sheet.revision,
  hlc: sheet.hlc,
});

export const versionOf = (sheet: Scoresheet | null): Version =>
  sheet ? storedVersion(sheet) : null;

export class StaleSheetError extends Error {
  constructor() {
    super('The stored scoresheet changed since this window last saw it');
    this.name = 'StaleSheetError';
  }
}

export const isStale = (error: unknown): boolean =>
  error instanceof StaleSheetError ||
  (typeof error === 'object' && error !== null && Reflect.get(error, 'name') === 'StaleSheetError');
