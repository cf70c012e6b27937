// The shapes of a batch import of score bundles (batchImport.ts): each file's state after
// preparing, progress reports, what a person decided, and what the commit did per file.
import type { XlsxReadResult } from '../../../shared/xlsx';
import type { WebCryptoLike } from '../../../shared/bundle/cryptoTypes';
import type { ImportCounts } from '../../../shared/sync/mergeScoresheets';
import type { ImportError } from './importErrors';
import type { CommitOptions, CommitSummary, KeyStatus, PreparedImport } from './types';
import type { PreparedWorkbook } from './workbookImport';

export type BatchFile = { name: string; bytes: Uint8Array };

export type BatchItemStatus =
  /** Would change data: imported when accepted. */
  | 'ready'
  /** Everything in it is here already (e.g. imported before). */
  | 'unchanged'
  /** Signed by another key than the one pinned: imported only if a person accepts the key. */
  | 'keyMismatch'
  /** Encrypted: waits for its panel's passphrase. */
  | 'locked'
  /** The same bundle as an earlier file of this batch. */
  | 'duplicate'
  /** Refused: `error` says why. */
  | 'failed';

export type BatchItem = {
  /** Position in the batch (0-based), the item's identity. */
  index: number;
  file: BatchFile;
  sha256: string;
  status: BatchItemStatus;
  encrypted: boolean;
  panelId?: string;
  panelName?: string;
  fingerprint?: string;
  keyStatus?: KeyStatus;
  /** What the preview expects (the commit recomputes against what is stored then). */
  counts?: ImportCounts;
  prepared?: PreparedImport;
  /** An Excel scoresheet workbook (.xlsx) instead of a bundle: no key, no passphrase. */
  workbook?: PreparedWorkbook;
  error?: ImportError;
  /** locked: a passphrase was tried and did not decrypt it. */
  wrongPassphrase?: boolean;
  /** duplicate: the index of the first file with the same bytes. */
  duplicateOf?: number;
};

export type BatchProgress = {
  phase: 'reading' | 'importing';
  /** Files finished in this phase. */
  done: number;
  total: number;
  /** The file being worked on; absent once the phase is done. */
  current?: string;
};

export type BatchOptions = {
  crypto: WebCryptoLike;
  /** The round on screen: a bundle of another round is refused. */
  roundId: string;
  /** Panel id → passphrase, for encrypted bundles. */
  passphrases?: Readonly<Record<string, string>>;
  /** Lets the screen paint between files; default a zero-delay timer. */
  yieldToEventLoop?: () => Promise<void>;
  /**
   * Reads an Excel scoresheet's cells; the screens pass a Web Worker reader with a time and
   * size budget (renderer/platform/spreadsheetClient.ts), tests the default in-place reader.
   */
  readXlsx?: WorkbookXlsxReader;
};

export type WorkbookXlsxReader = (fileName: string, bytes: Uint8Array) => Promise<XlsxReadResult>;

export type ProgressListener = (progress: BatchProgress) => void;

export type BatchDecision = {
  /** Indexes of the files to import. */
  accepted: ReadonlySet<number>;
  /**
   * Indexes whose signing key a person compared with the panel's paper summary and accepts:
   * a panel device's first key or a changed key (batchKeys.ts groups them per key).
   */
  acceptNewKey?: ReadonlySet<number>;
};

/** keyUnconfirmed: chosen, but nobody confirmed its signer's key (see commitBatch). */
export type SkipReason = 'notSelected' | 'duplicate' | 'locked' | 'keyUnconfirmed';

export type BatchFileResult = {
  index: number;
  fileName: string;
  panelName?: string;
  outcome: 'imported' | 'failed' | 'skipped';
  summary?: CommitSummary;
  error?: ImportError;
  skipped?: SkipReason;
  duplicateOf?: number;
};

export type BatchSummary = {
  files: BatchFileResult[];
  /** The imported files' counts added up. */
  totals: ImportCounts;
  imported: number;
  /** Imported files that changed the data (the others were all known already). */
  changed: number;
  failed: number;
  skipped: number;
};

export type BatchCommitOptions = Omit<CommitOptions, 'acceptNewKey'> &
  BatchDecision & {
    yieldToEventLoop?: () => Promise<void>;
    /** Sheets one transaction may carry before the next file starts another (tests). */
    groupSheets?: number;
  };

export type RunBatchOptions = BatchOptions &
  Omit<CommitOptions, 'acceptNewKey'> & {
    /** Chooses what to import after the previews; default: every ready or unchanged file. */
    review?: (items: readonly BatchItem[]) => BatchDecision | Promise<BatchDecision>;
  };
