// Secretariat area: one tab per step of a round (secretariatTabs.tsx), the active one in the
// URL (/secretariat/<tab>) so a reload or a link returns to the same step.
import { Spin, Tabs, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCurrentRound } from '../../db/hooks';
import { secretariatTabPath } from '../../app/routes';
import { SECRETARIAT_TABS } from './secretariatTabs';
import { NewRoundWizard } from './round/NewRoundWizard';

export const SecretariatPage = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { tab } = useParams();
  const round = useCurrentRound();
  if (round === undefined) return <Spin />;
  // No round yet: the secretariat starts here, with the new-round wizard.
  if (round === null) return <NewRoundWizard />;
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
          label: entry.renderLabel ? entry.renderLabel(round) : t(entry.labelKey),
          children: entry.render(round),
        }))}
      />
    </div>
  );
};
