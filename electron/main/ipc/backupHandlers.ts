// backup:* channels in Electron: the shared handlers over <userData>/backups.
import { createBackupHandlers } from '../../../shared/ipc/backupHandlers';
import type { BackupClock, BackupHandlers } from '../../../shared/ipc/backupHandlers';
import { backupFolderPath, createBackupFolder } from '../services/backupFolder';

export type { BackupHandlers } from '../../../shared/ipc/backupHandlers';

export type BackupHandlerServices = BackupClock & {
  /** app.getPath('userData') */
  readonly userDataDir: string;
};

export const createElectronBackupHandlers = ({
  userDataDir,
  ...clock
}: BackupHandlerServices): BackupHandlers =>
  createBackupHandlers(createBackupFolder(backupFolderPath(userDataDir)), clock);
