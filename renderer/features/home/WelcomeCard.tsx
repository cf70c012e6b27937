// First launch: no round yet. Offer the new-round wizard, and the built-in demo so a newcomer
// sees a populated app.
import { App, Button, Card, Result, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ROUTES } from '../../app/routes';
import { db } from '../../db/instance';
import { systemClock } from '../../app/clock';

export const WelcomeCard = () => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [isLoading, setIsLoading] = useState(false);

  const load = async () => {
    setIsLoading(true);
    try {
      // The demo generator is loaded on this click only: a cold start does not parse it.
      const { loadDemoRound } = await import('../../db/repositories/demoRepository');
      const result = await loadDemoRound(db, systemClock);
      if (result.ok) message.success(t('home.demoLoaded'));
      else message.error(t('home.demoFailed', { message: result.error.message }));
    } catch (error) {
      // A storage failure (quota, blocked database) must still reach the user as a sentence.
      message.error(
        t('home.demoFailed', { message: error instanceof Error ? error.message : String(error) }),
      );
    } finally {
      setIsLoading(false);
    }
  };

  return (
    <Card data-testid="welcome">
      <Result
        status="info"
        title={t('home.noRoundTitle')}
        subTitle={
          <Typography.Paragraph style={{ maxWidth: 560, margin: '0 auto' }}>
            {t('home.noRoundBody')}
          </Typography.Paragraph>
        }
        extra={
          <Space wrap style={{ justifyContent: 'center' }}>
            <Button
              type="primary"
              size="large"
              onClick={() => navigate(ROUTES.secretariat)}
              data-testid="new-round-home"
            >
              {t('setup.home.newRound')}
            </Button>
            <Button
              size="large"
              loading={isLoading}
              onClick={() => void load()}
              data-testid="load-demo"
            >
              {isLoading ? t('home.loadingDemo') : t('home.loadDemo')}
            </Button>
          </Space>
        }
      />
    </Card>
  );
};
