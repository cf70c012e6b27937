// One conflict side by side: the copy shown and the other copy, field by field and indicator
// by indicator, then the three ways to settle it. Settled ones show who chose what and when.
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Input,
  Popconfirm,
  Space,
  Spin,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConflictListRow } from '../../../../shared/secretariat/conflictView';
import { sideBySide } from '../../../../shared/secretariat/conflictView';
import type { ResolutionChoice } from '../../../../shared/sync/resolveConflict';
import { useTemplate } from '../../../db/resultsHooks';
import { formatLocalTime } from '../../scoring/AuditTrail';
import { useOperatorName } from '../results/useOperatorName';
import { IndicatorComparison } from './IndicatorComparison';
import { ManualResolutionEditor } from './ManualResolutionEditor';
import { resolveShownConflict } from './resolve';
import { SheetMetaTable } from './SheetMetaTable';

export const ConflictSideBySide = ({
  row,
  baseName,
  onResolved,
}: {
  row: ConflictListRow;
  baseName: (id: string) => string | undefined;
  /** Called after a successful resolution (to keep this record in view). */
  onResolved: (id: string) => void;
}) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { record } = row;
  const template = useTemplate(record.local.templateId);
  const [remembered, remember] = useOperatorName();
  const [actor, setActor] = useState(remembered);
  const [isManual, setManual] = useState(false);
  const [isSaving, setSaving] = useState(false);
  const view = useMemo(
    () => (template ? sideBySide(record, template) : undefined),
    [record, template],
  );

  if (template === undefined) return <Spin />;

  const resolve = async (choice: ResolutionChoice) => {
    if (actor.trim() === '') {
      message.error(t('results.operator.required'));
      return;
    }
    setSaving(true);
    const result = await resolveShownConflict(record, choice, actor.trim());
    setSaving(false);
    if (!result.ok) {
      message.error(result.error.message);
      return;
    }
    remember(actor);
    setManual(false);
    onResolved(record.id);
    message.success(t('results.conflicts.resolvedMessage'));
  };

  return (
    <Card
      size="small"
      data-testid="conflict-side-by-side"
      data-conflict-id={record.id}
      title={t('results.conflicts.sideBySideTitle', { base: row.baseName, expert: row.expertName })}
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Descriptions size="small" column={3}>
          <Descriptions.Item label={t('results.conflicts.detectedAt')}>
            {formatLocalTime(row.detectedAt)}
          </Descriptions.Item>
          <Descriptions.Item label={t('results.conflicts.source')}>
            {row.sourceFile}
          </Descriptions.Item>
          <Descriptions.Item label={t('results.conflicts.differences')}>
            {view
              ? t('results.conflicts.differenceCount', {
                  indicators: view.differentIndicators,
                  fields: view.differentFields.size,
                })
              : '—'}
          </Descriptions.Item>
        </Descriptions>
        {row.isOpen ? null : (
          <Alert
            type="success"
            showIcon
            data-testid="conflict-outcome"
            title={t('results.conflicts.outcomeText', {
              choice: t(`results.conflicts.choices.${row.resolution ?? 'local'}`),
              actor: row.resolvedBy ?? t('results.conflicts.unknownActor'),
              time: row.resolvedAt ? formatLocalTime(row.resolvedAt) : '',
            })}
          />
        )}
        {view ? (
          <>
            <SheetMetaTable
              record={record}
              differentFields={view.differentFields}
              baseName={baseName}
            />
            <IndicatorComparison view={view} />
          </>
        ) : (
          <Alert type="warning" showIcon title={t('results.conflicts.noTemplate')} />
        )}
        {row.isOpen ? (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Space wrap>
              <Typography.Text>{t('results.operator.label')}</Typography.Text>
              <Input
                value={actor}
                onChange={(event) => setActor(event.target.value)}
                placeholder={t('results.operator.placeholder')}
                style={{ width: 220 }}
                data-testid="conflict-actor"
              />
            </Space>
            <Space wrap>
              <Popconfirm
                title={t('results.conflicts.confirmLocal')}
                okText={<span data-testid="resolve-local-confirm">{t('common.confirm')}</span>}
                cancelText={t('common.cancel')}
                onConfirm={() => resolve('local')}
              >
                <Button loading={isSaving} data-testid="resolve-local">
                  {t('results.conflicts.keepLocal')}
                </Button>
              </Popconfirm>
              <Popconfirm
                title={t('results.conflicts.confirmIncoming')}
                okText={<span data-testid="resolve-incoming-confirm">{t('common.confirm')}</span>}
                cancelText={t('common.cancel')}
                onConfirm={() => resolve('incoming')}
              >
                <Button loading={isSaving} data-testid="resolve-incoming">
                  {t('results.conflicts.takeIncoming')}
                </Button>
              </Popconfirm>
              <Button
                disabled={!template || isManual}
                onClick={() => setManual(true)}
                data-testid="resolve-manual"
              >
                {t('results.conflicts.manual')}
              </Button>
            </Space>
            {isManual && template ? (
              <ManualResolutionEditor
                key={record.id}
                record={record}
                template={template}
                isSaving={isSaving}
                onSave={(resolution) => void resolve(resolution)}
                onCancel={() => setManual(false)}
              />
            ) : null}
          </Space>
        ) : null}
      </Space>
    </Card>
  );
};
