// The stage of the import fuzz drill: a secretariat's database (its own round, one score
// bundle already imported, so the panel device's key is pinned) and five valid bundles to
// damage, each of which that database accepts: the panel's scores (plain and encrypted), a
// round bundle of another round, a result bundle of a third, and a backup. For each, the
// data digest its clean import gives, and a backup of the stage to return to it.
import { createBundle } from '../../shared/bundle/bundle';
import type { PingguDatabase } from '../../renderer/db/database';
import { exportBackupPayload } from '../../renderer/db/bundles/backup';
import { dataDigest } from '../../renderer/db/bundles/digest';
import type { BundleKind } from '../../shared/domain/types';
import { innerEntries, partsOf, sampleInput, sampleRecords, testSigner } from './bundleBuilders';
import { openTestDatabase, putRoundRecords } from './db';
import { backupBundle, importBundle } from './importBuilders';
import type { RawPayload } from './pipelineMutations';
import { cloneOf } from './storageFaults';

export const FUZZ_PASSPHRASE = '模糊测试';
/** Every bundle is imported under this name: archives and import records keep it. */
export const FUZZ_FILE_NAME = '模糊测试.pgb';

export type FuzzKey = BundleKind | 'encrypted';

export type FuzzOriginal = {
  bytes: Uint8Array;
  payload: unknown;
  /** Plain bundles: the manifest and the payload entries as written, for re-signing. */
  manifest: Record<string, unknown>;
  raw: RawPayload;
  /** dataDigest of the stage after importing this bundle. */
  clean: string;
};

export type FuzzStage = {
  db: PingguDatabase;
  originals: Map<FuzzKey, FuzzOriginal>;
  baselineBackup: Uint8Array;
};

export async function fuzzSetUp(): Promise<FuzzStage> {
  const signer = await testSigner();
  const own = sampleRecords();
  const db = await openTestDatabase();
  await putRoundRecords(db, { ...own, scoresheets: [] });
  const earlier = { ...own, scoresheets: own.scoresheets.slice(0, 1) };
  await importBundle(db, await createBundle(sampleInput('scores', { signer }, earlier)));

  const inputs: Array<[FuzzKey, ReturnType<typeof sampleInput>]> = [
    ['scores', sampleInput('scores', { signer }, own)],
    ['encrypted', sampleInput('scores', { signer, passphrase: FUZZ_PASSPHRASE }, own)],
    ['round', sampleInput('round', { signer }, sampleRecords())],
    ['result', sampleInput('result', { signer }, sampleRecords())],
    ['backup', sampleInput('backup', { signer }, sampleRecords())],
  ];
  const originals = new Map<FuzzKey, FuzzOriginal>();
  for (const [key, input] of inputs) {
    const bytes = await createBundle(input);
    const isPlain = key !== 'encrypted';
    const copy = await cloneOf(db);
    await importBundle(copy, bytes, { prepare: { passphrase: FUZZ_PASSPHRASE } }, FUZZ_FILE_NAME);
    const clean = await dataDigest(copy);
    await copy.delete();
    originals.set(key, {
      bytes,
      payload: input.payload,
      manifest: isPlain ? partsOf(bytes).manifest : {},
      raw: isPlain ? [...innerEntries(bytes)] : [],
      clean,
    });
  }
  const baselineBackup = await backupBundle(await exportBackupPayload(db), {
    signer,
    deviceId: 'fuzz-stage',
  });
  return { db, originals, baselineBackup };
}
