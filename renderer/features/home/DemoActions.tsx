// The demo round can be removed again once a real round is set up.
import { App, Button, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';
import { db } from '../../db/instance';
import { systemClock } from '../../app/clock';

export const DemoActions = ({ roundId }: { roundId: string }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const remove = async () => {
    try {
      // Loaded on this click only, with the demo generator: a cold start does not parse it.
      const { removeDemoRound } = await import('../../db/repositories/demoRepository');
      const result = await removeDemoRound(db, systemClock);
      if (result.ok) message.success(t('home.demoRemoved'));
      else message.error(result.error.message);
    } catch (error) {
      message.error(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <Popconfirm
      title={t('home.removeDemoConfirm')}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      onConfirm={() => void remove()}
    >
      <Button danger size="small" style={{ marginTop: 12 }} data-round={roundId}>
        {t('home.removeDemo')}
      </Button>
    </Popconfirm>
  );
};
