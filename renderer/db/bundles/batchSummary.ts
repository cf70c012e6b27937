// The summary of a committed batch: each file's outcome in batch order (committed, refused
// while preparing, or skipped and why) and the imported files' counts added up.
import type { ImportCounts } from '../../../shared/sync/mergeScoresheets';
import type { BatchFileResult, BatchItem, BatchSummary, SkipReason } from './batchTypes';

const zeroCounts = (): ImportCounts => ({
  added: 0,
  updated: 0,
  unchanged: 0,
  conflicts: 0,
  refused: 0,
});

function skippedResult(item: BatchItem): BatchFileResult {
  const common = {
    index: item.index,
    fileName: item.file.name,
    ...(item.panelName === undefined ? {} : { panelName: item.panelName }),
  };
  if (item.status === 'failed') {
    return { ...common, outcome: 'failed', ...(item.error ? { error: item.error } : {}) };
  }
  const skipped: SkipReason =
    item.status === 'duplicate' ? 'duplicate' : item.status === 'locked' ? 'locked' : 'notSelected';
  return {
    ...common,
    outcome: 'skipped',
    skipped,
    ...(item.duplicateOf === undefined ? {} : { duplicateOf: item.duplicateOf }),
  };
}

/** `committed`: the results of the files that were committed, by index. */
export function summariseBatch(
  items: readonly BatchItem[],
  committed: ReadonlyMap<number, BatchFileResult>,
): BatchSummary {
  const files = items.map((item) => committed.get(item.index) ?? skippedResult(item));
  const totals = zeroCounts();
  for (const file of files) {
    const counts = file.summary?.counts;
    if (!counts) continue;
    totals.added += counts.added;
    totals.updated += counts.updated;
    totals.unchanged += counts.unchanged;
    totals.conflicts += counts.conflicts;
    totals.refused += counts.refused;
  }
  const count = (outcome: BatchFileResult['outcome']) =>
    files.filter((f) => f.outcome === outcome).length;
  return {
    files,
    totals,
    imported: count('imported'),
    changed: files.filter((f) => f.summary?.changed === true).length,
    failed: count('failed'),
    skipped: count('skipped'),
  };
}
