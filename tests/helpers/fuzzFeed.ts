// The import fuzz drill's harness: feeds one bundle through prepareImport and commitImport
// on the stage's database, checks the answer is typed (or the acceptance consistent), puts
// the database back after an accepted bundle (restoring the stage's backup), checks the
// digest every `checkEvery` bundles and Object.prototype for pollution, and keeps the tally
// of answers and the peak memory seen after each bundle.
import { expect } from 'vitest';
import { restoreBackup } from '../../renderer/db/bundles/backup';
import { commitImport } from '../../renderer/db/bundles/commitImport';
import { dataDigest, databaseDigest } from '../../renderer/db/bundles/digest';
import { isImportErrorCode } from '../../renderer/db/bundles/importErrors';
import type { ImportError } from '../../renderer/db/bundles/importErrors';
import { prepareImport } from '../../renderer/db/bundles/prepareImport';
import type { PingguDatabase } from '../../renderer/db/database';
import type { OpenedBundle } from '../../shared/bundle/bundle';
import { BUNDLE_KINDS } from '../../shared/bundle/format';
import { FUZZ_FILE_NAME, FUZZ_PASSPHRASE } from './fuzzSetUp';
import { confirmingDeps, testCrypto } from './importBuilders';

/** What an accepted bundle must give: the original's payload, and its database state. */
export type Expectation = { payload?: unknown; clean?: string; refused?: boolean };

export type Feeder = {
  feed: (bytes: Uint8Array, label: string, expected?: Expectation) => Promise<void>;
  checkpoint: (where: string) => Promise<void>;
  tally: { runs: number; accepted: number; refused: Map<string, number>; last: string };
  peak: { heapUsed: number; arrayBuffers: number };
};

export function createFeeder(options: {
  db: PingguDatabase;
  /** databaseDigest of the stage. */
  baseline: string;
  /** The stage's backup, opened, to return to the stage after an accepted bundle. */
  backup: OpenedBundle;
  checkEvery: number;
  seed: number;
}): Feeder {
  const { db, baseline, backup } = options;
  const tally = { runs: 0, accepted: 0, refused: new Map<string, number>(), last: '' };
  const peak = { heapUsed: 0, arrayBuffers: 0 };

  const expectTyped = (error: ImportError, where: string): void => {
    expect(isImportErrorCode(error.code), `${where}: ${error.code}`).toBe(true);
    expect(error.code, where).not.toBe('internal');
    expect(error.message, where).toMatch(/[\u4e00-\u9fff]/);
    expect(error.messageEn.length, where).toBeGreaterThan(0);
    tally.refused.set(error.code, (tally.refused.get(error.code) ?? 0) + 1);
    tally.last = error.code;
  };

  const checkpoint = async (where: string): Promise<void> => {
    expect(await databaseDigest(db), `${where}, seed ${options.seed}`).toBe(baseline);
    expect(Reflect.get({}, 'polluted'), 'Object.prototype polluted').toBeUndefined();
  };

  const feed = async (bytes: Uint8Array, label: string, expected: Expectation = {}) => {
    tally.runs += 1;
    const where = `${label} #${tally.runs}`;
    const prepared = await prepareImport(db, bytes, FUZZ_FILE_NAME, {
      crypto: testCrypto,
      expectedKinds: BUNDLE_KINDS,
      passphrase: FUZZ_PASSPHRASE,
    });
    if (!prepared.ok) expectTyped(prepared.error, where);
    else {
      expect(expected.refused, `${where}: accepted`).not.toBe(true);
      const { opened } = prepared.prepared;
      if (expected.payload !== undefined) expect(opened.payload, where).toEqual(expected.payload);
      const committed = await commitImport(
        db,
        prepared.prepared,
        confirmingDeps(prepared.prepared),
      );
      if (!committed.ok) expectTyped(committed.error, where);
      else {
        tally.accepted += 1;
        tally.last = 'accepted';
        if (expected.clean !== undefined) expect(await dataDigest(db), where).toBe(expected.clean);
        const restored = await restoreBackup(db, backup);
        expect(restored.ok, where).toBe(true);
        await checkpoint(`${where}: restored`);
      }
    }
    const memory = process.memoryUsage();
    peak.heapUsed = Math.max(peak.heapUsed, memory.heapUsed);
    peak.arrayBuffers = Math.max(peak.arrayBuffers, memory.arrayBuffers);
    if (tally.runs % options.checkEvery === 0) await checkpoint(`after ${where}`);
  };

  return { feed, checkpoint, tally, peak };
}
