// Restoring a backup from a screen: open it (hashes, signature, schemas), ask for
// confirmation with what it holds, back up the current state, then replace the database.
// Used by the backups screen (a listed backup or a file) and the start-up offer.
import { App, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../../db/bundles';
import { appBackupDeps, createBackupNow } from './backupRuntime';
import { prepareRestore, restorePrepared } from './backupService';
import type { RestoreOutcome } from './backupService';
import { formatTime, importErrorText } from './format';

const RestoreSummary = ({ preview }: { preview: ImportPreview }) => {
  const { t, i18n } = useTranslation();
  const records = preview.backup?.records ?? {};
  return (
    <div data-testid="restore-summary">
      <Typography.Paragraph>{t('backups.restoreBody')}</Typography.Paragraph>
      <Typography.Paragraph style={{ marginBottom: 4 }}>
        {t('backups.restoreCreatedAt', { time: formatTime(preview.createdAt, i18n.language) })}
      </Typography.Paragraph>
      <Typography.Paragraph style={{ marginBottom: 4 }}>
        {t('backups.restoreRecords', {
          rounds: records.rounds ?? 0,
          sheets: records.scoresheets ?? 0,
          audit: records.auditLog ?? 0,
        })}
      </Typography.Paragraph>
      {(records.registryRounds ?? 0) + (records.registryApprovals ?? 0) > 0 ? (
        <Typography.Paragraph style={{ marginBottom: 4 }}>
          {t('backups.restoreRegistry', {
            rounds: records.registryRounds ?? 0,
            approvals: records.registryApprovals ?? 0,
          })}
        </Typography.Paragraph>
      ) : null}
      <Typography.Paragraph>
        {t('backups.restoreSigner', { fingerprint: preview.key.fingerprint })}
      </Typography.Paragraph>
    </div>
  );
};

export const useRestoreBackup = () => {
  const { t, i18n } = useTranslation();
  const { message, modal } = App.useApp();

  const report = (outcome: RestoreOutcome): boolean => {
    if (!outcome.ok) {
      const reason = outcome.safety.status === 'failed' ? outcome.safety.message : '';
      message.error(t('backups.safetyFailed', { message: reason }));
      return false;
    }
    if (!outcome.result.ok) {
      const text = importErrorText(outcome.result.error, i18n.language);
      message.error(t('backups.restoreFailed', { message: text }));
      return false;
    }
    message.success(t('backups.restored'));
    return true;
  };

  /** Opens the backup, asks, restores; resolves true once restored. */
  return async (bytes: Uint8Array, fileName: string, askFirst = true): Promise<boolean> => {
    const deps = appBackupDeps();
    const prepared = await prepareRestore(deps, bytes, fileName);
    if (!prepared.ok) {
      message.error(importErrorText(prepared.error, i18n.language));
      return false;
    }
    const run = async () => report(await restorePrepared(deps, prepared.prepared, createBackupNow));
    if (!askFirst) return run();
    return new Promise<boolean>((resolve) => {
      modal.confirm({
        title: t('backups.restoreTitle'),
        content: <RestoreSummary preview={prepared.prepared.preview} />,
        okText: t('backups.restoreOk'),
        okButtonProps: { danger: true },
        cancelText: t('common.cancel'),
        width: 520,
        className: 'restore-confirm',
        onOk: async () => resolve(await run()),
        onCancel: () => resolve(false),
      });
    });
  };
};
