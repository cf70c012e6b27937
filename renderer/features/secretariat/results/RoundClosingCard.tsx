// 结束评估 on the 结果与决定 tab. While the round is open: the button, and once pressed the
// list of everything that still stands in the way (ClosingBlockers, kept live as items are
// fixed), or, when nothing does, the confirmation with the operator's name; confirmed, the
// round is closed (closingRepository) and its final files are written and their SHA-256
// recorded (closingFiles). While it is closed: the banner with the version, the hashes and
// 重新开启. Nothing for an archived round.
import { Alert, App, Button, Card, Form, Input, Modal, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Round } from '../../../../shared/domain/types';
import { closeBlockers, nextClosureVersion } from '../../../../shared/secretariat/closing';
import { formatLocalTime } from '../../scoring/AuditTrail';
import { ClosedRoundBanner } from './ClosedRoundBanner';
import { ClosingBlockers } from './ClosingBlockers';
import type { FinalFileOutcome } from './closingFiles';
import { closeCurrentRound, saveFinalFiles } from './closingRuntime';
import { isCloseRefusal } from '../../../db/repositories/closingRepository';
import { useClosingData } from './useClosingData';
import { useOperatorName } from './useOperatorName';

// A variable, not a literal: Modal's button props take data-* attributes through it.
const CLOSE_OK = { 'data-testid': 'round-close-confirm', danger: true };

export const RoundClosingCard = ({
  round,
  onOpenDecision,
}: {
  round: Round;
  onOpenDecision: (baseId: string) => void;
}) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const data = useClosingData(round.id);
  const [operator, rememberOperator] = useOperatorName();
  const [showBlockers, setShowBlockers] = useState(false);
  const [isConfirming, setIsConfirming] = useState(false);
  const [actor, setActor] = useState(operator);
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const blockers = useMemo(() => (data ? closeBlockers(data.records) : undefined), [data]);
  if (round.archive !== undefined) return null;

  const tell = (outcome: FinalFileOutcome) => {
    if (outcome.kind === 'failed') message.error(t('closing.fileFailed', outcome));
    else if (outcome.kind === 'cancelled')
      message.warning(t('closing.fileCancelled', { name: outcome.fileName }));
    else if (outcome.path !== undefined) message.success(t('closing.fileSavedTo', outcome));
    else message.success(t('closing.fileSaved', { name: outcome.fileName }));
  };

  const writeFiles = async (by: string) => {
    setIsBusy(true);
    try {
      const written = await saveFinalFiles(round.id, by);
      if (written.kind === 'failed') message.error(t('closing.fileFailed', written));
      else {
        tell(written.report);
        tell(written.result);
      }
    } finally {
      setIsBusy(false);
    }
  };

  const close = async () => {
    setIsBusy(true);
    let closedBy: string | undefined;
    try {
      const result = await closeCurrentRound(round.id, actor);
      if (!result.ok) {
        if (isCloseRefusal(result.error.cause)) {
          setIsConfirming(false);
          setShowBlockers(true);
        }
        setError(result.error.message);
        return;
      }
      rememberOperator(actor);
      setIsConfirming(false);
      setShowBlockers(false);
      closedBy = result.value.closure?.closedBy ?? actor;
      message.success(t('closing.closed', { version: result.value.closure?.version ?? 1 }));
    } finally {
      setIsBusy(false);
    }
    if (closedBy !== undefined) await writeFiles(closedBy);
  };

  if (round.status === 'closed') {
    return (
      <ClosedRoundBanner
        round={round}
        isSaving={isBusy}
        onSaveFiles={() =>
          void writeFiles(actor.trim() === '' ? (round.closure?.closedBy ?? '') : actor)
        }
      />
    );
  }

  const version = nextClosureVersion(round);
  const closure = round.closure;
  return (
    <Card size="small" title={t('closing.title')} data-testid="round-closing-card">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('closing.intro')}
        </Typography.Paragraph>
        {closure?.reopenedAt !== undefined ? (
          <Alert
            type="info"
            showIcon
            data-testid="round-reopened-note"
            title={t('closing.reopenedNote', {
              version: closure.version,
              actor: closure.reopenedBy ?? '',
              time: formatLocalTime(closure.reopenedAt),
              reason: closure.reopenReason ?? '',
              next: version,
            })}
          />
        ) : null}
        <Button
          type="primary"
          danger
          disabled={blockers === undefined}
          loading={isBusy}
          onClick={() => {
            setError(null);
            if (blockers && blockers.length > 0) setShowBlockers(true);
            else setIsConfirming(true);
          }}
          data-testid="round-close"
        >
          {t('closing.close')}
        </Button>
        {showBlockers && blockers && data ? (
          <ClosingBlockers
            roundId={round.id}
            blockers={blockers}
            data={data}
            onOpenDecision={onOpenDecision}
          />
        ) : null}
        {error && !isConfirming ? <Alert type="error" showIcon title={error} /> : null}
      </Space>
      <Modal
        open={isConfirming}
        title={t('closing.confirmTitle', { version })}
        okText={t('closing.confirmOk')}
        onOk={() => void close()}
        onCancel={() => setIsConfirming(false)}
        confirmLoading={isBusy}
        okButtonProps={CLOSE_OK}
        destroyOnHidden
      >
        <Typography.Paragraph>{t('closing.confirmBody', { version })}</Typography.Paragraph>
        <Form layout="vertical">
          <Form.Item label={t('closing.actor')} required>
            <Input
              value={actor}
              onChange={(event) => setActor(event.target.value)}
              placeholder={t('closing.actorPlaceholder')}
              data-testid="round-close-actor"
            />
          </Form.Item>
        </Form>
        {error ? (
          <Alert type="error" showIcon title={error} data-testid="round-close-error" />
        ) : null}
      </Modal>
    </Card>
  );
};
