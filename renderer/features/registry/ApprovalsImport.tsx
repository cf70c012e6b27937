// 批建: new approvals from the department's Excel or CSV. The file is read like a roster
// (title rows, Chinese headers, legacy types, GBK CSV); the preview lists each row as new,
// updated or unchanged by registry code, and every problem by row and column, with a choice
// of new type for legacy platforms that need one. Nothing is written while any row has a
// problem; the same file twice writes nothing.
import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Select, Space, Table, Tag, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BaseTypeCode } from '../../../shared/domain/types';
import type { RosterProblem } from '../../../shared/roster';
import { db } from '../../db/instance';
import { importApprovals, previewApprovals } from '../../db/repositories/registryRepository';
import type {
  ApprovalPlanRow,
  ApprovalRowStatus,
  ApprovalsSource,
} from '../../db/repositories/registryRepository';
import { useOperatorName } from '../secretariat/results/useOperatorName';
import { useRegistryLabels } from './registryLabels';
import { actorOf, registryClock } from './registryRuntime';
import { useApprovalsFile } from './useApprovalsFile';

const STATUS_TAGS: Readonly<Record<ApprovalRowStatus, { color: string; key: string }>> = {
  new: { color: 'green', key: 'registry.approvals.statusNew' },
  updated: { color: 'blue', key: 'registry.approvals.statusUpdated' },
  unchanged: { color: 'default', key: 'registry.approvals.statusUnchanged' },
};

export const ApprovalsImport = () => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const labels = useRegistryLabels();
  const [operator] = useOperatorName();
  const [source, setSource] = useState<ApprovalsSource | undefined>(undefined);
  const [typeChoices, setTypeChoices] = useState<ReadonlyMap<number, BaseTypeCode>>(new Map());
  const [isSaving, setIsSaving] = useState(false);
  const file = useApprovalsFile((read) => {
    setTypeChoices(new Map());
    setSource(read);
  });
  // Live: the preview follows the registry if an acceptance lands while it is open.
  const plan = useLiveQuery(
    () =>
      source === undefined
        ? undefined
        : previewApprovals(db, source, registryClock, { typeChoices }),
    [source, typeChoices],
  );
  const close = () => {
    setSource(undefined);
    setTypeChoices(new Map());
  };
  const writes = plan === undefined ? 0 : plan.counts.new + plan.counts.updated;
  const hasProblems = (plan?.problems.length ?? 0) > 0;

  const commit = async () => {
    if (source === undefined) return;
    setIsSaving(true);
    try {
      const written = await importApprovals(db, source, actorOf(operator), registryClock, {
        typeChoices,
      });
      if (written.ok) {
        message.success(t('registry.approvals.done', written.value));
        close();
      } else message.error(written.error.message, 8);
    } finally {
      setIsSaving(false);
    }
  };

  return (
    <Card
      title={t('registry.approvals.title')}
      data-testid="registry-approvals-card"
      {...file.dropTarget}
      style={file.isDragging ? { outline: '2px dashed #1677ff' } : undefined}
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('registry.approvals.hint')}</Typography.Text>
        <Space wrap>
          <Button
            icon={<UploadOutlined />}
            loading={file.isReading}
            onClick={() => void file.pick()}
            data-testid="registry-approvals-button"
          >
            {t('registry.approvals.button')}
          </Button>
          <Typography.Text type="secondary" data-testid="registry-approvals-drop">
            {t('registry.approvals.dropHint')}
          </Typography.Text>
        </Space>
        {source === undefined || plan === undefined ? null : (
          <Card
            type="inner"
            title={t('registry.approvals.previewTitle', { file: source.fileName })}
            data-testid="registry-approvals-preview"
          >
            <Space orientation="vertical" size={12} style={{ width: '100%' }}>
              <Alert
                type={hasProblems ? 'warning' : writes === 0 ? 'info' : 'success'}
                showIcon
                title={t('registry.approvals.summary', {
                  ...plan.counts,
                  problems: plan.problems.length,
                })}
                description={
                  hasProblems
                    ? t('registry.approvals.problemsHint')
                    : writes === 0
                      ? t('registry.approvals.nothingNew')
                      : undefined
                }
                data-testid="registry-approvals-summary"
                data-new={plan.counts.new}
                data-updated={plan.counts.updated}
                data-unchanged={plan.counts.unchanged}
                data-problems={plan.problems.length}
              />
              {hasProblems ? (
                <Table<RosterProblem>
                  size="small"
                  rowKey={(p) => `${String(p.row)}-${p.column}-${p.message}`}
                  dataSource={plan.problems}
                  pagination={plan.problems.length > 50 ? { pageSize: 50 } : false}
                  data-testid="registry-approvals-problems"
                  columns={[
                    { title: t('registry.approvals.row'), dataIndex: 'row', width: 70 },
                    { title: t('registry.approvals.column'), dataIndex: 'column', width: 120 },
                    {
                      title: t('registry.approvals.message'),
                      dataIndex: 'message',
                      render: (text: string, problem: RosterProblem) =>
                        problem.typeChoice === undefined ? (
                          text
                        ) : (
                          <Space orientation="vertical" size={4}>
                            <span>{text}</span>
                            <Select<BaseTypeCode>
                              placeholder={t('registry.approvals.chooseType')}
                              style={{ width: 280 }}
                              onChange={(type) =>
                                setTypeChoices((held) => new Map(held).set(problem.row, type))
                              }
                              options={problem.typeChoice.candidates.map((code) => ({
                                value: code,
                                label: labels.anyTypeName(code),
                              }))}
                              data-testid={`registry-approvals-type-${String(problem.row)}`}
                            />
                          </Space>
                        ),
                    },
                  ]}
                />
              ) : null}
              <Table<ApprovalPlanRow>
                size="small"
                rowKey="row"
                dataSource={plan.rows}
                pagination={{ pageSize: 10, hideOnSinglePage: true }}
                data-testid="registry-approvals-rows"
                columns={[
                  { title: t('registry.approvals.row'), dataIndex: 'row', width: 60 },
                  {
                    title: t('registry.bases.code'),
                    key: 'code',
                    width: 140,
                    render: (_: unknown, r) => r.approval.code,
                  },
                  {
                    title: t('registry.bases.name'),
                    key: 'name',
                    render: (_: unknown, r) => r.approval.name,
                  },
                  {
                    title: t('registry.bases.type'),
                    key: 'type',
                    render: (_: unknown, r) => labels.shownType(r.approval),
                  },
                  {
                    title: t('registry.bases.host'),
                    key: 'host',
                    render: (_: unknown, r) => r.approval.hostInstitution,
                  },
                  {
                    title: t('registry.bases.year'),
                    key: 'year',
                    width: 90,
                    render: (_: unknown, r) => r.approval.yearEstablished,
                  },
                  {
                    title: '',
                    key: 'status',
                    width: 80,
                    render: (_: unknown, r) => (
                      <Tag color={STATUS_TAGS[r.status].color}>{t(STATUS_TAGS[r.status].key)}</Tag>
                    ),
                  },
                ]}
              />
              <Space>
                <Button
                  type="primary"
                  disabled={hasProblems || writes === 0}
                  loading={isSaving}
                  onClick={() => void commit()}
                  data-testid="registry-approvals-confirm"
                >
                  {t('registry.approvals.confirm', { count: writes })}
                </Button>
                <Button onClick={close} disabled={isSaving} data-testid="registry-approvals-cancel">
                  {t('registry.approvals.cancel')}
                </Button>
              </Space>
            </Space>
          </Card>
        )}
      </Space>
    </Card>
  );
};
