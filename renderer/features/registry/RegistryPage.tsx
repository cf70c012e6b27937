// The department's registry (省厅基地库): one tab per area (registryTabs.tsx), the active one
// in the URL (/registry/<tab>). It needs no current round: the registry spans rounds.
import { Tabs, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { registryTabPath } from '../../app/routes';
import { REGISTRY_TABS } from './registryTabs';

export const RegistryPage = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { tab } = useParams();
  const active = REGISTRY_TABS.find((entry) => entry.key === tab) ?? REGISTRY_TABS[0];
  return (
    <div data-testid="registry-page">
      <Typography.Title level={3}>{t('registry.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('registry.intro')}</Typography.Paragraph>
      <Tabs
        activeKey={active?.key}
        onChange={(key) => navigate(registryTabPath(key))}
        destroyOnHidden
        items={REGISTRY_TABS.map((entry) => ({
          key: entry.key,
          label: <span data-testid={`registry-tab-${entry.key}`}>{t(entry.labelKey)}</span>,
          children: entry.render(),
        }))}
      />
    </div>
  );
};
