// 备份与恢复: the backups this installation wrote (newest first), backing up by hand,
// downloading a backup as a file, and restoring one (listed or from a file).
import { App, Button, Card, Space, Table, Tag, Typography } from 'antd';
import {
  CloudDownloadOutlined,
  FolderOpenOutlined,
  ReloadOutlined,
  SaveOutlined,
} from '@ant-design/icons';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupEntry, BackupList } from '../../../shared/ipc/contract';
import { getDesktopApi } from '../../platform/desktopApi';
import { createBackupNow } from './backupRuntime';
import type { BackupOutcome } from './backupScheduler';
import { formatBytes, formatTime } from './format';
import { useRestoreBackup } from './useRestoreBackup';

export const BackupsPage = () => {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const restore = useRestoreBackup();
  const [list, setList] = useState<BackupList | null>(null);
  const [deviceFingerprint, setDeviceFingerprint] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);

  const load = useCallback(async () => {
    const listed = await getDesktopApi().backup.list();
    if (listed.ok) setList(listed.value);
    else message.error(t('backups.listFailed', { message: listed.error.message }));
  }, [message, t]);

  useEffect(() => {
    let isCurrent = true;
    void getDesktopApi()
      .device.getIdentity()
      .then((identity) => {
        if (isCurrent && identity.ok) setDeviceFingerprint(identity.value.fingerprint);
      });
    void getDesktopApi()
      .backup.list()
      .then((listed) => {
        if (isCurrent && listed.ok) setList(listed.value);
      });
    return () => {
      isCurrent = false;
    };
  }, []);

  const busy = async (work: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await work();
    } finally {
      setBusy(false);
      await load();
    }
  };

  const reportBackup = (outcome: BackupOutcome) => {
    if (outcome.status === 'written') {
      message.success(t('backups.written', { name: outcome.entry.name }));
    } else if (outcome.status === 'skipped') {
      message.info(
        outcome.why === 'empty' ? t('backups.skippedEmpty') : t('backups.skippedUnchanged'),
      );
    } else message.error(t('backups.failed', { message: outcome.message }));
  };

  const backupNow = () => busy(async () => reportBackup(await createBackupNow('manual')));

  const read = async (entry: BackupEntry) => {
    const read = await getDesktopApi().backup.read({ name: entry.name });
    if (!read.ok) message.error(read.error.message);
    return read.ok ? read.value.bytes : null;
  };

  const download = (entry: BackupEntry) =>
    busy(async () => {
      const bytes = await read(entry);
      if (bytes === null) return;
      const saved = await getDesktopApi().file.saveBundle({ suggestedName: entry.name, bytes });
      if (!saved.ok) message.error(saved.error.message);
      else if (saved.value.saved) message.success(t('backups.downloaded'));
    });

  const restoreEntry = (entry: BackupEntry) =>
    busy(async () => {
      const bytes = await read(entry);
      if (bytes !== null) await restore(bytes, entry.name);
    });

  const restoreFromFile = () =>
    busy(async () => {
      const picked = await getDesktopApi().file.openBundles({ multi: false, folders: false });
      if (!picked.ok) {
        message.error(picked.error.message);
        return;
      }
      const file = picked.value.cancelled ? undefined : picked.value.files[0];
      if (file !== undefined) await restore(file.bytes, file.name);
    });

  const language = i18n.language;
  return (
    <div data-testid="backups-page">
      <Typography.Title level={3}>{t('backups.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('backups.intro')}</Typography.Paragraph>
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Button
            type="primary"
            icon={<SaveOutlined />}
            loading={isBusy}
            onClick={() => void backupNow()}
            data-testid="backup-now"
          >
            {t('backups.backupNow')}
          </Button>
          <Button
            icon={<FolderOpenOutlined />}
            disabled={isBusy}
            onClick={() => void restoreFromFile()}
            data-testid="restore-from-file"
          >
            {t('backups.restoreFromFile')}
          </Button>
          <Button icon={<ReloadOutlined />} disabled={isBusy} onClick={() => void busy(load)}>
            {t('backups.refresh')}
          </Button>
        </Space>
        <Typography.Paragraph>
          {t('backups.location')}:{' '}
          <Typography.Text code data-testid="backups-location">
            {list?.folder ?? t('backups.locationBrowser')}
          </Typography.Text>
        </Typography.Paragraph>
        <Table<BackupEntry>
          size="small"
          rowKey="name"
          loading={list === null}
          dataSource={list?.backups ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: t('backups.empty') }}
          data-testid="backups-table"
          columns={[
            {
              title: t('backups.columns.createdAt'),
              dataIndex: 'createdAt',
              render: (createdAt: string) => formatTime(createdAt, language),
            },
            {
              title: t('backups.columns.reason'),
              dataIndex: 'reason',
              render: (reason: BackupEntry['reason']) => (
                <Tag>{t(`backups.reasons.${reason}`)}</Tag>
              ),
            },
            {
              title: t('backups.columns.size'),
              dataIndex: 'size',
              align: 'right',
              render: (size: number) => formatBytes(size),
            },
            {
              title: t('backups.columns.fingerprint'),
              dataIndex: 'fingerprint',
              render: (fingerprint: string | null) =>
                fingerprint === null ? (
                  <Typography.Text type="secondary">
                    {t('backups.unknownFingerprint')}
                  </Typography.Text>
                ) : (
                  <Space size={4}>
                    <Typography.Text code>{fingerprint}</Typography.Text>
                    {fingerprint === deviceFingerprint ? (
                      <Tag color="blue">{t('backups.thisDevice')}</Tag>
                    ) : null}
                  </Space>
                ),
            },
            {
              title: t('backups.columns.actions'),
              key: 'actions',
              render: (_, entry) => (
                <Space>
                  <Button
                    size="small"
                    icon={<CloudDownloadOutlined />}
                    disabled={isBusy}
                    onClick={() => void download(entry)}
                  >
                    {t('backups.download')}
                  </Button>
                  <Button
                    size="small"
                    danger
                    disabled={isBusy}
                    onClick={() => void restoreEntry(entry)}
                    data-testid="backup-restore"
                  >
                    {t('backups.restore')}
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      </Card>
    </div>
  );
};
