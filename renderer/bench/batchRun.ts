// The secretariat's import of many score bundles at once, through the batch importer the
// import screen uses (renderer/db/bundles/batchImport.ts, runBatchImport): every file
// prepared first, then each committed in its own transaction, yielding to the event loop
// between files as the screen does for its progress bar.
import { defaultSelection, runBatchImport } from '../db/bundles/batchImport';
import { confirmedIndexes, keysToConfirm } from '../db/bundles/batchKeys';
import type { PingguDatabase } from '../db/database';
import type { BenchFile } from './benchData';

export const BATCH_LABEL =
  'runBatchImport (prepare all, then commit each; default selection, every new key confirmed)';

const IMPORT_TIME = '2024-06-01T08:00:00.000Z';

/** Imports the files; returns the number of sheets added. */
export async function batchImport(
  db: PingguDatabase,
  files: readonly BenchFile[],
  roundId: string,
): Promise<number> {
  let id = 0;
  const { summary } = await runBatchImport(db, files, {
    crypto: globalThis.crypto,
    roundId,
    actor: '秘书处 基准测试',
    clock: { now: () => IMPORT_TIME },
    newId: () => `bench-batch-${(id += 1)}`,
    // As the clerk does: one tick per panel key, after comparing it with the paper summary.
    review: (items) => {
      const keys = keysToConfirm(items);
      const every = new Set(keys.map((k) => k.id));
      return { accepted: defaultSelection(items), acceptNewKey: confirmedIndexes(keys, every) };
    },
  });
  if (summary.imported !== files.length || summary.failed > 0) {
    const failure = summary.files.find((f) => f.outcome !== 'imported');
    throw new Error(
      `batch imported ${summary.imported} of ${files.length} files` +
        (failure
          ? ` (${failure.fileName}: ${failure.error?.messageEn ?? failure.skipped ?? ''})`
          : ''),
    );
  }
  return summary.totals.added;
}
