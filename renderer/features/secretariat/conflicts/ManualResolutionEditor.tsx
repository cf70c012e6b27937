// Entering the agreed values of a conflict: start from either copy, edit scores and comments
// indicator by indicator (checked like the scoresheet: within range, on the 0.5 step), then
// save. Nothing is written while a value is refused.
import { Alert, Button, Input, InputNumber, Radio, Space, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConflictRecord, IndicatorTemplate } from '../../../../shared/domain/types';
import {
  canStartFrom,
  checkManualDraft,
  isSubmittedResolution,
  startManualDraft,
} from '../../../../shared/secretariat/manualResolution';
import type { ConflictSide, ManualDraft } from '../../../../shared/secretariat/manualResolution';
import type { ManualResolution } from '../../../../shared/sync/resolveConflict';

type Row = {
  id: string;
  kind: 'primary' | 'secondary';
  name: string;
  maxPoints: number;
};

export const ManualResolutionEditor = ({
  record,
  template,
  isSaving,
  onSave,
  onCancel,
}: {
  record: ConflictRecord;
  template: IndicatorTemplate;
  isSaving: boolean;
  onSave: (resolution: ManualResolution) => void;
  onCancel: () => void;
}) => {
  const { t } = useTranslation();
  const firstSide: ConflictSide = canStartFrom(record, 'local') ? 'local' : 'incoming';
  const [draft, setDraft] = useState<ManualDraft>(() =>
    startManualDraft(record, firstSide, template),
  );
  const [start, setStart] = useState<ConflictSide>(firstSide);
  const [showProblems, setShowProblems] = useState(false);
  const check = useMemo(() => checkManualDraft(record, draft, template), [record, draft, template]);
  const problemOf = (id: string) =>
    check.ok ? undefined : check.problems.find((p) => p.indicatorId === id)?.message;

  const rows: Row[] = template.primaries.flatMap((p) => [
    { id: p.id, kind: 'primary' as const, name: p.name, maxPoints: p.maxPoints },
    ...p.children.map((c) => ({
      id: c.id,
      kind: 'secondary' as const,
      name: c.name,
      maxPoints: c.maxPoints,
    })),
  ]);

  const restart = (side: ConflictSide) => {
    setStart(side);
    setDraft(startManualDraft(record, side, template));
    setShowProblems(false);
  };
  const save = () => {
    if (!check.ok) {
      setShowProblems(true);
      return;
    }
    onSave(check.resolution);
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="manual-editor">
      <Space wrap>
        <Typography.Text>{t('results.conflicts.manualStart')}</Typography.Text>
        <Radio.Group
          value={start}
          onChange={(event) => restart(event.target.value === 'incoming' ? 'incoming' : 'local')}
          data-testid="manual-start"
        >
          <Radio value="local" disabled={!canStartFrom(record, 'local')}>
            {t('results.conflicts.local')}
          </Radio>
          <Radio value="incoming" disabled={!canStartFrom(record, 'incoming')}>
            {t('results.conflicts.incoming')}
          </Radio>
        </Radio.Group>
      </Space>
      {isSubmittedResolution(record) ? (
        <Typography.Text type="secondary">
          {t('results.conflicts.manualSubmittedHint')}
        </Typography.Text>
      ) : null}
      <Table<Row>
        size="small"
        bordered
        pagination={false}
        rowKey="id"
        dataSource={rows}
        columns={[
          {
            title: t('results.conflicts.indicator'),
            key: 'name',
            render: (_, row) =>
              row.kind === 'primary' ? (
                <Typography.Text strong>{row.name}</Typography.Text>
              ) : (
                <span style={{ paddingLeft: 16 }}>{row.name}</span>
              ),
          },
          {
            title: t('results.conflicts.max'),
            key: 'max',
            width: 64,
            align: 'right',
            render: (_, row) => row.maxPoints,
          },
          {
            title: t('results.conflicts.agreedScore'),
            key: 'score',
            width: 200,
            render: (_, row) => {
              if (row.kind === 'primary') return null;
              const problem = problemOf(row.id);
              return (
                <Space orientation="vertical" size={0}>
                  <InputNumber
                    value={draft.scores[row.id] ?? null}
                    step={0.5}
                    status={problem ? 'error' : ''}
                    aria-label={t('results.conflicts.scoreLabel', {
                      name: row.name,
                      max: row.maxPoints,
                    })}
                    onChange={(value) =>
                      setDraft((d) => ({
                        ...d,
                        scores: { ...d.scores, [row.id]: typeof value === 'number' ? value : null },
                      }))
                    }
                    data-testid={`manual-score-${row.id}`}
                  />
                  {problem && (showProblems || draft.scores[row.id] !== null) ? (
                    <Typography.Text type="danger" data-testid={`manual-error-${row.id}`}>
                      {problem}
                    </Typography.Text>
                  ) : null}
                </Space>
              );
            },
          },
          {
            title: t('results.conflicts.agreedComment'),
            key: 'comment',
            render: (_, row) => (
              <Input
                value={draft.comments[row.id] ?? ''}
                aria-label={t('results.conflicts.commentLabel', { name: row.name })}
                onChange={(event) =>
                  setDraft((d) => ({
                    ...d,
                    comments: { ...d.comments, [row.id]: event.target.value },
                  }))
                }
              />
            ),
          },
        ]}
      />
      <Input.TextArea
        value={draft.overallComment}
        rows={2}
        placeholder={t('results.conflicts.fields.overallComment')}
        aria-label={t('results.conflicts.fields.overallComment')}
        onChange={(event) => setDraft((d) => ({ ...d, overallComment: event.target.value }))}
      />
      <Space wrap>
        <Typography.Text>{t('results.conflicts.recommendationFrom')}</Typography.Text>
        <Radio.Group
          value={draft.recommendationFrom}
          onChange={(event) =>
            setDraft((d) => ({
              ...d,
              recommendationFrom: event.target.value === 'incoming' ? 'incoming' : 'local',
            }))
          }
        >
          <Radio value="local">{t('results.conflicts.local')}</Radio>
          <Radio value="incoming">{t('results.conflicts.incoming')}</Radio>
        </Radio.Group>
      </Space>
      {showProblems && !check.ok ? (
        <Alert
          type="error"
          showIcon
          data-testid="manual-problems"
          title={t('results.conflicts.manualRefused')}
          description={
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {check.problems.map((p) => (
                <li key={`${p.indicatorId ?? ''}:${p.message}`}>{p.message}</li>
              ))}
            </ul>
          }
        />
      ) : null}
      <Space>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
        <Button type="primary" loading={isSaving} onClick={save} data-testid="manual-save">
          {t('results.conflicts.manualSave')}
        </Button>
      </Space>
    </Space>
  );
};
