// The refusal of 结束评估: everything that still stands in the way, each item a link to
// where it is fixed (the 冲突 tab, the base's decision drawer, the 进度 tab), and for a sheet
// still owed the 缺评 action, which asks for a reason and the operator's name.
import { Alert, App, Button, Form, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CloseBlocker } from '../../../../shared/secretariat/closing';
import { secretariatTabPath } from '../../../app/routes';
import type { ClosingData } from './useClosingData';
import { waiveSheet } from './closingRuntime';
import { useOperatorName } from './useOperatorName';

type MissingSheet = Extract<CloseBlocker, { kind: 'missingSheet' }>;

// A variable, not a literal: Modal's button props take data-* attributes through it.
const WAIVE_OK = { 'data-testid': 'round-waive-confirm' };

const blockerKey = (b: CloseBlocker): string =>
  b.kind === 'openConflict'
    ? `c:${b.conflictId}`
    : `${b.kind}:${b.baseId}:${'expertId' in b ? b.expertId : ''}`;

export const ClosingBlockers = ({
  roundId,
  blockers,
  data,
  onOpenDecision,
}: {
  roundId: string;
  blockers: readonly CloseBlocker[];
  data: ClosingData;
  onOpenDecision: (baseId: string) => void;
}) => {
  const { t } = useTranslation();
  const [waiving, setWaiving] = useState<MissingSheet | null>(null);
  const baseName = (id: string) => data.records.bases.find((b) => b.id === id)?.name ?? id;
  const expertName = (id: string) => data.experts.find((e) => e.id === id)?.name ?? id;
  const panelName = (id: string) => data.panels.find((p) => p.id === id)?.name ?? id;

  if (blockers.length === 0) {
    return <Alert type="success" showIcon title={t('closing.blockersCleared')} />;
  }
  const item = (b: CloseBlocker) => {
    if (b.kind === 'openConflict') {
      return (
        <Space wrap>
          {t('closing.blocker.openConflict', {
            base: baseName(b.baseId),
            expert: expertName(b.expertId),
          })}
          <Link to={secretariatTabPath('conflicts')}>{t('closing.goConflicts')}</Link>
        </Space>
      );
    }
    if (b.kind === 'undecidedBase') {
      return (
        <Space wrap>
          {t('closing.blocker.undecidedBase', { base: baseName(b.baseId) })}
          <Typography.Link onClick={() => onOpenDecision(b.baseId)}>
            {t('closing.goDecide')}
          </Typography.Link>
        </Space>
      );
    }
    return (
      <Space wrap>
        {t('closing.blocker.missingSheet', {
          state: t(`closing.states.${b.state}`),
          expert: expertName(b.expertId),
          panel: panelName(b.panelId),
          base: baseName(b.baseId),
        })}
        <Link to={secretariatTabPath('progress')}>{t('closing.goProgress')}</Link>
        <Button size="small" onClick={() => setWaiving(b)} data-testid="round-close-waive">
          {t('closing.waive')}
        </Button>
      </Space>
    );
  };
  return (
    <>
      <Alert
        type="error"
        showIcon
        data-testid="round-close-blockers"
        title={t('closing.blockersTitle', { count: blockers.length })}
        description={
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {blockers.map((b) => (
              <li key={blockerKey(b)} data-testid="round-close-blocker" data-kind={b.kind}>
                {item(b)}
              </li>
            ))}
          </ul>
        }
      />
      {waiving ? (
        <WaiverDialog
          roundId={roundId}
          sheet={waiving}
          names={{ expert: expertName(waiving.expertId), base: baseName(waiving.baseId) }}
          onClose={() => setWaiving(null)}
        />
      ) : null}
    </>
  );
};

const WaiverDialog = ({
  roundId,
  sheet,
  names,
  onClose,
}: {
  roundId: string;
  sheet: MissingSheet;
  names: { expert: string; base: string };
  onClose: () => void;
}) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [operator, rememberOperator] = useOperatorName();
  const [actor, setActor] = useState(operator);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const save = async () => {
    setIsSaving(true);
    try {
      const input = { roundId, expertId: sheet.expertId, baseId: sheet.baseId, reason };
      const result = await waiveSheet(input, actor);
      if (!result.ok) {
        setError(result.error.message);
        return;
      }
      rememberOperator(actor);
      message.success(t('closing.waived', names));
      onClose();
    } finally {
      setIsSaving(false);
    }
  };
  return (
    <Modal
      open
      title={t('closing.waiveTitle', names)}
      okText={t('closing.waiveOk')}
      onOk={() => void save()}
      onCancel={onClose}
      confirmLoading={isSaving}
      okButtonProps={WAIVE_OK}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('closing.waiveBody')}</Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label={t('closing.waiveReason')} required>
          <Input.TextArea
            rows={3}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            placeholder={t('closing.waiveReasonPlaceholder')}
            data-testid="round-waive-reason"
          />
        </Form.Item>
        <Form.Item label={t('closing.actor')} required>
          <Input
            value={actor}
            onChange={(event) => setActor(event.target.value)}
            placeholder={t('closing.actorPlaceholder')}
            data-testid="round-waive-actor"
          />
        </Form.Item>
      </Form>
      {error ? <Alert type="error" showIcon title={error} data-testid="round-waive-error" /> : null}
    </Modal>
  );
};
