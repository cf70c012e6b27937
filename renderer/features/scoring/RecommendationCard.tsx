// The disposition recommendation (纳入 / 保留并调整方向 / 限期整改 / 合并 / 转 / 撤销), its
// target and reason, and the overall assessment. Arrow keys choose a disposition.
import { Card, Form, Input, Radio, Select, Typography } from 'antd';
import { useMemo, memo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DISPOSITIONS,
  dispositionByCode,
  isDispositionCode,
} from '../../../shared/domain/dispositions';
import type { DispositionContext, DispositionProblem } from '../../../shared/domain/dispositions';
import { BASE_TYPES } from '../../../shared/domain/taxonomy';
import type { Base, BaseTypeCode, DispositionCode } from '../../../shared/domain/types';
import { useLabels } from '../../app/hooks/useLabels';
import { decisionFromDraft, draftProblems, isReasonRequired } from './recommendation';
import { useFormSlice, useSheetContext } from './sheetContext';

/** A problem with the recommendation in the UI language. */
export function useProblemText(): (
  problem: DispositionProblem,
  code: DispositionCode | null,
  baseType: BaseTypeCode,
) => string {
  const { t } = useTranslation();
  const labels = useLabels();
  return (problem, code, baseType) => {
    if (problem.code === 'convertToSameType') {
      return t('scoring.problems.convertToSameType', { type: labels.typeName(baseType) });
    }
    const info = code === null ? undefined : dispositionByCode(code);
    const name = info ? (labels.isEnglish ? info.nameEn : info.nameZh) : '';
    return t(`scoring.problems.${problem.code}`, { name });
  };
}

const RecommendationCardView = ({
  base,
  roundBases,
}: {
  base: Base;
  roundBases: readonly Base[];
}) => {
  const { t } = useTranslation();
  const labels = useLabels();
  const problemText = useProblemText();
  const { store, chain, saver, isLocked } = useSheetContext();
  const draft = useFormSlice((s) => s.draft);
  const decided = decisionFromDraft(draft);
  const target = draft.code === null ? 'none' : (dispositionByCode(draft.code)?.target ?? 'none');
  const context: DispositionContext = useMemo(
    () => ({
      baseType: base.type,
      selfBaseId: base.id,
      existingBaseIds: new Set(roundBases.map((b) => b.id)),
    }),
    [base, roundBases],
  );
  const problems = draftProblems(draft, context).filter((p) => p.code !== 'reasonRequired');
  const reasonRequired = isReasonRequired(draft.code);
  const flush = () => void saver.flush();

  const focusGroup = useMemo(
    () => (element: HTMLDivElement | null) =>
      chain.registerAfter(
        element
          ? {
              focus: () => {
                const radio =
                  element.querySelector<HTMLInputElement>('input[type=radio]:checked') ??
                  element.querySelector<HTMLInputElement>('input[type=radio]');
                radio?.focus();
              },
            }
          : null,
      ),
    [chain],
  );

  return (
    <Card size="small" title={t('scoring.sheet.recommendation')} style={{ marginBottom: 12 }}>
      <Form layout="vertical" component="div">
        <div ref={focusGroup} data-testid="disposition">
          <Radio.Group
            disabled={isLocked}
            value={draft.code}
            optionType="button"
            onChange={(event) => {
              const code: unknown = event.target.value;
              if (isDispositionCode(code)) store.chooseDisposition(code);
            }}
            options={DISPOSITIONS.map((d) => ({
              value: d.code,
              label: labels.isEnglish ? d.nameEn : d.nameZh,
            }))}
            onBlur={flush}
          />
        </div>
        {target === 'type' ? (
          <Form.Item
            label={t('scoring.sheet.targetType')}
            style={{ marginTop: 12, marginBottom: 0 }}
          >
            <Select<BaseTypeCode>
              disabled={isLocked}
              style={{ width: 320 }}
              value={draft.targetType ?? undefined}
              onChange={(type) => store.setTargetType(type)}
              onBlur={flush}
              options={BASE_TYPES.map((info) => ({
                value: info.code,
                label: `${info.code} ${labels.typeName(info.code)}`,
                disabled: draft.code === 'convert' && info.code === base.type,
              }))}
              data-testid="target-type"
            />
          </Form.Item>
        ) : null}
        {target === 'base' ? (
          <Form.Item
            label={t('scoring.sheet.targetBase')}
            style={{ marginTop: 12, marginBottom: 0 }}
          >
            <Select<string>
              disabled={isLocked}
              showSearch={{ optionFilterProp: 'label' }}
              style={{ width: 480 }}
              value={draft.targetBaseId ?? undefined}
              onChange={(id) => store.setTargetBase(id)}
              onBlur={flush}
              options={roundBases
                .filter((b) => b.id !== base.id)
                .map((b) => ({ value: b.id, label: `${b.name}（${b.hostInstitution}）` }))}
              data-testid="target-base"
            />
          </Form.Item>
        ) : null}
        {decided.kind === 'incomplete' ? (
          <Typography.Text type="warning" style={{ display: 'block', marginTop: 8 }}>
            {t('scoring.sheet.chooseTargetFirst')}
          </Typography.Text>
        ) : (
          problems.map((problem) => (
            <Typography.Text
              key={problem.code}
              type="danger"
              style={{ display: 'block', marginTop: 8 }}
            >
              {problemText(problem, draft.code, base.type)}
            </Typography.Text>
          ))
        )}
        <Form.Item
          label={
            reasonRequired ? t('scoring.sheet.reasonRequired') : t('scoring.sheet.reasonOptional')
          }
          required={reasonRequired}
          style={{ marginTop: 12, marginBottom: 0 }}
        >
          <Input.TextArea
            readOnly={isLocked}
            variant={isLocked ? 'filled' : 'outlined'}
            disabled={!isLocked && decided.kind !== 'complete'}
            value={draft.reason}
            placeholder={t('scoring.sheet.reasonPlaceholder')}
            autoSize={{ minRows: 2, maxRows: 6 }}
            onChange={(event) => store.setReason(event.target.value)}
            onBlur={flush}
            data-testid="recommendation-reason"
          />
        </Form.Item>
      </Form>
    </Card>
  );
};

const OverallCommentCardView = () => {
  const { t } = useTranslation();
  const { store, saver, isLocked } = useSheetContext();
  const overall = useFormSlice((s) => s.overall);
  return (
    <Card size="small" title={t('scoring.sheet.overall')} style={{ marginBottom: 12 }}>
      <Input.TextArea
        readOnly={isLocked}
        variant={isLocked ? 'filled' : 'outlined'}
        value={overall}
        placeholder={t('scoring.sheet.overallPlaceholder')}
        aria-label={t('scoring.sheet.overall')}
        autoSize={{ minRows: 3, maxRows: 10 }}
        onChange={(event) => store.setOverall(event.target.value)}
        onBlur={() => void saver.flush()}
        data-testid="overall-comment"
      />
    </Card>
  );
};

/** Memoised: the sheet re-renders on every save state change, this part need not. */
export const RecommendationCard = memo(RecommendationCardView);

/** Memoised: the sheet re-renders on every save state change, this part need not. */
export const OverallCommentCard = memo(OverallCommentCardView);
