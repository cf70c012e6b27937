// Bundles in and out of the database: prepare (open, check, preview) and commit (one
// transaction) an import of any kind, restore a backup, build the payloads of the bundles
// this machine writes, and the database digest tests use to compare states.
export { prepareImport } from './prepareImport';
export { commitImport, recordedFileName } from './commitImport';
export {
  commitBatch,
  defaultSelection,
  prepareBatch,
  runBatchImport,
  unlockBatch,
} from './batchImport';
export type * from './batchTypes';
export { confirmedIndexes, keysToConfirm, unconfirmedChosen } from './batchKeys';
export type { KeyToConfirm } from './batchKeys';
export { exportBackupPayload, restoreBackup, TRUSTED_KEY_SETTING_PREFIX } from './backup';
export type { RestoreResult } from './backup';
export {
  buildResultBundlePayload,
  buildRoundBundlePayload,
  buildScoresBundlePayload,
} from './exports';
export { DATA_TABLES, dataDigest, databaseDigest } from './digest';
export type { DigestOptions } from './digest';
export { devicePinId, secretariatPinId } from './trustedKeys';
export type { ImportError, ImportErrorCode, ImportErrorDetail } from './importErrors';
export type * from './types';
// Excel scoresheets: import './workbookImport' where needed (dynamically: it holds the reader).
export { isWorkbookFileName } from './workbookFileName';
export type {
  PreparedWorkbook,
  WorkbookBasePreview,
  WorkbookCommitOptions,
  WorkbookPreview,
} from './workbookImport';
