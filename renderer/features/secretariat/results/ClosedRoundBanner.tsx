// A closed round's banner on the 结果与决定 tab: 已结束 · 第 N 版, when and by whom, the SHA-256
// of the final report and of the signed result bundle (or that they are not saved yet), the
// button that writes the final files (again: they are the same bytes), and 重新开启, which
// asks for a reason and the operator's name.
import { Alert, App, Button, Form, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Round } from '../../../../shared/domain/types';
import { formatLocalTime } from '../../scoring/AuditTrail';
import { reopenClosedRound } from './closingRuntime';
import { useOperatorName } from './useOperatorName';

// A variable, not a literal: Modal's button props take data-* attributes through it.
const REOPEN_OK = { 'data-testid': 'round-reopen-confirm', danger: true };

const Hash = ({ label, value, testId }: { label: string; value?: string; testId: string }) => {
  const { t } = useTranslation();
  return (
    <div data-testid={testId}>
      {label}
      {value === undefined ? (
        <Typography.Text type="warning">{t('closing.banner.notSaved')}</Typography.Text>
      ) : (
        <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
          {value}
        </Typography.Text>
      )}
    </div>
  );
};

export const ClosedRoundBanner = ({
  round,
  isSaving,
  onSaveFiles,
}: {
  round: Round;
  isSaving: boolean;
  onSaveFiles: () => void;
}) => {
  const { t } = useTranslation();
  const [isReopening, setIsReopening] = useState(false);
  const closure = round.closure;
  return (
    <Alert
      type="success"
      showIcon
      data-testid="round-closed-banner"
      title={
        closure
          ? t('closing.banner.title', { version: closure.version })
          : t('closing.banner.titleNoVersion')
      }
      description={
        <Space orientation="vertical" size={4} style={{ width: '100%' }}>
          {closure ? (
            <>
              <span>
                {t('closing.banner.closedAt', {
                  time: formatLocalTime(closure.closedAt),
                  actor: closure.closedBy,
                })}
              </span>
              <Hash
                label={t('closing.banner.report')}
                value={closure.reportSha256}
                testId="round-closed-report-sha256"
              />
              <Hash
                label={t('closing.banner.result')}
                value={closure.resultSha256}
                testId="round-closed-result-sha256"
              />
              <Typography.Text type="secondary">{t('closing.banner.frozen')}</Typography.Text>
              <Space wrap>
                <Button loading={isSaving} onClick={onSaveFiles} data-testid="round-save-final">
                  {t('closing.saveFiles')}
                </Button>
                <Button danger onClick={() => setIsReopening(true)} data-testid="round-reopen">
                  {t('closing.reopen')}
                </Button>
              </Space>
            </>
          ) : (
            <Typography.Text type="secondary">{t('closing.banner.noRecord')}</Typography.Text>
          )}
          {isReopening && closure ? (
            <ReopenDialog
              roundId={round.id}
              version={closure.version}
              onClose={() => setIsReopening(false)}
            />
          ) : null}
        </Space>
      }
    />
  );
};

const ReopenDialog = ({
  roundId,
  version,
  onClose,
}: {
  roundId: string;
  version: number;
  onClose: () => void;
}) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [operator, rememberOperator] = useOperatorName();
  const [actor, setActor] = useState(operator);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const reopen = async () => {
    setIsSaving(true);
    try {
      const result = await reopenClosedRound(roundId, actor, reason);
      if (!result.ok) {
        setError(result.error.message);
        return;
      }
      rememberOperator(actor);
      message.success(t('closing.reopened'));
      onClose();
    } finally {
      setIsSaving(false);
    }
  };
  return (
    <Modal
      open
      title={t('closing.reopenTitle')}
      okText={t('closing.reopenOk')}
      onOk={() => void reopen()}
      onCancel={onClose}
      confirmLoading={isSaving}
      okButtonProps={REOPEN_OK}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {t('closing.reopenBody', { version, next: version + 1 })}
      </Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label={t('closing.reopenReason')} required>
          <Input.TextArea
            rows={3}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            placeholder={t('closing.reopenPlaceholder')}
            data-testid="round-reopen-reason"
          />
        </Form.Item>
        <Form.Item label={t('closing.actor')} required>
          <Input
            value={actor}
            onChange={(event) => setActor(event.target.value)}
            placeholder={t('closing.actorPlaceholder')}
            data-testid="round-reopen-actor"
          />
        </Form.Item>
      </Form>
      {error ? (
        <Alert type="error" showIcon title={error} data-testid="round-reopen-error" />
      ) : null}
    </Modal>
  );
};
