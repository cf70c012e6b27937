// 声明回避: the secretariat records that an expert must not review a base (a relative works
// there, a former student directs it …), with the reason. Panel, expert and base are chosen
// in turn; from a matrix cell the pair comes filled in.
import { Form, Input, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { db } from '../../../db/instance';
import { declareConflict } from '../../../db/repositories/assignmentRepository';
import { SETUP_ACTOR, setupDeps } from '../setupDeps';
import type { AssignmentData } from './useAssignmentData';
import { useAssignmentFeedback } from './useAssignmentFeedback';

export type DeclarePair = { expertId?: string; baseId?: string; panelId?: string };

export const DeclareConflictDialog = ({
  data,
  initial,
  onClose,
}: {
  data: AssignmentData;
  initial: DeclarePair;
  onClose: () => void;
}) => {
  const { t } = useTranslation();
  const feedback = useAssignmentFeedback(data.panelById);
  const initialPanel =
    initial.panelId ??
    (initial.expertId ? data.expertById.get(initial.expertId)?.panelId : undefined);
  const [panelId, setPanelId] = useState<string | undefined>(initialPanel);
  const [expertId, setExpertId] = useState<string | undefined>(initial.expertId);
  const [baseId, setBaseId] = useState<string | undefined>(initial.baseId);
  const [reason, setReason] = useState('');
  const [isBusy, setBusy] = useState(false);
  const experts = data.records.experts.filter((e) => e.panelId === panelId);
  const bases = data.records.bases.filter((b) => b.panelId === panelId);
  const isReady = expertId !== undefined && baseId !== undefined && reason.trim() !== '';
  // A variable, not a literal: Modal's button props take data-* attributes through it.
  const okProps = { 'data-testid': 'declare-confirm', disabled: !isReady, danger: true };

  const confirm = async () => {
    if (expertId === undefined || baseId === undefined) return;
    setBusy(true);
    const result = await declareConflict(
      db,
      { roundId: data.round.id, expertId, baseId, reason },
      SETUP_ACTOR,
      setupDeps,
    );
    setBusy(false);
    if (feedback(result, t('assignment.declare.done'))) onClose();
  };

  return (
    <Modal
      open
      title={t('assignment.declare.title')}
      okText={t('assignment.declare.confirm')}
      cancelText={t('common.cancel')}
      okButtonProps={okProps}
      confirmLoading={isBusy}
      onOk={() => void confirm()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('assignment.declare.body')}</Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label={t('assignment.declare.panel')} required>
          <Select<string>
            showSearch
            optionFilterProp="label"
            data-testid="declare-panel"
            value={panelId}
            onChange={(id) => {
              setPanelId(id);
              setExpertId(undefined);
              setBaseId(undefined);
            }}
            options={data.records.panels.map((p) => ({ value: p.id, label: p.name }))}
          />
        </Form.Item>
        <Form.Item label={t('assignment.declare.expert')} required>
          <Select<string>
            showSearch
            optionFilterProp="label"
            data-testid="declare-expert"
            value={expertId}
            onChange={setExpertId}
            options={experts.map((e) => ({ value: e.id, label: `${e.name}（${e.institution}）` }))}
          />
        </Form.Item>
        <Form.Item label={t('assignment.declare.base')} required>
          <Select<string>
            showSearch
            optionFilterProp="label"
            data-testid="declare-base"
            value={baseId}
            onChange={setBaseId}
            options={bases.map((b) => ({ value: b.id, label: b.name }))}
          />
        </Form.Item>
        <Form.Item label={t('assignment.declare.reason')} required>
          <Input.TextArea
            rows={2}
            maxLength={200}
            value={reason}
            placeholder={t('assignment.declare.reasonPlaceholder')}
            onChange={(event) => setReason(event.target.value)}
            data-testid="declare-reason"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
};
