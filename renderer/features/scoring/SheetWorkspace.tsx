// An open scoresheet: header with the live total and actions, base card, the indicator
// form, recommendation and overall assessment, audit log, and the dialogs of submit,
// recusal and reopen. Remounted (new form state) when the stored version is reloaded.
import { Alert, App } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { db } from '../../db/instance';
import { sheetState } from '../../db/queries';
import { fail } from '../../db/repositories/errors';
import type { ExpertPinRecord } from '../../db/repositories/expertPinRepository';
import {
  recuseScoresheet,
  reopenScoresheet,
  submitScoresheet,
} from '../../db/repositories/scoresheetRepository';
import type { SheetKey } from '../../db/repositories/scoresheetRepository';
import { secondaryIndicators } from '../../../shared/domain/templates';
import type {
  Assignment,
  Base,
  Expert,
  IndicatorTemplate,
  RoundChange,
  Scoresheet,
} from '../../../shared/domain/types';
import { ROUTES, scoringPrintSheetPath } from '../../app/routes';
import { AuditTrail, formatLocalTime } from './AuditTrail';
import { BaseInfoCard } from './BaseInfoCard';
import { FocusChain } from './focusChain';
import { IndicatorForm } from './IndicatorForm';
import { OverallCommentCard, RecommendationCard } from './RecommendationCard';
import { SheetContext } from './sheetContext';
import { MissingItemsModal, RecusalModal, ReopenModal, SubmitConfirmModal } from './SheetDialogs';
import { SheetFormStore } from './sheetFormStore';
import { SheetHeader } from './SheetHeader';
import type { ActionResult, SaveStatus, SheetSaver } from './sheetSaver';
import { formatPoints, formTotals, scoresOnlySheet } from './sheetTotals';
import { decisionFromDraft, draftProblems } from './recommendation';
import { missingItems } from './submitCheck';
import type { MissingItem } from './submitCheck';

type Dialog =
  | { kind: 'missing'; items: MissingItem[] }
  | { kind: 'submit' }
  | { kind: 'recuse' }
  | { kind: 'reopen' };

export type SheetWorkspaceProps = {
  sheetKey: SheetKey;
  expert: Expert;
  base: Base;
  template: IndicatorTemplate;
  roundBases: readonly Base[];
  /** Undefined only for a voided sheet whose assignment a re-issued bundle withdrew. */
  assignment: Assignment | undefined;
  /** The round change that voids the sheet (作废): read only, nothing can be done with it. */
  voided?: RoundChange;
  /** The stored sheet as the live query sees it. */
  stored: Scoresheet | null;
  /** The version the form starts from. */
  baseline: Scoresheet | null;
  saver: SheetSaver;
  status: SaveStatus;
  chair: Expert | undefined;
  chairPin: ExpertPinRecord | undefined;
  banner: ReactNode;
  /** After a recusal: the form must restart from the (cleared) sheet. */
  onReplaced: (sheet: Scoresheet) => void;
  /** The round is closed (结束评估): the sheet is shown, never changed. */
  isFrozen?: boolean;
};

export const SheetWorkspace = (props: SheetWorkspaceProps) => {
  const { sheetKey, expert, base, template, assignment, stored, saver, status } = props;
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [store] = useState(() => new SheetFormStore(template, props.baseline, saver, base.type));
  const [chain] = useState(() => new FocusChain(secondaryIndicators(template).map((s) => s.id)));
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const state = sheetState(assignment, stored ?? undefined);
  const isLocked =
    props.isFrozen === true ||
    props.voided !== undefined ||
    state === 'submitted' ||
    state === 'recused';
  const context = useMemo(
    () => ({ store, chain, saver, isLocked }),
    [store, chain, saver, isLocked],
  );
  const dispositionContext = useMemo(
    () => ({
      baseType: base.type,
      selfBaseId: base.id,
      existingBaseIds: new Set(props.roundBases.map((b) => b.id)),
    }),
    [base, props.roundBases],
  );

  useEffect(() => {
    if (!isLocked) chain.focusFirstOpen((id) => Object.hasOwn(store.getState().accepted, id));
    // Only when the sheet opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [chain, store]);

  const report = (result: ActionResult, done: string): boolean => {
    setDialog(null);
    if (result.ok) {
      message.success(done);
      return true;
    }
    message.error(
      result.reason === 'rejected' ? result.message : t(`scoring.actionFailed.${result.reason}`),
    );
    return false;
  };

  const startSubmit = async () => {
    if (isLocked) return;
    await saver.flush();
    const latest = saver.getLatest() ?? scoresOnlySheet(template, {});
    const { draft } = store.getState();
    const unsavedDraft =
      decisionFromDraft(draft).kind === 'incomplete'
        ? draftProblems(draft, dispositionContext)
        : [];
    const items = missingItems(
      latest,
      template,
      dispositionContext,
      store.invalidIds(),
      unsavedDraft,
    );
    setDialog(items.length > 0 ? { kind: 'missing', items } : { kind: 'submit' });
  };

  const submit = async () => {
    const result = await saver.runAction((sheetId, deps) =>
      sheetId === undefined
        ? Promise.resolve(fail<Scoresheet>('notFound', '评分表尚未创建'))
        : submitScoresheet(db, sheetId, expert.name, deps),
    );
    report(result, t('scoring.submitDialog.done'));
  };

  const recuse = async (reason: string) => {
    const result = await saver.runAction((_sheetId, deps) =>
      recuseScoresheet(db, sheetKey, reason, expert.name, deps),
    );
    if (report(result, t('scoring.recusal.done')) && result.ok) props.onReplaced(result.sheet);
  };

  const reopen = async (note: string) => {
    const result = await saver.runAction((sheetId, deps) =>
      sheetId === undefined
        ? Promise.resolve(fail<Scoresheet>('notFound', '评分表尚未创建'))
        : reopenScoresheet(db, sheetId, note, expert.name, deps),
    );
    report(result, t('scoring.reopen.done'));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void startSubmit();
    }
  };

  const recusal = stored?.recusal ?? assignment?.recusal;
  const lockBanner = props.voided ? (
    <Alert
      type="error"
      showIcon
      data-testid="sheet-locked"
      data-voided="true"
      title={t('voided.sheetBanner', {
        kind: t(`voided.kinds.${props.voided.kind}`),
        reason: props.voided.reason,
      })}
    />
  ) : state === 'recused' ? (
    <Alert
      type="warning"
      showIcon
      data-testid="sheet-locked"
      title={
        stored?.recusal
          ? t('scoring.sheet.recusedLocked', { reason: recusal?.reason ?? '' })
          : t('scoring.sheet.assignmentRecused', { reason: recusal?.reason ?? '' })
      }
    />
  ) : state === 'submitted' ? (
    <Alert
      type="success"
      showIcon
      data-testid="sheet-locked"
      title={t('scoring.sheet.submittedLocked', {
        at: formatLocalTime(stored?.submittedAt ?? ''),
      })}
    />
  ) : null;

  return (
    <SheetContext.Provider value={context}>
      <div onKeyDown={onKeyDown} data-testid="scoresheet">
        <SheetHeader
          base={base}
          template={template}
          state={state}
          isVoided={props.voided !== undefined}
          status={status}
          banner={props.banner}
          actions={{
            back: () => void saver.flush().then(() => navigate(ROUTES.scoring)),
            print: () => void saver.flush().then(() => navigate(scoringPrintSheetPath(base.id))),
            submit: () => void startSubmit(),
            recuse: () => setDialog({ kind: 'recuse' }),
            reopen: () => setDialog({ kind: 'reopen' }),
            retry: () => void saver.flush(),
          }}
        />
        {props.isFrozen ? (
          <Alert
            type="info"
            showIcon
            data-testid="sheet-frozen"
            title={t('closing.readOnly.scoring')}
            style={{ marginBottom: 12 }}
          />
        ) : null}
        {lockBanner ? <div style={{ marginBottom: 12 }}>{lockBanner}</div> : null}
        <BaseInfoCard base={base} expert={expert} />
        {isLocked ? null : (
          <Alert type="info" title={t('scoring.sheet.keyboardHint')} style={{ marginBottom: 12 }} />
        )}
        <IndicatorForm template={template} />
        <RecommendationCard base={base} roundBases={props.roundBases} />
        <OverallCommentCard />
        <AuditTrail sheetId={stored?.id} />
      </div>
      {dialog?.kind === 'missing' ? (
        <MissingItemsModal
          items={dialog.items}
          dispositionCode={store.getState().draft.code}
          baseType={base.type}
          onClose={() => setDialog(null)}
          onGo={(indicatorId) => {
            setDialog(null);
            if (indicatorId !== null) chain.focus(indicatorId);
            else chain.focusAfter();
          }}
        />
      ) : null}
      {dialog?.kind === 'submit' ? (
        <SubmitConfirmModal
          total={formatPoints(formTotals(template, store.getState().accepted).total)}
          onConfirm={submit}
          onCancel={() => setDialog(null)}
        />
      ) : null}
      {dialog?.kind === 'recuse' ? (
        <RecusalModal onConfirm={recuse} onCancel={() => setDialog(null)} />
      ) : null}
      {dialog?.kind === 'reopen' ? (
        <ReopenModal
          chair={props.chair}
          chairPin={props.chairPin}
          onConfirm={reopen}
          onCancel={() => setDialog(null)}
        />
      ) : null}
    </SheetContext.Provider>
  );
};
