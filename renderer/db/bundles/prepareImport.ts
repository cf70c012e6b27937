// Step one of an import: open the bundle (size limits, names, hashes, signature, schemas,
// migrations: shared/bundle), check it fits the screen, read the local state and compute
// the preview. Writes nothing; never throws.
import { openBundle } from '../../../shared/bundle/bundle';
import { bundleError } from '../../../shared/bundle/errors';
import type { PingguDatabase } from '../database';
import { analyse, previewOf } from './analyse';
import { fromBundleError, importError, internalImportError } from './importErrors';
import { absentSheetIdsOf, readLocalState } from './localState';
import type { LocalState, ReadOptions } from './localState';
import type { ImportError } from './importErrors';
import type { ImportableBundle, PrepareOptions, PrepareResult } from './types';

export async function prepareImport(
  db: PingguDatabase,
  bytes: Uint8Array,
  fileName: string,
  options: PrepareOptions,
): Promise<PrepareResult> {
  const opened = await openForImport(bytes, fileName, options);
  if (!opened.ok) return opened;
  let local: LocalState;
  try {
    local = await readLocalState(db, opened.opened, readOptionsFor(opened.opened, options));
  } catch {
    return { ok: false, error: internalImportError(fileName) };
  }
  return previewFrom(fileName, opened.opened, local);
}

type Importable = Exclude<OpenedImport, { kind: 'registry' }>;
type OpenedImport = Extract<Awaited<ReturnType<typeof openBundle>>, { ok: true }>;

/** The first part of prepareImport: the bundle opened and checked, before any read. */
export async function openForImport(
  bytes: Uint8Array,
  fileName: string,
  options: PrepareOptions,
): Promise<{ ok: true; opened: Importable } | { ok: false; error: ImportError }> {
  // The department's registry bundle is for the round wizard only: openBundle refuses it
  // as wrongKind with a sentence that says where to use it.
  const expectedKinds = options.expectedKinds.filter((kind) => kind !== 'registry');
  const opened = await openBundle(bytes, {
    crypto: options.crypto,
    expectedKinds,
    ...(options.passphrase === undefined ? {} : { passphrase: options.passphrase }),
  });
  if (!opened.ok) return { ok: false, error: fromBundleError(fileName, opened.error) };
  if (opened.kind === 'registry') {
    const error = bundleError('wrongKind', { kind: opened.kind, expectedKinds });
    return { ok: false, error: fromBundleError(fileName, error) };
  }
  const roundId = opened.manifest.roundId;
  if (opened.kind !== 'backup' && options.roundId !== undefined && roundId !== options.roundId) {
    const detail = { roundId, expectedRoundId: options.roundId };
    return { ok: false, error: importError(fileName, 'wrongRound', detail) };
  }
  return { ok: true, opened };
}

/** How the preview reads, given what a batch read once for all its files (PrepareOptions). */
export function readOptionsFor(opened: ImportableBundle, options: PrepareOptions): ReadOptions {
  const stored = options.storedSheetIds;
  const notStored =
    stored !== undefined && opened.kind === 'scores'
      ? new Set(opened.payload.scoresheets.map((s) => s.id).filter((id) => !stored.has(id)))
      : undefined;
  const batch = options.batchReads;
  const shared = batch && {
    sheetBaseIds: batch.sheetBaseIds,
    ...(batch.roundId === opened.manifest.roundId ? { round: batch.round } : {}),
  };
  return {
    ...(notStored ? { absentSheetIds: notStored } : {}),
    ...(shared ? { shared } : {}),
  };
}

/** The last part of prepareImport: the plan and preview on the state read. Pure. */
export function previewFrom(
  fileName: string,
  opened: ImportableBundle,
  local: LocalState,
): PrepareResult {
  try {
    const analysed = analyse(fileName, opened, local, {
      now: opened.manifest.createdAt,
      importId: 'preview',
    });
    if (!analysed.ok) return analysed;
    const preview = previewOf(fileName, opened, analysed.analysis);
    const absentSheetIds = absentSheetIdsOf(opened, local);
    return {
      ok: true,
      prepared: { fileName, opened, preview, ...(absentSheetIds ? { absentSheetIds } : {}) },
    };
  } catch {
    return { ok: false, error: internalImportError(fileName) };
  }
}
