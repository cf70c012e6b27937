// The options of the assignment (experts per base, keep existing panels) and the 自动分配
// button, which reads the round afresh, shows the plan's preview and applies exactly that
// plan (the repository refuses if the round changed in between).
import { ThunderboltOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Select, Space, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { changesSignature } from '../../../../shared/secretariat/assignmentChanges';
import type {
  AssignmentPlan,
  AutoAssignOptions,
} from '../../../../shared/secretariat/assignmentPlan';
import { db } from '../../../db/instance';
import { previewAutoAssignment } from '../../../db/repositories/assignmentRecords';
import { applyAutoAssignment } from '../../../db/repositories/assignmentRepository';
import { SETUP_ACTOR, setupDeps } from '../setupDeps';
import { AutoAssignPreview } from './AutoAssignPreview';
import type { AssignmentData } from './useAssignmentData';
import { useAssignmentFeedback } from './useAssignmentFeedback';

export type AssignOptionsState = {
  /** null: every expert of the panel. */
  expertsPerBase: number | null;
  keepExisting: boolean;
};

export const toAutoAssignOptions = (state: AssignOptionsState): AutoAssignOptions => ({
  keepExisting: state.keepExisting,
  ...(state.expertsPerBase === null ? {} : { expertsPerBase: state.expertsPerBase }),
});

const MAX_CHOICE = 15;

export const AutoAssignBar = ({
  data,
  options,
  onOptionsChange,
  isReadOnly,
}: {
  data: AssignmentData;
  options: AssignOptionsState;
  onOptionsChange: (next: AssignOptionsState) => void;
  isReadOnly: boolean;
}) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const feedback = useAssignmentFeedback(data.panelById);
  const [plan, setPlan] = useState<AssignmentPlan | null>(null);
  const [isBusy, setBusy] = useState(false);

  const preview = async () => {
    setBusy(true);
    const result = await previewAutoAssignment(db, data.round.id, toAutoAssignOptions(options));
    setBusy(false);
    if (result.ok) setPlan(result.value);
    else message.error(t('assignment.preview.failed', { message: result.error.message }));
  };

  const apply = async () => {
    if (!plan) return;
    setBusy(true);
    const result = await applyAutoAssignment(
      db,
      {
        roundId: data.round.id,
        options: toAutoAssignOptions(options),
        expectedSignature: changesSignature(plan.changes),
      },
      SETUP_ACTOR,
      setupDeps,
    );
    setBusy(false);
    const c = plan.changes;
    const done = t('assignment.applied', {
      moves: c.moves.length,
      add: c.add.length,
      update: c.update.length,
      remove: c.remove.length,
    });
    if (feedback(result, done)) setPlan(null);
  };

  return (
    <Space wrap>
      <span>{t('assignment.options.expertsPerBase')}</span>
      <Select<number>
        data-testid="experts-per-base"
        style={{ width: 150 }}
        value={options.expertsPerBase ?? 0}
        onChange={(value) =>
          onOptionsChange({ ...options, expertsPerBase: value === 0 ? null : value })
        }
        options={[
          { value: 0, label: t('assignment.options.allExperts') },
          ...Array.from({ length: MAX_CHOICE }, (_, i) => ({
            value: i + 1,
            label: t('assignment.options.count', { count: i + 1 }),
          })),
        ]}
      />
      <Tooltip title={t('assignment.options.keepExistingHint')}>
        <Checkbox
          data-testid="keep-existing"
          checked={options.keepExisting}
          onChange={(event) => onOptionsChange({ ...options, keepExisting: event.target.checked })}
        >
          {t('assignment.options.keepExisting')}
        </Checkbox>
      </Tooltip>
      <Button
        type="primary"
        icon={<ThunderboltOutlined />}
        data-testid="auto-assign-button"
        loading={isBusy && plan === null}
        disabled={isReadOnly}
        onClick={() => void preview()}
      >
        {t('assignment.autoAssign')}
      </Button>
      {plan ? (
        <AutoAssignPreview
          data={data}
          plan={plan}
          options={options}
          isApplying={isBusy}
          onApply={() => void apply()}
          onCancel={() => setPlan(null)}
        />
      ) : null}
    </Space>
  );
};
