// 撤销变更: undoes one change after issue, with a required reason and the person doing it.
// The repository refuses (one sentence, the dialog stays open) when later changes depend on
// it or undoing would void sheets someone started since.
import { Descriptions, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoundChange } from '../../../../shared/domain/types';
import { newId, systemClock } from '../../../app/clock';
import { db } from '../../../db/instance';
import { undoRoundChange } from '../../../db/repositories/roundChangeRepository';
import { useOperatorName } from '../results/useOperatorName';
import type { AssignmentData } from './useAssignmentData';
import { useChangeText } from './useChangeText';
import { useChangeWrite } from './useChangeWrite';

export const UndoChangeDialog = ({
  data,
  change,
  onClose,
}: {
  data: AssignmentData;
  change: RoundChange;
  onClose: () => void;
}) => {
  const { t } = useTranslation();
  const text = useChangeText(data);
  const [operator, rememberOperator] = useOperatorName();
  const [reason, setReason] = useState('');
  const [actor, setActor] = useState(operator);
  const { run, isBusy } = useChangeWrite(data, 'undoneDone');
  const isReady = reason.trim() !== '' && actor.trim() !== '';
  const okProps = { 'data-testid': 'undo-confirm', disabled: !isReady, danger: true };

  const confirm = async () => {
    const done = await run(() =>
      undoRoundChange(db, { roundId: data.round.id, changeId: change.id, reason }, actor, {
        now: systemClock.now,
        newId,
      }),
    );
    if (!done) return;
    rememberOperator(actor);
    onClose();
  };

  return (
    <Modal
      open
      title={t('changes.undo.title')}
      okText={t('changes.undo.confirm')}
      cancelText={t('common.cancel')}
      okButtonProps={okProps}
      confirmLoading={isBusy}
      onOk={() => void confirm()}
      onCancel={onClose}
      destroyOnHidden
    >
      <div data-testid="undo-dialog">
        <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
          <Descriptions.Item label={t('changes.columns.kind')}>
            {text.kind(change)}
          </Descriptions.Item>
          <Descriptions.Item label={t('changes.columns.subject')}>
            {text.subject(change)}
          </Descriptions.Item>
          <Descriptions.Item label={t('changes.columns.reason')}>{change.reason}</Descriptions.Item>
        </Descriptions>
        <Typography.Paragraph type="secondary">{t('changes.undo.body')}</Typography.Paragraph>
        <Form layout="vertical">
          <Form.Item label={t('changes.undo.reason')} required>
            <Input.TextArea
              rows={2}
              maxLength={300}
              value={reason}
              placeholder={t('changes.undo.reasonPlaceholder')}
              onChange={(event) => setReason(event.target.value)}
              data-testid="undo-reason"
            />
          </Form.Item>
          <Form.Item label={t('changes.dialog.actor')} required>
            <Input
              value={actor}
              maxLength={40}
              placeholder={t('changes.dialog.actorPlaceholder')}
              onChange={(event) => setActor(event.target.value)}
              data-testid="undo-actor"
            />
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
};
