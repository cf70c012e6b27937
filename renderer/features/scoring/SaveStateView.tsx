// The visible save state of a scoresheet: 保存中… / 已保存 / 保存失败：reason (with Retry).
import { Button, Space, Typography } from 'antd';
import { CheckCircleOutlined, LoadingOutlined, WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { SaveStatus } from './sheetSaver';

export const SaveStateView = ({ status, onRetry }: { status: SaveStatus; onRetry: () => void }) => {
  const { t } = useTranslation();
  const testId = { 'data-testid': 'save-state', 'data-state': status.kind };
  switch (status.kind) {
    case 'idle':
      return (
        <Typography.Text type="secondary" {...testId}>
          {t('scoring.save.idle')}
        </Typography.Text>
      );
    case 'saving':
      return (
        <Typography.Text type="secondary" {...testId}>
          <LoadingOutlined /> {t('scoring.save.saving')}
        </Typography.Text>
      );
    case 'saved':
      return (
        <Typography.Text type="success" {...testId}>
          <CheckCircleOutlined /> {t('scoring.save.saved')}
        </Typography.Text>
      );
    case 'conflict':
      return (
        <Typography.Text type="danger" {...testId}>
          <WarningOutlined /> {t('scoring.save.conflict')}
        </Typography.Text>
      );
    case 'rejected':
    case 'failed': {
      const reason =
        status.kind === 'rejected'
          ? status.message
          : status.reason === 'quota'
            ? t('scoring.save.quota')
            : t('scoring.save.other', { detail: status.detail });
      return (
        <Space size={4} role="alert">
          <Typography.Text type="danger" {...testId}>
            <WarningOutlined /> {t('scoring.save.failed', { reason })}
          </Typography.Text>
          {status.kind === 'failed' ? (
            <Button size="small" onClick={onRetry}>
              {t('scoring.save.retry')}
            </Button>
          ) : null}
        </Space>
      );
    }
  }
};
