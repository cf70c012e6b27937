// Sidebar with the roles' areas, a header with the current round and the language switch.
// Sidebar and header carry `app-chrome`, which the print stylesheet hides.
import { Layout, Menu, Segmented, Space, Tag, Typography } from 'antd';
import {
  AuditOutlined,
  BarChartOutlined,
  DatabaseOutlined,
  EditOutlined,
  HomeOutlined,
  InfoCircleOutlined,
  SafetyOutlined,
} from '@ant-design/icons';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ROUTES, sectionOf } from './routes';
import { changeLanguage, type Language } from './i18n';
import { useCurrentRound } from '../db/hooks';
import { useCachedRoundRecords } from '../db/roundCacheHooks';

const { Sider, Header, Content } = Layout;

export const AppLayout = () => {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const round = useCurrentRound();
  useCachedRoundRecords(round?.id);

  const items = [
    { key: ROUTES.home, icon: <HomeOutlined />, label: t('nav.home') },
    { key: ROUTES.secretariat, icon: <AuditOutlined />, label: t('nav.secretariat') },
    { key: ROUTES.scoring, icon: <EditOutlined />, label: t('nav.scoring') },
    { key: ROUTES.dashboard, icon: <BarChartOutlined />, label: t('nav.dashboard') },
    { key: ROUTES.registry, icon: <DatabaseOutlined />, label: t('registry.nav') },
    { key: ROUTES.backups, icon: <SafetyOutlined />, label: t('backups.nav') },
    { key: ROUTES.about, icon: <InfoCircleOutlined />, label: t('nav.about') },
  ];

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider
        width={200}
        theme="light"
        className="app-chrome"
        style={{ borderRight: '1px solid #f0f0f0' }}
      >
        <div style={{ padding: '16px 20px' }}>
          <Typography.Title level={4} style={{ margin: 0, color: '#1659c7' }}>
            {t('app.name')}
          </Typography.Title>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('app.subtitle')}
          </Typography.Text>
        </div>
        <Menu
          mode="inline"
          selectedKeys={[sectionOf(location.pathname)]}
          items={items}
          onClick={({ key }) => navigate(key)}
          style={{ borderInlineEnd: 'none' }}
          data-testid="main-nav"
        />
      </Sider>
      <Layout>
        <Header
          className="app-chrome"
          style={{
            background: '#fff',
            borderBottom: '1px solid #f0f0f0',
            padding: '0 24px',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
          }}
        >
          <Space>
            {round ? (
              <>
                <Typography.Text strong data-testid="header-round">
                  {round.name}
                </Typography.Text>
                {round.isDemo ? <Tag color="orange">{t('app.demoBadge')}</Tag> : null}
              </>
            ) : null}
          </Space>
          <Space>
            <Tag color="green">{t('app.offline')}</Tag>
            <Segmented<Language>
              aria-label={t('app.language')}
              data-testid="language-switch"
              value={i18n.language === 'en' ? 'en' : 'zh-CN'}
              options={[
                { label: '中文', value: 'zh-CN' },
                { label: 'English', value: 'en' },
              ]}
              onChange={(value) => void changeLanguage(value)}
            />
          </Space>
        </Header>
        <Content className="app-content" style={{ padding: 24, minWidth: 0 }}>
          <Outlet />
        </Content>
      </Layout>
    </Layout>
  );
};
