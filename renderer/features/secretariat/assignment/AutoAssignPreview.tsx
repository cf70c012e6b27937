// What the automatic assignment would change, before anything is written: bases per panel
// before and after, the number of assignments added, changed and removed, bases held in
// place because scoring started, bases short of reviewers, the bases that change panel,
// and the notices (panels whose bundle was already issued …).
import { Alert, Modal, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { hasChanges } from '../../../../shared/secretariat/assignmentChanges';
import type { BaseMove } from '../../../../shared/secretariat/assignment';
import type { AssignmentPlan } from '../../../../shared/secretariat/assignmentPlan';
import { panelsNeedingNewBundle, touchedPanels } from '../../../db/repositories/assignmentRecords';
import type { AssignmentNotice } from '../../../db/repositories/assignmentRepository';
import type { AssignOptionsState } from './AutoAssignBar';
import type { AssignmentData } from './useAssignmentData';
import { useNoticeText } from './useAssignmentFeedback';

const MOVES_SHOWN = 100;

type SizeRow = { panelId: string; name: string; before: number; after: number };

export const AutoAssignPreview = ({
  data,
  plan,
  options,
  isApplying,
  onApply,
  onCancel,
}: {
  data: AssignmentData;
  plan: AssignmentPlan;
  options: AssignOptionsState;
  isApplying: boolean;
  onApply: () => void;
  onCancel: () => void;
}) => {
  const { t } = useTranslation();
  const noticeText = useNoticeText(data.panelById);
  const c = plan.changes;
  const isEmpty = !hasChanges(c);
  const issued = panelsNeedingNewBundle(touchedPanels(c), data.issuedPanelIds, data.round.status);
  const notices: AssignmentNotice[] = [
    ...(issued.length > 0 ? [{ code: 'bundlesIssued' as const, panelIds: issued }] : []),
    ...plan.warnings,
  ];
  const panelName = (id: string | undefined) =>
    id === undefined ? t('assignment.placement.unplaced') : (data.panelById.get(id)?.name ?? id);
  const sizes: SizeRow[] = data.records.panels.map((p) => ({
    panelId: p.id,
    name: p.name,
    before: plan.sizesBefore.get(p.id) ?? 0,
    after: plan.placement.sizes.get(p.id) ?? 0,
  }));
  // A variable, not a literal: Modal's button props take data-* attributes through it.
  const applyProps = { 'data-testid': 'auto-assign-apply', disabled: isEmpty };
  const experts =
    options.expertsPerBase === null
      ? t('assignment.options.allExperts')
      : t('assignment.options.count', { count: options.expertsPerBase });

  return (
    <Modal
      open
      width={760}
      title={t('assignment.preview.title')}
      okText={t('assignment.preview.apply')}
      cancelText={t('common.cancel')}
      onOk={onApply}
      onCancel={onCancel}
      confirmLoading={isApplying}
      okButtonProps={applyProps}
      destroyOnHidden
    >
      <Space direction="vertical" style={{ width: '100%' }} data-testid="auto-assign-preview">
        <Typography.Text type="secondary">
          {t('assignment.preview.optionsLine', {
            experts,
            keep: options.keepExisting
              ? t('assignment.preview.keep')
              : t('assignment.preview.redeal'),
          })}
        </Typography.Text>
        {notices.map((notice) => (
          <Alert
            key={notice.code}
            type="warning"
            showIcon
            message={noticeText(notice)}
            data-testid="preview-notice"
          />
        ))}
        {isEmpty ? (
          <Alert
            type="success"
            message={t('assignment.preview.nothing')}
            data-testid="preview-nothing"
          />
        ) : (
          <Typography.Text strong data-testid="preview-summary">
            {t('assignment.preview.summary', {
              moves: c.moves.length,
              add: c.add.length,
              update: c.update.length,
              remove: c.remove.length,
            })}
          </Typography.Text>
        )}
        {plan.lockedBaseIds.size > 0 ? (
          <Typography.Text type="secondary">
            {t('assignment.preview.locked', { count: plan.lockedBaseIds.size })}
          </Typography.Text>
        ) : null}
        {plan.short.length > 0 ? (
          <Alert
            type="error"
            showIcon
            message={t('assignment.preview.short', { count: plan.short.length })}
            description={plan.short.slice(0, 20).map((s) => (
              <div key={s.baseId}>
                {t('assignment.preview.shortLine', {
                  base: data.baseById.get(s.baseId)?.name ?? s.baseId,
                  panel: panelName(s.panelId),
                  required: s.required,
                  assigned: s.assigned,
                })}
              </div>
            ))}
          />
        ) : null}
        <Typography.Text>{t('assignment.preview.sizes')}</Typography.Text>
        <Table<SizeRow>
          size="small"
          rowKey="panelId"
          pagination={sizes.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
          dataSource={sizes}
          data-testid="preview-sizes"
          columns={[
            { title: t('assignment.balance.panel'), dataIndex: 'name' },
            { title: t('assignment.preview.before'), dataIndex: 'before', align: 'right' },
            {
              title: t('assignment.preview.after'),
              dataIndex: 'after',
              align: 'right',
              render: (after: number, row) => (
                <Typography.Text strong={after !== row.before} data-testid="preview-after">
                  {after}
                </Typography.Text>
              ),
            },
          ]}
        />
        {c.moves.length > 0 ? (
          <>
            <Typography.Text>{t('assignment.preview.moves')}</Typography.Text>
            <Table<BaseMove>
              size="small"
              rowKey="baseId"
              pagination={{ pageSize: 10, showSizeChanger: false }}
              dataSource={c.moves.slice(0, MOVES_SHOWN)}
              columns={[
                {
                  title: t('assignment.preview.base'),
                  key: 'base',
                  render: (_, m) => data.baseById.get(m.baseId)?.name ?? m.baseId,
                },
                {
                  title: t('assignment.preview.from'),
                  key: 'from',
                  render: (_, m) => panelName(m.from),
                },
                { title: t('assignment.preview.to'), key: 'to', render: (_, m) => panelName(m.to) },
              ]}
            />
            {c.moves.length > MOVES_SHOWN ? (
              <Typography.Text type="secondary">
                {t('assignment.preview.more', { count: c.moves.length - MOVES_SHOWN })}
              </Typography.Text>
            ) : null}
          </>
        ) : null}
      </Space>
    </Modal>
  );
};
