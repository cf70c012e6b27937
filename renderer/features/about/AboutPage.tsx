// About: version, runtime, where the data and backups live, this device's signing key
// fingerprint (what secretariats compare), whether storage is persistent. The 帮助 → 关于评估通
// menu item opens this page.
import { Card, Descriptions, Spin, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../shared/ipc/contract';
import { getDesktopApi } from '../../platform/desktopApi';
import { requestPersistentStorage, type PersistenceState } from '../../app/storage';

type Fingerprint = { ok: true; value: string } | { ok: false; message: string };

export const AboutPage = () => {
  const { t } = useTranslation();
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [persistence, setPersistence] = useState<PersistenceState | null>(null);
  const [fingerprint, setFingerprint] = useState<Fingerprint | null>(null);
  const [backupFolder, setBackupFolder] = useState<string | null>(null);

  useEffect(() => {
    let isCurrent = true;
    const api = getDesktopApi();
    void api.app.getInfo().then((result) => {
      if (isCurrent && result.ok) setInfo(result.value);
    });
    void api.device.getIdentity().then((result) => {
      if (!isCurrent) return;
      setFingerprint(
        result.ok
          ? { ok: true, value: result.value.fingerprint }
          : { ok: false, message: result.error.message },
      );
    });
    void api.backup.list().then((result) => {
      if (isCurrent && result.ok) setBackupFolder(result.value.folder);
    });
    void requestPersistentStorage().then((state) => {
      if (isCurrent) setPersistence(state);
    });
    return () => {
      isCurrent = false;
    };
  }, []);

  if (!info || !persistence) return <Spin />;
  const persistenceText = {
    persisted: <Tag color="green">{t('about.persisted')}</Tag>,
    notPersisted: <Tag color="orange">{t('about.notPersisted')}</Tag>,
    unknown: <Tag>{t('about.persistenceUnknown')}</Tag>,
  }[persistence];

  return (
    <div>
      <Typography.Title level={3}>{t('about.title')}</Typography.Title>
      <Card>
        <Descriptions column={1} bordered size="small" data-testid="about-info">
          <Descriptions.Item label={t('about.version')}>{info.version}</Descriptions.Item>
          <Descriptions.Item label={t('about.platform')}>
            {info.platform === 'electron'
              ? t('about.platformElectron')
              : t('about.platformBrowser')}
          </Descriptions.Item>
          <Descriptions.Item label={t('about.dataFolder')}>
            {info.dataFolder ?? t('about.dataFolderBrowser')}
          </Descriptions.Item>
          <Descriptions.Item label={t('backups.about.backups')}>
            {backupFolder ?? t('backups.locationBrowser')}
          </Descriptions.Item>
          <Descriptions.Item label={t('backups.about.fingerprint')}>
            {fingerprint === null ? (
              <Spin size="small" />
            ) : fingerprint.ok ? (
              <Typography.Text code data-testid="about-fingerprint">
                {fingerprint.value}
              </Typography.Text>
            ) : (
              <Typography.Text type="warning">
                {t('backups.about.fingerprintUnavailable', { message: fingerprint.message })}
              </Typography.Text>
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('about.persistence')}>{persistenceText}</Descriptions.Item>
        </Descriptions>
      </Card>
    </div>
  );
};
