// The template editor: rename the system and its indicators, change points, add or remove
// secondary and primary indicators, with the sums checked as the clerk types (secondaries
// against their primary, primaries against 100). Saving goes through saveTemplate, which
// never changes a frozen, built-in or shared template (it stores a new record instead).
import { DeleteOutlined, LockOutlined, PlusOutlined } from '@ant-design/icons';
import {
  App,
  Alert,
  Button,
  Card,
  Input,
  InputNumber,
  Space,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  addPrimary,
  addSecondary,
  fitPrimaryToChildren,
  removePrimary,
  removeSecondary,
  renameIndicator,
  renameTemplate,
  setIndicatorPoints,
  setTemplateNote,
  templateSums,
  validateTemplateForType,
} from '../../../../shared/domain/templateEditing';
import type { PrimarySum } from '../../../../shared/domain/templateEditing';
import { POINTS_STEP, TEMPLATE_TOTAL_POINTS } from '../../../../shared/domain/templates';
import type {
  BaseTypeCode,
  IndicatorTemplate,
  PrimaryIndicator,
  Round,
} from '../../../../shared/domain/types';
import { useLabels } from '../../../app/hooks/useLabels';
import { db } from '../../../db/instance';
import { saveTemplate } from '../../../db/repositories/templateRepository';
import { SETUP_ACTOR, setupDeps } from '../setupDeps';

type Edit = (template: IndicatorTemplate) => IndicatorTemplate;

const pointsOf = (value: number | null): number => value ?? 0;

export const TemplateEditor = ({
  round,
  baseType,
  initial,
  stored,
  onDone,
}: {
  round: Round;
  baseType: BaseTypeCode;
  /** A fresh copy, or the stored template to change. */
  initial: IndicatorTemplate;
  /** The record stored under initial.id, if any. */
  stored: IndicatorTemplate | undefined;
  onDone: () => void;
}) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const labels = useLabels();
  const [draft, setDraft] = useState(initial);
  const [isSaving, setIsSaving] = useState(false);
  const edit = (change: Edit) => setDraft((before) => change(before));
  const problems = validateTemplateForType(draft, baseType);
  const sums = templateSums(draft);

  const save = async () => {
    setIsSaving(true);
    try {
      const result = await saveTemplate(
        db,
        { roundId: round.id, baseType, template: draft },
        SETUP_ACTOR,
        setupDeps,
      );
      if (result.ok) {
        message.success(
          t(`setup.editor.saved.${result.value.kind}`, { version: result.value.template.version }),
        );
        onDone();
      } else {
        message.error(result.error.message);
      }
    } finally {
      setIsSaving(false);
    }
  };

  return (
    <Card
      title={t('setup.editor.title', { type: `${baseType} ${labels.typeName(baseType)}` })}
      data-testid="template-editor"
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        {stored?.frozenAt !== undefined ? (
          <Alert
            type="warning"
            showIcon
            icon={<LockOutlined />}
            title={t('setup.editor.frozen', { version: stored.version + 1 })}
          />
        ) : null}
        <Input
          prefix={<Typography.Text type="secondary">{t('setup.editor.name')}</Typography.Text>}
          value={draft.name}
          maxLength={100}
          onChange={(event) => edit((d) => renameTemplate(d, event.target.value))}
          data-testid="template-name"
        />
        <Input.TextArea
          value={draft.note}
          placeholder={t('setup.editor.note')}
          autoSize={{ minRows: 1, maxRows: 4 }}
          onChange={(event) => edit((d) => setTemplateNote(d, event.target.value))}
          data-testid="template-note"
        />
        {draft.primaries.map((primary, index) => (
          <PrimaryCard
            key={primary.id}
            index={index}
            primary={primary}
            sum={sums.primaries[index]}
            onEdit={edit}
          />
        ))}
        <Button
          icon={<PlusOutlined />}
          onClick={() => edit((d) => addPrimary(d, setupDeps))}
          data-testid="add-primary"
        >
          {t('setup.editor.addPrimary')}
        </Button>
        <Typography.Text
          strong
          type={sums.isTotalBalanced ? 'success' : 'danger'}
          data-testid="template-total"
        >
          {t('setup.editor.total', { total: sums.total, target: TEMPLATE_TOTAL_POINTS })}
        </Typography.Text>
        {problems.length > 0 ? (
          <Alert
            type="error"
            showIcon
            title={t('setup.editor.problems', { count: problems.length })}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {problems.map((p) => (
                  <li key={`${p.path}-${p.code}`}>{p.message}</li>
                ))}
              </ul>
            }
            data-testid="template-problems"
          />
        ) : null}
        <Space>
          <Button
            type="primary"
            disabled={problems.length > 0}
            loading={isSaving}
            onClick={() => void save()}
            data-testid="template-save"
          >
            {t('setup.editor.save')}
          </Button>
          <Button onClick={onDone} data-testid="template-cancel">
            {t('common.cancel')}
          </Button>
        </Space>
      </Space>
    </Card>
  );
};

const SumTag = ({ sum, id }: { sum: PrimarySum | undefined; id: string }) => {
  const { t } = useTranslation();
  if (!sum) return null;
  return (
    <Tag color={sum.isBalanced ? 'green' : 'red'} data-testid={`primary-sum-${id}`}>
      {t('setup.editor.childSum', { sum: sum.childSum, points: sum.maxPoints })}
    </Tag>
  );
};

const PrimaryCard = ({
  index,
  primary,
  sum,
  onEdit,
}: {
  index: number;
  primary: PrimaryIndicator;
  sum: PrimarySum | undefined;
  onEdit: (change: Edit) => void;
}) => {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      title={
        <Space wrap>
          <Typography.Text type="secondary">
            {t('setup.editor.primary', { n: index + 1 })}
          </Typography.Text>
          <Input
            value={primary.name}
            style={{ width: 260 }}
            onChange={(event) => onEdit((d) => renameIndicator(d, primary.id, event.target.value))}
            data-testid={`primary-name-${primary.id}`}
          />
          <InputNumber
            value={primary.maxPoints}
            min={0}
            step={POINTS_STEP}
            suffix={t('setup.round.points')}
            style={{ width: 120 }}
            onChange={(value) => onEdit((d) => setIndicatorPoints(d, primary.id, pointsOf(value)))}
            data-testid={`primary-points-${primary.id}`}
          />
          <SumTag sum={sum} id={primary.id} />
          {sum && !sum.isBalanced ? (
            <Button
              size="small"
              onClick={() => onEdit((d) => fitPrimaryToChildren(d, primary.id))}
              data-testid={`fit-primary-${primary.id}`}
            >
              {t('setup.editor.fit')}
            </Button>
          ) : null}
        </Space>
      }
      extra={
        <Tooltip title={t('setup.editor.removePrimary')}>
          <Button
            danger
            type="text"
            icon={<DeleteOutlined />}
            aria-label={t('setup.editor.removePrimary')}
            onClick={() => onEdit((d) => removePrimary(d, primary.id))}
            data-testid={`remove-primary-${primary.id}`}
          />
        </Tooltip>
      }
    >
      <Space orientation="vertical" size={6} style={{ width: '100%' }}>
        {primary.children.map((child) => (
          <Space key={child.id} wrap>
            <Input
              value={child.name}
              style={{ width: 320 }}
              placeholder={t('setup.editor.secondaryName')}
              onChange={(event) => onEdit((d) => renameIndicator(d, child.id, event.target.value))}
              data-testid={`secondary-name-${child.id}`}
            />
            <InputNumber
              value={child.maxPoints}
              min={0}
              step={POINTS_STEP}
              suffix={t('setup.round.points')}
              style={{ width: 120 }}
              onChange={(value) => onEdit((d) => setIndicatorPoints(d, child.id, pointsOf(value)))}
              data-testid={`secondary-points-${child.id}`}
            />
            <Button
              danger
              type="text"
              icon={<DeleteOutlined />}
              aria-label={t('setup.editor.removeSecondary')}
              onClick={() => onEdit((d) => removeSecondary(d, child.id))}
              data-testid={`remove-secondary-${child.id}`}
            />
          </Space>
        ))}
        <Button
          size="small"
          type="dashed"
          icon={<PlusOutlined />}
          onClick={() => onEdit((d) => addSecondary(d, primary.id, setupDeps))}
          data-testid={`add-secondary-${primary.id}`}
        >
          {t('setup.editor.addSecondary')}
        </Button>
      </Space>
    </Card>
  );
};
