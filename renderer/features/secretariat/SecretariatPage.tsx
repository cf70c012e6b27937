// Secretariat area: one tab per step of a round (secretariatTabs.tsx), the active one in the
// URL (/secretariat/<tab>) so a reload or a link returns to the same step.
import { Empty, Spin, Tabs, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCurrentRound } from '../../db/hooks';
import { secretariatTabPath } from '../../app/routes';
import { SECRETARIAT_TABS } from './secretariatTabs';

export const SecretariatPage = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { tab } = useParams();
  const round = useCurrentRound();
  if (round === undefined) return <Spin />;
  if (round === null) return <Empty description={t('home.noRoundTitle')} />;
  const active = SECRETARIAT_TABS.find((entry) => entry.key === tab) ?? SECRETARIAT_TABS[0];
  return (
    <div>
      <Typography.Title level={3}>{t('secretariat.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('secretariat.intro')}</Typography.Paragraph>
      <Tabs
        activeKey={active?.key}
        onChange={(key) => navigate(secretariatTabPath(key))}
        destroyOnHidden
        items={SECRETARIAT_TABS.map((entry) => ({
          key: entry.key,
          label: t(entry.labelKey),
          children: entry.render(round),
        }))}
      />
    </div>
  );
};
