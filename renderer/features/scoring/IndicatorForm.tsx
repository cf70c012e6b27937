// The indicator system as a two-level form: one block per primary indicator with its
// subtotal, one row per secondary with its maximum, score input and optional comment.
import { Card, Input, Typography } from 'antd';
import type { InputRef } from 'antd';
import { memo, useMemo } from 'react';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  IndicatorTemplate,
  PrimaryIndicator,
  SecondaryIndicator,
} from '../../../shared/domain/types';
import { parseScoreText } from './scoreInput';
import { useFormSlice, useSheetContext } from './sheetContext';
import { formatPoints, formTotals } from './sheetTotals';

const ROW_STYLE = {
  display: 'grid',
  gridTemplateColumns: 'minmax(220px, 1fr) 130px minmax(220px, 1.2fr)',
  gap: 12,
  alignItems: 'start',
  padding: '6px 0',
  borderBottom: '1px solid #f5f5f5',
} as const;

const ScoreField = memo(({ indicator }: { indicator: SecondaryIndicator }) => {
  const { t } = useTranslation();
  const { store, chain, saver, isLocked } = useSheetContext();
  const { id, name, maxPoints } = indicator;
  const text = useFormSlice((s) => s.texts[id] ?? '');
  const accepted = useFormSlice((s) => s.accepted[id]);
  const ref = useMemo(() => chain.register(id), [chain, id]);
  const parsed = parseScoreText(text, maxPoints);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (isLocked) return;
    if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      chain.focusNext(id);
    } else if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
      event.preventDefault();
      store.stepScore(id, event.key === 'ArrowUp' ? 1 : -1);
    } else if (event.key === 'Escape') {
      store.revertScore(id);
    }
  };

  const refusal =
    parsed.kind === 'invalid'
      ? t(accepted === undefined ? 'scoring.sheet.refusedEmpty' : 'scoring.sheet.refusedKept', {
          message: t(`scoring.scoreErrors.${parsed.code}`, { max: maxPoints }),
          value: accepted === undefined ? '' : formatPoints(accepted),
        })
      : null;

  return (
    <div>
      <Input
        ref={(target: InputRef | null) => ref(target)}
        value={text}
        readOnly={isLocked}
        variant={isLocked ? 'filled' : 'outlined'}
        status={refusal ? 'error' : undefined}
        inputMode="decimal"
        autoComplete="off"
        aria-label={t('scoring.sheet.scoreLabel', { name, max: maxPoints })}
        aria-invalid={refusal !== null}
        suffix={<span style={{ color: '#8c8c8c' }}>/ {maxPoints}</span>}
        onChange={(event) => store.setScoreText(id, event.target.value)}
        onKeyDown={onKeyDown}
        onBlur={() => void saver.flush()}
        data-testid={`score-${id}`}
      />
      {refusal ? (
        <Typography.Text
          type="danger"
          role="alert"
          style={{ fontSize: 12, display: 'block' }}
          data-testid={`score-error-${id}`}
        >
          {refusal}
        </Typography.Text>
      ) : null}
    </div>
  );
});
ScoreField.displayName = 'ScoreField';

const CommentField = memo(
  ({
    indicatorId,
    placeholder,
    multiline,
  }: {
    indicatorId: string;
    placeholder: string;
    multiline?: boolean;
  }) => {
    const { store, chain, saver, isLocked } = useSheetContext();
    const value = useFormSlice((s) => s.comments[indicatorId] ?? '');
    // Locked sheets stay readable (read-only, not greyed out as disabled would be).
    const common = {
      value,
      readOnly: isLocked,
      variant: isLocked ? ('filled' as const) : ('outlined' as const),
      placeholder,
      'aria-label': placeholder,
      onBlur: () => void saver.flush(),
      'data-testid': `comment-${indicatorId}`,
    };
    if (multiline) {
      return (
        <Input.TextArea
          {...common}
          autoSize={{ minRows: 1, maxRows: 4 }}
          onChange={(event) => store.setComment(indicatorId, event.target.value)}
        />
      );
    }
    return (
      <Input
        {...common}
        onChange={(event) => store.setComment(indicatorId, event.target.value)}
        onKeyDown={(event) => {
          if (event.key !== 'Enter') return;
          event.preventDefault();
          chain.focusNext(indicatorId);
        }}
      />
    );
  },
);
CommentField.displayName = 'CommentField';

const PrimaryBlock = ({
  primary,
  template,
}: {
  primary: PrimaryIndicator;
  template: IndicatorTemplate;
}) => {
  const { t } = useTranslation();
  // A number, so the block re-renders only when its own subtotal changes.
  const subtotal = useFormSlice((s) => formTotals(template, s.accepted).byPrimary[primary.id] ?? 0);
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      title={`${primary.name}（${t('scoring.sheet.max', { max: primary.maxPoints })}）`}
      extra={
        <Typography.Text strong data-testid={`subtotal-${primary.id}`}>
          {t('scoring.sheet.subtotal', { score: formatPoints(subtotal), max: primary.maxPoints })}
        </Typography.Text>
      }
    >
      {primary.children.map((child) => (
        <div key={child.id} style={ROW_STYLE}>
          <div>
            <Typography.Text>{child.name}</Typography.Text>
            <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
              {t('scoring.sheet.max', { max: child.maxPoints })}
            </Typography.Text>
          </div>
          <ScoreField indicator={child} />
          <CommentField indicatorId={child.id} placeholder={t('scoring.sheet.comment')} />
        </div>
      ))}
      <div style={{ paddingTop: 8 }}>
        <CommentField
          indicatorId={primary.id}
          multiline
          placeholder={t('scoring.sheet.primaryComment', { name: primary.name })}
        />
      </div>
    </Card>
  );
};

const IndicatorFormView = ({ template }: { template: IndicatorTemplate }) => (
  <div data-testid="indicator-form">
    {template.primaries.map((primary) => (
      <PrimaryBlock key={primary.id} primary={primary} template={template} />
    ))}
  </div>
);

/** Memoised: the sheet re-renders on every save state change, this part need not. */
export const IndicatorForm = memo(IndicatorFormView);
