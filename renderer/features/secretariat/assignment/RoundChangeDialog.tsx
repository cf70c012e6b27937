// One dialog for the four changes after issue (替换专家, 撤出基地, 调整专家组, 声明回避): the
// fields the kind needs, a required reason and the person recording it. The repository checks
// everything again and refuses with one sentence; the dialog then stays open.
import { Form, Input, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { withdrawnBaseIds } from '../../../../shared/domain/roundChanges';
import type { RoundChange } from '../../../../shared/domain/types';
import type { RoundChangeInput } from '../../../../shared/secretariat/roundChangePlans';
import { newId, systemClock } from '../../../app/clock';
import { db } from '../../../db/instance';
import { recordRoundChange } from '../../../db/repositories/roundChangeRepository';
import { useOperatorName } from '../results/useOperatorName';
import type { AssignmentData } from './useAssignmentData';
import { useChangeWrite } from './useChangeWrite';

export type ChangeKind = RoundChangeInput['kind'];

type Picks = {
  panelId?: string;
  expertId?: string;
  replacementId?: string;
  baseId?: string;
  targetPanelId?: string;
};

/** The input the picks make for this kind, or null while a field is missing. */
function inputOf(
  kind: ChangeKind,
  picks: Picks,
  reason: string,
  expertsPerBase: number | null,
): RoundChangeInput | null {
  const { expertId, replacementId, baseId, targetPanelId } = picks;
  switch (kind) {
    case 'replaceExpert':
      return expertId && replacementId
        ? { kind, expertId, replacementExpertId: replacementId, reason }
        : null;
    case 'withdrawBase':
      return baseId ? { kind, baseId, reason } : null;
    case 'moveBase':
      return baseId && targetPanelId
        ? {
            kind,
            baseId,
            panelId: targetPanelId,
            reason,
            ...(expertsPerBase === null ? {} : { expertsPerBase }),
          }
        : null;
    case 'declareConflict':
      return expertId && baseId ? { kind, expertId, baseId, reason } : null;
  }
}

export const RoundChangeDialog = ({
  data,
  kind,
  changes,
  expertsPerBase,
  onClose,
}: {
  data: AssignmentData;
  kind: ChangeKind;
  changes: readonly RoundChange[];
  expertsPerBase: number | null;
  onClose: () => void;
}) => {
  const { t } = useTranslation();
  const [operator, rememberOperator] = useOperatorName();
  const [picks, setPicks] = useState<Picks>({});
  const [reason, setReason] = useState('');
  const [actor, setActor] = useState(operator);
  const { run, isBusy } = useChangeWrite(data, 'recorded');
  const { records } = data;
  const withdrawn = withdrawnBaseIds(changes);
  const bases = records.bases.filter((b) => !withdrawn.has(b.id));
  const panelExperts = records.experts.filter((e) => e.panelId === picks.panelId);
  const pick = (patch: Picks) => setPicks((p) => ({ ...p, ...patch }));
  const input = inputOf(kind, picks, reason, expertsPerBase);
  const isReady = input !== null && reason.trim() !== '' && actor.trim() !== '';
  // A variable, not a literal: Modal's button props take data-* attributes through it.
  const okProps = { 'data-testid': 'change-confirm', disabled: !isReady, danger: true };

  const confirm = async () => {
    if (input === null) return;
    const done = await run(() =>
      recordRoundChange(db, { roundId: data.round.id, change: input }, actor, {
        now: systemClock.now,
        newId,
      }),
    );
    if (!done) return;
    rememberOperator(actor);
    onClose();
  };

  const select = (
    testId: string,
    value: string | undefined,
    onChange: (id: string) => void,
    options: { value: string; label: string }[],
  ) => (
    <Select<string>
      showSearch
      optionFilterProp="label"
      data-testid={testId}
      value={value}
      onChange={onChange}
      options={options}
    />
  );
  const panelOptions = records.panels.map((p) => ({ value: p.id, label: p.name }));
  const expertOptions = (list: typeof panelExperts) =>
    list.map((e) => ({ value: e.id, label: `${e.name}（${e.institution}）` }));
  const baseOptions = (list: typeof bases) => list.map((b) => ({ value: b.id, label: b.name }));
  const assignedBases = bases.filter((b) =>
    records.assignments.some(
      (a) => a.baseId === b.id && a.expertId === picks.expertId && a.recusal === undefined,
    ),
  );
  const movingFrom = bases.find((b) => b.id === picks.baseId)?.panelId;

  return (
    <Modal
      open
      title={t(`changes.actions.${kind}`)}
      okText={t('changes.dialog.confirm')}
      cancelText={t('common.cancel')}
      okButtonProps={okProps}
      confirmLoading={isBusy}
      onOk={() => void confirm()}
      onCancel={onClose}
      destroyOnHidden
    >
      <div data-testid="change-dialog" data-kind={kind}>
        <Typography.Paragraph type="secondary">
          {t(`changes.dialog.bodies.${kind}`)}
        </Typography.Paragraph>
        <Form layout="vertical">
          {kind === 'replaceExpert' || kind === 'declareConflict' ? (
            <Form.Item label={t('changes.dialog.panel')} required>
              {select(
                'change-panel',
                picks.panelId,
                (panelId) => setPicks({ panelId }),
                panelOptions,
              )}
            </Form.Item>
          ) : null}
          {kind === 'replaceExpert' ? (
            <>
              <Form.Item label={t('changes.dialog.replaced')} required>
                {select(
                  'change-expert',
                  picks.expertId,
                  (expertId) => pick({ expertId }),
                  expertOptions(panelExperts),
                )}
              </Form.Item>
              <Form.Item
                label={t('changes.dialog.replacement')}
                required
                extra={t('changes.dialog.replacementHint')}
              >
                {select(
                  'change-replacement',
                  picks.replacementId,
                  (replacementId) => pick({ replacementId }),
                  expertOptions(
                    [...data.expertById.values()].filter(
                      (e) => e.panelId === picks.panelId && e.id !== picks.expertId,
                    ),
                  ),
                )}
              </Form.Item>
            </>
          ) : null}
          {kind === 'declareConflict' ? (
            <>
              <Form.Item label={t('changes.dialog.expert')} required>
                {select(
                  'change-expert',
                  picks.expertId,
                  (expertId) => pick({ expertId, baseId: undefined }),
                  expertOptions(panelExperts),
                )}
              </Form.Item>
              <Form.Item label={t('changes.dialog.base')} required>
                {select(
                  'change-base',
                  picks.baseId,
                  (baseId) => pick({ baseId }),
                  baseOptions(assignedBases),
                )}
              </Form.Item>
            </>
          ) : null}
          {kind === 'withdrawBase' || kind === 'moveBase' ? (
            <Form.Item label={t('changes.dialog.base')} required>
              {select(
                'change-base',
                picks.baseId,
                (baseId) => pick({ baseId, targetPanelId: undefined }),
                baseOptions(bases),
              )}
            </Form.Item>
          ) : null}
          {kind === 'moveBase' ? (
            <Form.Item label={t('changes.dialog.targetPanel')} required>
              {select(
                'change-target-panel',
                picks.targetPanelId,
                (targetPanelId) => pick({ targetPanelId }),
                panelOptions.filter((p) => p.value !== movingFrom),
              )}
            </Form.Item>
          ) : null}
          <Form.Item label={t('changes.dialog.reason')} required>
            <Input.TextArea
              rows={2}
              maxLength={300}
              value={reason}
              placeholder={t('changes.dialog.reasonPlaceholder')}
              onChange={(event) => setReason(event.target.value)}
              data-testid="change-reason"
            />
          </Form.Item>
          <Form.Item label={t('changes.dialog.actor')} required>
            <Input
              value={actor}
              maxLength={40}
              placeholder={t('changes.dialog.actorPlaceholder')}
              onChange={(event) => setActor(event.target.value)}
              data-testid="change-actor"
            />
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
};
