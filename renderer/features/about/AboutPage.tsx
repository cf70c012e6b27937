// About: version, runtime, where the data lives, whether storage is persistent.
import { Card, Descriptions, Spin, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getDesktopApi } from '../../platform/desktopApi';
import { requestPersistentStorage, type PersistenceState } from '../../app/storage';

type AppInfo = { version: string; platform: 'electron' | 'browser'; dataFolder: string | null };

export const AboutPage = () => {
  const { t } = useTranslation();
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [persistence, setPersistence] = useState<PersistenceState | null>(null);

  useEffect(() => {
    let isCurrent = true;
    void getDesktopApi()
      .app.getInfo()
      .then((result) => {
        if (isCurrent && result.ok) setInfo(result.value);
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
          <Descriptions.Item label={t('about.persistence')}>{persistenceText}</Descriptions.Item>
        </Descriptions>
      </Card>
    </div>
  );
};
