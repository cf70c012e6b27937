// Excel scoresheet workbooks in a batch of score bundles: a `.xlsx` file is prepared by
// workbookImport.ts instead of openBundle, and becomes an item like a bundle's (ready,
// unchanged or failed, its expert's panel, the counts the import expects), carrying its
// PreparedWorkbook. It has no signing key, so no key tick, and no passphrase. batchImport.ts
// loads this module only when a batch holds a workbook, so the reader stays out of the chunks
// every page loads.
import type { BatchItem, BatchOptions, BatchCommitOptions } from './batchTypes';
import type { PingguDatabase } from '../database';
import type { CommitResult } from './types';
import { commitWorkbookImport, prepareWorkbookImport } from './workbookImport';

type Base = Pick<BatchItem, 'index' | 'file' | 'sha256'>;

export async function prepareWorkbookItem(
  db: PingguDatabase,
  base: Base,
  options: Pick<BatchOptions, 'crypto' | 'roundId' | 'readXlsx'>,
): Promise<BatchItem> {
  const result = await prepareWorkbookImport(db, base.file.bytes, base.file.name, options);
  if (!result.ok) return { ...base, status: 'failed', encrypted: false, error: result.error };
  const { preview } = result.prepared;
  return {
    ...base,
    status: preview.unchanged ? 'unchanged' : 'ready',
    encrypted: false,
    panelId: preview.panelId,
    panelName: preview.panelName,
    counts: preview.sheets.counts,
    workbook: result.prepared,
  };
}

export function commitWorkbookItem(
  db: PingguDatabase,
  item: BatchItem,
  options: Pick<BatchCommitOptions, 'actor' | 'clock' | 'newId'>,
): Promise<CommitResult> | undefined {
  if (item.workbook === undefined) return undefined;
  return commitWorkbookImport(db, item.workbook, options);
}
