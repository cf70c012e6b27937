// Files dropped on the exchange tab, folders included. A browser hands a dropped folder over
// only as a FileSystemDirectoryEntry (DataTransferItem.webkitGetAsEntry), which must be asked
// for during the drop event; its contents are then read, recursively, in batches
// (readEntries returns a part of a directory per call until it returns none). Only .pgb
// files and .xlsx files (Excel scoresheets, read by the same batch) are kept. The entry shapes are narrowed to what is used, so tests can fake them.
import { isBundleFileName } from '../../../../shared/ipc/openLimits';

const isBatchFileName = (name: string): boolean =>
  isBundleFileName(name) || name.toLowerCase().endsWith('.xlsx');

export type EntryLike = {
  readonly isFile: boolean;
  readonly isDirectory: boolean;
  readonly name: string;
  file?: (success: (file: File) => void, failure?: (error: unknown) => void) => void;
  createReader?: () => {
    readEntries: (
      success: (entries: EntryLike[]) => void,
      failure?: (error: unknown) => void,
    ) => void;
  };
};

/** What the drop event offers: per item its entry (or null) and its plain file. */
export type DroppedItem = { entry: EntryLike | null; file: File | null };

/** Reads the items of a drop synchronously, while the event still lets them be read. */
export function droppedItems(transfer: DataTransfer | null): DroppedItem[] {
  if (transfer === null) return [];
  const items = [...transfer.items].filter((item) => item.kind === 'file');
  if (items.length === 0) return [...transfer.files].map((file) => ({ entry: null, file }));
  return items.map((item) => ({
    entry: typeof item.webkitGetAsEntry === 'function' ? item.webkitGetAsEntry() : null,
    file: item.getAsFile(),
  }));
}

const fileOf = (entry: EntryLike): Promise<File | null> =>
  new Promise((resolve) => {
    if (!entry.file) {
      resolve(null);
      return;
    }
    entry.file(resolve, () => resolve(null));
  });

async function childrenOf(entry: EntryLike): Promise<EntryLike[]> {
  if (!entry.createReader) return [];
  const reader = entry.createReader();
  const all: EntryLike[] = [];
  for (;;) {
    const batch = await new Promise<EntryLike[]>((resolve) =>
      reader.readEntries(resolve, () => resolve([])),
    );
    if (batch.length === 0) return all;
    all.push(...batch);
  }
}

/** Nested folders deeper than this are not walked (a link loop must not hang the page). */
const MAX_DEPTH = 8;

async function collect(entry: EntryLike, depth: number, into: File[]): Promise<void> {
  if (entry.isFile) {
    if (!isBatchFileName(entry.name)) return;
    const file = await fileOf(entry);
    if (file) into.push(file);
    return;
  }
  if (!entry.isDirectory || depth >= MAX_DEPTH) return;
  const children = await childrenOf(entry);
  children.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const child of children) await collect(child, depth + 1, into);
}

/** Every .pgb and .xlsx file dropped, directly or inside dropped folders, in a stable order. */
export async function bundleFilesOf(items: readonly DroppedItem[]): Promise<File[]> {
  const files: File[] = [];
  for (const { entry, file } of items) {
    if (entry) await collect(entry, 0, files);
    else if (file && isBatchFileName(file.name)) files.push(file);
  }
  return files;
}
