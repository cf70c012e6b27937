// Reading the secretariat's trust file (`--trust FILE`, shared/bundle/trustFile.ts) from disk.
// A file that cannot be read or is not a valid trust file stops the command with one
// sentence and exit 2: the keys cannot be checked, so nothing may be written.
import { readFile, stat } from 'node:fs/promises';
import { parseTrustFile, TRUST_FILE_MAX_BYTES } from '../shared/bundle/trustFile';
import type { TrustFile } from '../shared/bundle/trustFile';
import { CliFailure, describeFsError, EXIT_REFUSED, resolvePath } from './io';
import type { CliIo } from './io';

const unusable = (file: string, reason: string): CliFailure =>
  new CliFailure(`cannot use the trust file ${file}: ${reason}; nothing written`, EXIT_REFUSED);

export async function readTrustFile(io: CliIo, file: string): Promise<TrustFile> {
  const fullPath = resolvePath(io, file);
  let bytes: Uint8Array;
  try {
    const info = await stat(fullPath);
    if (info.isDirectory()) throw unusable(file, 'this is a folder, not a file');
    if (info.size > TRUST_FILE_MAX_BYTES) {
      throw unusable(file, `it is larger than ${TRUST_FILE_MAX_BYTES / 1024 / 1024} MiB`);
    }
    bytes = new Uint8Array(await readFile(fullPath));
  } catch (error) {
    if (error instanceof CliFailure) throw error;
    throw unusable(file, `cannot read it (${describeFsError(error)})`);
  }
  const read = await parseTrustFile(bytes, globalThis.crypto);
  if (!read.ok) throw unusable(file, read.reason);
  return read.file;
}
