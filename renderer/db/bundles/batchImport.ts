// Score bundles brought back in a batch (a folder from a USB stick, many files at once).
// Step one prepares every file (prepareImport: open, check, preview; nothing written) and
// recognises a file that is the same bundle as an earlier one; encrypted files wait for their
// panel's passphrase (the panel is read from the signed manifest, in clear). Step two commits
// the accepted files in groups, each group in one transaction (commitImportGroup: one durable
// flush per group, not per file), atomic per file all the same, so a file that fails never
// stops or undoes the others. Between files the loop yields to the event loop, so the
// screen keeps painting its progress bar.
import { LIMITS, CONTAINER_ENTRIES, MANIFEST_ENTRY } from '../../../shared/bundle/format';
import { sha256Hex } from '../../../shared/bundle/bundleCrypto';
import type { BundleManifest } from '../../../shared/bundle/manifest';
import { readManifest } from '../../../shared/bundle/openContainer';
import { readZipSafely } from '../../../shared/bundle/zip';
import { readBundleHead } from '../../../shared/ipc/bundleHead';
import type { PingguDatabase } from '../database';
import { commitImportGroup } from './commitImport';
import type { CommitResult } from './types';
import { importError, internalImportError } from './importErrors';
import type { ImportError } from './importErrors';
import { openForImport, previewFrom, readOptionsFor } from './prepareImport';
import { readLocalState } from './localState';
import { summariseBatch } from './batchSummary';
import { isWorkbookFileName } from './workbookFileName';
import type {
  BatchCommitOptions,
  BatchFile,
  BatchFileResult,
  BatchItem,
  BatchItemStatus,
  BatchOptions,
  BatchSummary,
  ProgressListener,
  RunBatchOptions,
} from './batchTypes';
import type { BatchReads, ImportableBundle, PrepareOptions, PreparedImport } from './types';
import { readRoundReads } from './localState';

export type * from './batchTypes';

/**
 * Yields to the event loop (a message to ourselves), so the screen can paint between files.
 * Not a zero-delay timer: timers nested this deep wait at least 4 ms each, which over the
 * hundred files of a large batch was most of a second of doing nothing.
 */
const nextTick = (): Promise<void> =>
  new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });

const NEEDS_PASSPHRASE: ReadonlySet<string> = new Set(['passphraseRequired', 'wrongPassphrase']);

/**
 * The manifest of a bundle whose signature openBundle has already verified (it reports a
 * missing passphrase only after that), so its panel and round can be trusted.
 */
function verifiedManifest(bytes: Uint8Array): BundleManifest | undefined {
  const outer = readZipSafely(bytes, {
    limits: LIMITS,
    allowedNames: new Set(CONTAINER_ENTRIES),
    allowDeflate: false,
  });
  const manifestBytes = outer.ok ? outer.value.entries.get(MANIFEST_ENTRY) : undefined;
  if (manifestBytes === undefined) return undefined;
  const read = readManifest(manifestBytes, []);
  return read.ok ? read.value : undefined;
}

type Base = Pick<BatchItem, 'index' | 'file' | 'sha256'>;

function fromPrepared(base: Base, prepared: PreparedImport): BatchItem {
  const { preview } = prepared;
  // A panel device's first key blocks too, but the file is ready once its key is confirmed.
  const status: BatchItemStatus =
    preview.key.status === 'mismatch' ? 'keyMismatch' : preview.unchanged ? 'unchanged' : 'ready';
  return {
    ...base,
    status,
    encrypted: preview.encrypted,
    ...(preview.panelId === undefined ? {} : { panelId: preview.panelId }),
    ...(preview.panelName === undefined ? {} : { panelName: preview.panelName }),
    fingerprint: preview.key.fingerprint,
    keyStatus: preview.key.status,
    ...(preview.sheets ? { counts: preview.sheets.counts } : {}),
    prepared,
  };
}

/** Reads made once for a batch's previews (PrepareOptions: storedSheetIds, batchReads). */
type BatchSnapshot = { storedSheetIds: ReadonlySet<string>; batchReads?: BatchReads };

/** A file opened and checked, waiting for the batch's one read to be previewed. */
type Opened = { base: Base; opened: ImportableBundle; prepare: PrepareOptions };

/**
 * Step one for one file: opened and checked (openForImport), or what stops it (failed, or
 * locked until its panel's passphrase is given). Reads nothing of the database, except for an
 * Excel workbook, which is prepared whole here (batchWorkbooks.ts).
 */
async function openItem(
  db: PingguDatabase,
  base: Base,
  options: BatchOptions,
  snapshot?: BatchSnapshot,
): Promise<BatchItem | Opened> {
  const { file } = base;
  if (isWorkbookFileName(file.name)) {
    return (await import('./batchWorkbooks')).prepareWorkbookItem(db, base, options);
  }
  const prepareOf = (passphrase?: string): PrepareOptions => ({
    crypto: options.crypto,
    expectedKinds: ['scores'],
    roundId: options.roundId,
    ...(passphrase === undefined ? {} : { passphrase }),
    ...snapshot,
  });
  const open = async (passphrase?: string) => {
    const prepare = prepareOf(passphrase);
    const opened = await openForImport(file.bytes, file.name, prepare);
    return opened.ok
      ? { ok: true as const, value: { base, opened: opened.opened, prepare } }
      : opened;
  };
  const first = await open();
  if (first.ok) return first.value;
  const failed = (error: ImportError): BatchItem => ({
    ...base,
    status: 'failed',
    encrypted: false,
    error,
  });
  if (!NEEDS_PASSPHRASE.has(first.error.code)) return failed(first.error);
  const manifest = verifiedManifest(file.bytes);
  if (manifest?.kind !== 'scores') return failed(first.error);
  if (manifest.roundId !== options.roundId) {
    const detail = { roundId: manifest.roundId, expectedRoundId: options.roundId };
    return failed(importError(file.name, 'wrongRound', detail));
  }
  const panel = await db.panels.get(manifest.panelId);
  const fingerprint = readBundleHead(file.bytes)?.fingerprint;
  const locked: BatchItem = {
    ...base,
    status: 'locked',
    encrypted: true,
    panelId: manifest.panelId,
    panelName: panel?.roundId === options.roundId ? panel.name : manifest.panelId,
    ...(fingerprint === undefined ? {} : { fingerprint }),
  };
  const passphrase = options.passphrases?.[manifest.panelId];
  if (passphrase === undefined) return locked;
  const second = await open(passphrase);
  if (second.ok) return second.value;
  if (second.error.code === 'wrongPassphrase') return { ...locked, wrongPassphrase: true };
  return { ...failed(second.error), encrypted: true };
}

/**
 * Step two for every file opened: what each preview needs of the database, read in ONE
 * transaction (each read on its own costs IndexedDB a transaction of its own), then each
 * preview computed on its state. A file whose preview cannot be made is failed, as alone.
 */
async function previewOpened(db: PingguDatabase, opened: readonly Opened[]): Promise<BatchItem[]> {
  if (opened.length === 0) return [];
  const states = await db
    .transaction('r', db.tables, () =>
      Promise.all(
        opened.map(({ opened: bundle, prepare }) =>
          readLocalState(db, bundle, readOptionsFor(bundle, prepare)).then(
            (local) => ({ ok: true as const, local }),
            () => ({ ok: false as const }),
          ),
        ),
      ),
    )
    .catch(() => opened.map(() => ({ ok: false as const })));
  return opened.map(({ base, opened: bundle }, i) => {
    const state = states[i];
    const result =
      state?.ok === true
        ? previewFrom(base.file.name, bundle, state.local)
        : { ok: false as const, error: internalImportError(base.file.name) };
    if (result.ok) return fromPrepared(base, result.prepared);
    return {
      ...base,
      status: 'failed',
      encrypted: bundle.manifest.encryption !== undefined,
      error: result.error,
    };
  });
}

/** Prepares `which` items again (in order), reporting progress over them. */
async function prepareItems(
  db: PingguDatabase,
  items: readonly BatchItem[],
  which: (item: BatchItem) => boolean,
  options: BatchOptions,
  onProgress: ProgressListener,
): Promise<BatchItem[]> {
  const pause = options.yieldToEventLoop ?? nextTick;
  const todo = items.filter(which);
  const result = [...items];
  const waiting: Opened[] = [];
  let snapshot: BatchSnapshot | undefined;
  for (const [done, item] of todo.entries()) {
    onProgress({ phase: 'reading', done, total: todo.length, current: item.file.name });
    // For a batch of several files, what every preview would read alike, read once
    // (PrepareOptions); after the first progress, so the screen shows the batch's count at once.
    if (done === 0 && todo.length > 1) snapshot = await readBatchSnapshot(db, options.roundId);
    const base = { index: item.index, file: item.file, sha256: item.sha256 };
    const step = await openItem(db, base, options, snapshot);
    if ('opened' in step) waiting.push(step);
    else result[item.index] = step;
    await pause();
  }
  for (const item of await previewOpened(db, waiting)) result[item.index] = item;
  onProgress({ phase: 'reading', done: todo.length, total: todo.length });
  return result;
}

/** Every stored sheet id, the bases holding sheets and the round's reads, in one snapshot. */
async function readBatchSnapshot(db: PingguDatabase, roundId: string): Promise<BatchSnapshot> {
  const tables = [
    db.scoresheets,
    db.rounds,
    db.trustedKeys,
    db.panels,
    db.conflicts,
    db.roundChanges,
  ];
  return db.transaction('r', tables, async () => {
    const [ids, baseIds, round] = await Promise.all([
      db.scoresheets.toCollection().primaryKeys(),
      db.scoresheets.orderBy('baseId').uniqueKeys(),
      readRoundReads(db, roundId),
    ]);
    const sheetBaseIds = new Set(baseIds.filter((k): k is string => typeof k === 'string'));
    return { storedSheetIds: new Set(ids), batchReads: { roundId, round, sheetBaseIds } };
  });
}

/** Every file opened and checked against this database; nothing is written. */
export async function prepareBatch(
  db: PingguDatabase,
  files: readonly BatchFile[],
  options: BatchOptions,
  onProgress: ProgressListener = () => undefined,
): Promise<BatchItem[]> {
  const seen = new Map<string, number>();
  const items: BatchItem[] = [];
  // Hashed together: one wait before the first progress, not one per file.
  const hashes = await Promise.all(files.map((file) => sha256Hex(options.crypto, file.bytes)));
  for (const [index, file] of files.entries()) {
    const sha256 = hashes[index] ?? '';
    const first = seen.get(sha256);
    if (first === undefined) seen.set(sha256, index);
    items.push({
      index,
      file,
      sha256,
      encrypted: false,
      // Placeholder until prepared below; duplicates are final.
      status: first === undefined ? 'failed' : 'duplicate',
      ...(first === undefined ? {} : { duplicateOf: first }),
    });
  }
  const prepared = await prepareItems(
    db,
    items,
    (item) => item.status !== 'duplicate',
    options,
    onProgress,
  );
  // A duplicate shows the panel and signer of the file it repeats.
  return prepared.map((item) => {
    const original = item.duplicateOf === undefined ? undefined : prepared[item.duplicateOf];
    if (original === undefined) return item;
    const { panelId, panelName, fingerprint, encrypted } = original;
    return {
      ...item,
      encrypted,
      ...(panelId === undefined ? {} : { panelId }),
      ...(panelName === undefined ? {} : { panelName }),
      ...(fingerprint === undefined ? {} : { fingerprint }),
    };
  });
}

/** Tries the passphrases (panel id → passphrase) on the locked files of those panels. */
export function unlockBatch(
  db: PingguDatabase,
  items: readonly BatchItem[],
  options: BatchOptions & { passphrases: Readonly<Record<string, string>> },
  onProgress: ProgressListener = () => undefined,
): Promise<BatchItem[]> {
  const { passphrases } = options;
  return prepareItems(
    db,
    items,
    (item) =>
      item.status === 'locked' &&
      item.panelId !== undefined &&
      Object.hasOwn(passphrases, item.panelId),
    options,
    onProgress,
  );
}

/** The files imported unless a person says otherwise: those that are ready or unchanged. */
export function defaultSelection(items: readonly BatchItem[]): Set<number> {
  return new Set(
    items.filter((i) => i.status === 'ready' || i.status === 'unchanged').map((i) => i.index),
  );
}

const COMMITTABLE: ReadonlySet<BatchItemStatus> = new Set(['ready', 'unchanged', 'keyMismatch']);

/**
 * Commits the accepted files in batch order, in groups of one transaction each (commitGroups). A file whose key needs a
 * person's confirmation (a panel device's first key, a changed key) and is not in
 * `acceptNewKey` is skipped as keyUnconfirmed: nothing of it is written.
 */
export async function commitBatch(
  db: PingguDatabase,
  items: readonly BatchItem[],
  options: BatchCommitOptions,
  onProgress: ProgressListener = () => undefined,
): Promise<BatchSummary> {
  const pause = options.yieldToEventLoop ?? nextTick;
  const results = new Map<number, BatchFileResult>();
  const todo = items.filter((item) => {
    if (!options.accepted.has(item.index) || !COMMITTABLE.has(item.status)) return false;
    if (item.workbook) return true;
    if (!item.prepared) return false;
    const isConfirmed = options.acceptNewKey?.has(item.index) === true;
    if (item.prepared.preview.blocking === undefined || isConfirmed) return true;
    results.set(item.index, unconfirmed(item));
    return false;
  });
  const record = (item: BatchItem, committed: CommitResult) => {
    const common = {
      index: item.index,
      fileName: item.file.name,
      ...(item.panelName === undefined ? {} : { panelName: item.panelName }),
    };
    results.set(
      item.index,
      committed.ok
        ? { ...common, outcome: 'imported', summary: committed.result }
        : { ...common, outcome: 'failed', error: committed.error },
    );
  };
  let done = 0;
  for (const group of commitGroups(todo, options.groupSheets ?? GROUP_SHEETS)) {
    const [first] = group;
    if (first === undefined) continue;
    onProgress({ phase: 'importing', done, total: todo.length, current: first.file.name });
    if (first.workbook) {
      const committed = await (
        await import('./batchWorkbooks')
      ).commitWorkbookItem(db, first, options);
      if (committed !== undefined) record(first, committed);
    } else {
      const members = group.flatMap((item) =>
        item.prepared === undefined
          ? []
          : [
              {
                item,
                prepared: item.prepared,
                options: {
                  actor: options.actor,
                  clock: options.clock,
                  newId: options.newId,
                  acceptNewKey: options.acceptNewKey?.has(item.index) === true,
                },
              },
            ],
      );
      const committed = await commitImportGroup(db, members);
      members.forEach(({ item }, i) => {
        const result = committed[i];
        if (result !== undefined) record(item, result);
      });
    }
    done += group.length;
    await pause();
  }
  onProgress({ phase: 'importing', done: todo.length, total: todo.length });

  return summariseBatch(items, results);
}

/** Sheets a group transaction may carry before the next file starts a new one. */
export const GROUP_SHEETS = 1_500;

/**
 * The files to commit, in order, cut into groups committed in one transaction each
 * (commitImportGroup): consecutive score bundles up to about `groupSheets` sheets, so that the
 * progress line still moves in a large batch; an Excel workbook on its own.
 */
export const commitGroups = (items: readonly BatchItem[], groupSheets: number): BatchItem[][] =>
  groupsUpTo(items, sheetsOf, groupSheets, (item) => item.workbook !== undefined);

/**
 * `items` in order, cut into runs whose sizes add up to at most `limit` (an item larger than
 * the limit alone); an item `isAlone` says so is a group of its own.
 */
export function groupsUpTo<T>(
  items: readonly T[],
  sizeOf: (item: T) => number,
  limit: number,
  isAlone: (item: T) => boolean = () => false,
): T[][] {
  const groups: T[][] = [];
  let current: T[] = [];
  let size = 0;
  for (const item of items) {
    if (isAlone(item)) {
      if (current.length > 0) groups.push(current);
      groups.push([item]);
      current = [];
      size = 0;
      continue;
    }
    const itemSize = sizeOf(item);
    if (current.length > 0 && size + itemSize > limit) {
      groups.push(current);
      current = [];
      size = 0;
    }
    current.push(item);
    size += itemSize;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

const sheetsOf = (item: BatchItem): number => {
  const opened = item.prepared?.opened;
  return opened?.kind === 'scores' ? opened.payload.scoresheets.length : 1;
};

function unconfirmed(item: BatchItem): BatchFileResult {
  return {
    index: item.index,
    fileName: item.file.name,
    ...(item.panelName === undefined ? {} : { panelName: item.panelName }),
    outcome: 'skipped',
    skipped: 'keyUnconfirmed',
  };
}

/** Prepare every file, let `review` choose, commit the chosen ones: the whole batch in one call. */
export async function runBatchImport(
  db: PingguDatabase,
  files: readonly BatchFile[],
  options: RunBatchOptions,
  onProgress: ProgressListener = () => undefined,
): Promise<{ items: BatchItem[]; summary: BatchSummary }> {
  const items = await prepareBatch(db, files, options, onProgress);
  const decision = options.review
    ? await options.review(items)
    : { accepted: defaultSelection(items) };
  const summary = await commitBatch(
    db,
    items,
    {
      actor: options.actor,
      clock: options.clock,
      newId: options.newId,
      ...decision,
      ...(options.yieldToEventLoop ? { yieldToEventLoop: options.yieldToEventLoop } : {}),
    },
    onProgress,
  );
  return { items, summary };
}
