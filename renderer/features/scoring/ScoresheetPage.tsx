// Route /scoring/sheet/:baseId: the current expert's scoresheet for one base. Loads what
// the sheet needs, owns the saver for as long as the sheet is open, and tells the expert
// when another window changed the sheet (offering to load that version).
import { Alert, Button, Empty, Result, Spin } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useParams } from 'react-router';
import { useAssignments, useBases, useCurrentRound, useExperts, usePanels } from '../../db/hooks';
import { db } from '../../db/instance';
import { useRoundChanges } from '../../db/roundChangeHooks';
import { voidedBySheet } from '../../db/voidedHooks';
import type { SheetKey } from '../../db/repositories/scoresheetRepository';
import type { ExpertPins } from '../../db/repositories/expertPinRepository';
import type {
  Assignment,
  Base,
  Expert,
  IndicatorTemplate,
  RoundChange,
  Scoresheet,
} from '../../../shared/domain/types';
import { ROUTES } from '../../app/routes';
import { SheetWorkspace } from './SheetWorkspace';
import { useCurrentExpert, useExpertPins, useStoredSheet, useTemplateMap } from './useScoringData';
import { useSheetSaver } from './useSheetSaver';

type EditorProps = {
  sheetKey: SheetKey;
  expert: Expert;
  base: Base;
  template: IndicatorTemplate;
  roundBases: readonly Base[];
  assignment: Assignment | undefined;
  voided: RoundChange | undefined;
  stored: Scoresheet | null;
  chair: Expert | undefined;
  pins: ExpertPins;
  isFrozen: boolean;
};

const SheetEditor = (props: EditorProps) => {
  const { t } = useTranslation();
  const { saver, status } = useSheetSaver(props.sheetKey, props.expert.name, props.stored);
  const [epoch, setEpoch] = useState(0);
  const [baseline, setBaseline] = useState<Scoresheet | null>(props.stored);
  const restartFrom = (sheet: Scoresheet | null) => {
    setBaseline(sheet);
    setEpoch((n) => n + 1);
  };

  const banner =
    status.kind === 'conflict' ? (
      <Alert
        type="error"
        showIcon
        role="alert"
        data-testid="sheet-conflict"
        title={t('scoring.conflict.title')}
        description={t('scoring.conflict.body')}
        action={
          <Button
            danger
            onClick={() => {
              saver.reload(props.stored);
              restartFrom(props.stored);
            }}
            data-testid="sheet-reload"
          >
            {t('scoring.conflict.reload')}
          </Button>
        }
      />
    ) : null;

  return (
    <SheetWorkspace
      key={epoch}
      {...props}
      baseline={baseline}
      saver={saver}
      status={status}
      chairPin={props.chair ? props.pins[props.chair.id] : undefined}
      banner={banner}
      onReplaced={restartFrom}
    />
  );
};

export const ScoresheetPage = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { baseId = '' } = useParams();
  const round = useCurrentRound();
  const experts = useExperts(round?.id);
  const panels = usePanels(round?.id);
  const roundBases = useBases(round?.id);
  const assignments = useAssignments(round?.id);
  const templateById = useTemplateMap();
  const pins = useExpertPins();
  const current = useCurrentExpert(experts);
  const expertId = current.kind === 'ready' ? current.expert.id : '';
  const base = useLiveQuery(async () => (await db.bases.get(baseId)) ?? null, [baseId]);
  const stored = useStoredSheet(expertId, baseId);
  const changes = useRoundChanges(round?.id);

  if (round === null) return <Empty description={t('home.noRoundTitle')} />;
  if (current.kind === 'none' || current.kind === 'locked') {
    return <Navigate to={ROUTES.scoring} replace />;
  }
  if (
    current.kind === 'loading' ||
    round === undefined ||
    !panels ||
    !roundBases ||
    !assignments ||
    !templateById ||
    !pins ||
    !changes ||
    base === undefined ||
    (base !== null && base.id !== baseId) ||
    stored === undefined
  ) {
    return <Spin />;
  }
  const back = (
    <Button onClick={() => void navigate(ROUTES.scoring)}>{t('scoring.sheet.back')}</Button>
  );
  if (base === null || base.roundId !== round.id) {
    return <Result status="404" title={t('scoring.sheet.notFound')} extra={back} />;
  }
  const expert = current.expert;
  const assignment = assignments.find((a) => a.expertId === expert.id && a.baseId === base.id);
  // A voided sheet (作废) opens read only, even when its assignment was withdrawn.
  const voided = stored ? voidedBySheet([stored], changes, assignments).get(stored.id) : undefined;
  if (!assignment && !voided) {
    return <Result status="warning" title={t('scoring.sheet.notAssigned')} extra={back} />;
  }
  const templateId = stored?.templateId ?? round.templateByType[base.type];
  const template = templateId === undefined ? undefined : templateById.get(templateId);
  if (!template)
    return <Result status="error" title={t('scoring.sheet.noTemplate')} extra={back} />;
  const panel = panels.find((p) => p.id === expert.panelId);
  const chair = experts?.find((e) => e.id === panel?.chairExpertId);

  return (
    <SheetEditor
      key={`${expert.id}/${base.id}`}
      sheetKey={{ roundId: round.id, expertId: expert.id, baseId: base.id }}
      expert={expert}
      base={base}
      template={template}
      roundBases={roundBases}
      assignment={assignment}
      voided={voided}
      stored={stored}
      chair={chair}
      pins={pins}
      isFrozen={round.status === 'closed'}
    />
  );
};
