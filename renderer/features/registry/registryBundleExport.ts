// 下发名单: the registry bundle (department → secretariat) of the bases a selection chooses,
// with their history, signed with this laptop's key like every bundle it writes. The
// registry is read in one transaction at the moment of export; the file is saved through the
// desktop's saveBundle and, once saved, the export is audited ('registry.export'). The
// platform comes in through `deps`, so tests drive it with a real key and a recording save.
import { createBundle } from '../../../shared/bundle/bundle';
import type { BundleSigner } from '../../../shared/bundle/bundleCrypto';
import type { WebCryptoLike } from '../../../shared/bundle/cryptoTypes';
import { BundleWriteError } from '../../../shared/bundle/errors';
import { fileSha256 } from '../../../shared/bundle/fileHash';
import type { SaveBundleRequest, SaveValue } from '../../../shared/ipc/contract';
import type { DesktopResult } from '../../../shared/ipc/result';
import { buildRegistry } from '../../../shared/registry/fold';
import { selectBases } from '../../../shared/registry/selection';
import type {
  RegistryBase,
  RegistryPayload,
  RegistrySelection,
} from '../../../shared/registry/types';
import type { PingguDatabase } from '../../db/database';
import { loadRegistryInputs } from '../../db/registryHooks';
import { recordRegistryExport } from '../../db/repositories/registryRepository';

export type RegistryBundleRequest = {
  /** The year of the round the roster is for. */
  year: number;
  title: string;
  selection: RegistrySelection;
  /** The file name proposed to the save dialog (without extension). */
  suggestedName: string;
};

export type RegistryBundleDeps = {
  signer: BundleSigner & { fingerprint: string };
  deviceId: string;
  appVersion: string;
  crypto: WebCryptoLike;
  now: () => string;
  actor: string;
  saveBundle: (request: SaveBundleRequest) => Promise<DesktopResult<SaveValue>>;
};

export type RegistryBundleOutcome =
  | {
      kind: 'saved';
      fileName: string;
      path?: string;
      bases: number;
      codes: string[];
      sha256: string;
      fingerprint: string;
    }
  | { kind: 'cancelled' }
  /** Nothing chosen: no bundle is written. */
  | { kind: 'empty'; message: string }
  | { kind: 'failed'; message: string };

/** The bases the selection chooses from the registry as stored now. */
export async function chosenBases(
  db: PingguDatabase,
  selection: RegistrySelection,
): Promise<RegistryBase[]> {
  const inputs = await loadRegistryInputs(db);
  return selectBases(buildRegistry(inputs.approvals, inputs.rounds), selection);
}

const failed = (message: string) => ({ kind: 'failed', message }) as const;

export async function exportRegistryBundle(
  db: PingguDatabase,
  request: RegistryBundleRequest,
  deps: RegistryBundleDeps,
): Promise<RegistryBundleOutcome> {
  const bases = await chosenBases(db, request.selection);
  if (bases.length === 0) {
    return { kind: 'empty', message: '没有符合条件的基地，没有生成名单包。' };
  }
  const payload: RegistryPayload = {
    registry: {
      year: request.year,
      title: request.title,
      selection: request.selection,
      bases,
    },
  };
  let bytes: Uint8Array;
  try {
    bytes = await createBundle({
      kind: 'registry',
      payload,
      deviceId: deps.deviceId,
      appVersion: deps.appVersion,
      createdAt: deps.now(),
      signer: deps.signer,
      crypto: deps.crypto,
    });
  } catch (error) {
    if (error instanceof BundleWriteError) return failed(error.error.message);
    return failed(error instanceof Error ? error.message : String(error));
  }
  const saved = await deps.saveBundle({ suggestedName: request.suggestedName, bytes });
  if (!saved.ok) return failed(saved.error.message);
  if (!saved.value.saved) return { kind: 'cancelled' };
  const sha256 = await fileSha256(deps.crypto, bytes);
  const codes = bases.map((b) => b.code);
  const audited = await recordRegistryExport(
    db,
    {
      fileName: request.suggestedName,
      sha256,
      year: request.year,
      purpose: request.selection.purpose,
      codes,
      fingerprint: deps.signer.fingerprint,
    },
    deps.actor,
    deps,
  );
  // The file is written; a failed audit entry is reported, not hidden.
  if (!audited.ok) return failed(audited.error.message);
  return {
    kind: 'saved',
    fileName: request.suggestedName,
    ...(saved.value.path === undefined ? {} : { path: saved.value.path }),
    bases: bases.length,
    codes,
    sha256,
    fingerprint: deps.signer.fingerprint,
  };
}
