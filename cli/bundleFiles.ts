// Reading bundles from disk and writing output files. Reading never throws: a file that
// cannot be read or opened becomes the one English sentence openBundle (or the file
// system) gives, which verify, merge and report print next to the file name.
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { openBundle } from '../shared/bundle/bundle';
import type { OpenedBundle } from '../shared/bundle/bundle';
import { bundleError } from '../shared/bundle/errors';
import { LIMITS } from '../shared/bundle/format';
import type { BundleKind } from '../shared/domain/types';
import { CliFailure, describeFsError, resolvePath } from './io';
import type { CliIo } from './io';

export type OpenedFile =
  { ok: true; file: string; bundle: OpenedBundle } | { ok: false; file: string; reason: string };

/** Opens one bundle: size check, then openBundle (PINGGU_PASSPHRASE for encrypted ones). */
export async function openBundleFile(
  io: CliIo,
  file: string,
  expectedKinds?: readonly BundleKind[],
): Promise<OpenedFile> {
  const fullPath = resolvePath(io, file);
  let bytes: Uint8Array;
  try {
    const info = await stat(fullPath);
    if (info.isDirectory()) return { ok: false, file, reason: 'this is a folder, not a file' };
    if (info.size > LIMITS.maxFileBytes) {
      return {
        ok: false,
        file,
        reason: bundleError('tooLarge', { limit: LIMITS.maxFileBytes }).messageEn,
      };
    }
    bytes = new Uint8Array(await readFile(fullPath));
  } catch (error) {
    return { ok: false, file, reason: `cannot read the file: ${describeFsError(error)}` };
  }
  const passphrase = io.env.PINGGU_PASSPHRASE;
  const opened = await openBundle(bytes, {
    crypto: globalThis.crypto,
    ...(expectedKinds === undefined ? {} : { expectedKinds }),
    ...(passphrase === undefined || passphrase === '' ? {} : { passphrase }),
  });
  return opened.ok
    ? { ok: true, file, bundle: opened }
    : { ok: false, file, reason: opened.error.messageEn };
}

/** The manifest's panel, for round and score bundles. */
export function manifestPanelId(bundle: OpenedBundle): string | undefined {
  return bundle.kind === 'round' || bundle.kind === 'scores' ? bundle.manifest.panelId : undefined;
}

/** Scoresheets a bundle carries (0 for a round or registry bundle). */
export function sheetCount(bundle: OpenedBundle): number {
  return bundle.kind === 'round' || bundle.kind === 'registry'
    ? 0
    : bundle.payload.scoresheets.length;
}

/**
 * Writes the whole file or nothing: a temporary file in the same folder, renamed into
 * place, so an interrupted run never leaves half a bundle or report behind.
 */
export async function writeFileAtomically(
  io: CliIo,
  file: string,
  data: Uint8Array | string,
): Promise<string> {
  const fullPath = resolvePath(io, file);
  const temp = path.join(path.dirname(fullPath), `.${path.basename(fullPath)}.${randomUUID()}.tmp`);
  try {
    await mkdir(path.dirname(fullPath), { recursive: true });
    await writeFile(temp, data);
    await rename(temp, fullPath);
    return fullPath;
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw new CliFailure(`cannot write ${file}: ${describeFsError(error)}`);
  }
}
