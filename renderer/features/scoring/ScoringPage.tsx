// Expert scoring area: choose who is scoring on this laptop (PIN-protected if they wish),
// then their bases with each scoresheet's state and total. A row opens the scoresheet.
import { Card, Empty, Space, Spin, Typography } from 'antd';
import type { Expert } from '../../../shared/domain/types';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  useAssignments,
  useBases,
  useCurrentRound,
  useExperts,
  usePanels,
  useScoresheets,
} from '../../db/hooks';
import { useVoidedSheets } from '../../db/voidedHooks';
import { scoringSheetPath } from '../../app/routes';
import { RoundBundleOpener } from './bundles/RoundBundleOpener';
import { ContinueHereButton } from './continue/ContinueHereButton';
import { ExpertBar } from './ExpertBar';
import { MyBasesTable } from './MyBasesTable';
import { ForgotPinLink, PinPrompt } from './PinDialogs';
import { PinResetFlow } from './PinResetDialog';
import { setUnlockedExpertId } from './expertSession';
import { useCurrentExpert, useExpertPins, useTemplateMap } from './useScoringData';
import { buildWorkRows, workProgress } from './workRows';

/** Who imports a round bundle before any expert is chosen (audit log, stored in Chinese). */
const PANEL_ACTOR = '评审组电脑';

export const ScoringPage = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const round = useCurrentRound();
  const experts = useExperts(round?.id);
  const panels = usePanels(round?.id);
  const bases = useBases(round?.id);
  const assignments = useAssignments(round?.id);
  const sheets = useScoresheets(round?.id);
  const templateById = useTemplateMap();
  const pins = useExpertPins();
  const current = useCurrentExpert(experts);
  const expertId = current.kind === 'ready' ? current.expert.id : undefined;
  // The locked expert's forgotten-PIN reset; kept here as the locked view unmounts on reset.
  const [resetting, setResetting] = useState<Expert | null>(null);

  const voided = useVoidedSheets(round?.id, sheets, assignments);
  const rows = useMemo(
    () =>
      expertId === undefined || !bases || !assignments || !sheets || !templateById || !voided
        ? undefined
        : buildWorkRows({ expertId, bases, assignments, sheets, templateById, voided }),
    [expertId, bases, assignments, sheets, templateById, voided],
  );

  // The bundle opener keeps its place in the tree whatever the state of the round, so its
  // dialogs survive the import that makes a round appear.
  const header = (
    <Space style={{ width: '100%', justifyContent: 'space-between' }} align="start">
      <Typography.Title level={3}>{t('scoring.title')}</Typography.Title>
      <Space wrap>
        {round ? (
          <ContinueHereButton
            roundId={round.id}
            actor={current.kind === 'ready' ? current.expert.name : ''}
          />
        ) : null}
        <RoundBundleOpener
          actor={current.kind === 'ready' ? current.expert.name : PANEL_ACTOR}
          showHint={round === null}
        />
      </Space>
    </Space>
  );
  if (round === undefined) return <Spin />;
  if (round === null) {
    return (
      <div>
        {header}
        <Empty description={t('home.noRoundTitle')} />
      </div>
    );
  }
  if (!experts || !panels || !pins || current.kind === 'loading') {
    return (
      <div>
        {header}
        <Spin />
      </div>
    );
  }

  return (
    <div>
      {header}
      <Typography.Paragraph type="secondary">{t('scoring.intro')}</Typography.Paragraph>
      <Card>
        <ExpertBar
          experts={experts}
          panels={panels}
          pins={pins}
          current={current}
          progress={rows ? workProgress(rows) : undefined}
        />
        {experts.length === 0 ? <Empty description={t('scoring.noExperts')} /> : null}
        {current.kind === 'locked' ? (
          <div data-testid="expert-locked">
            <Typography.Title level={5}>
              {t('scoring.pin.lockedTitle', { name: current.expert.name })}
            </Typography.Title>
            <Typography.Paragraph type="secondary">
              {t('scoring.pin.lockedBody', { name: current.expert.name })}
            </Typography.Paragraph>
            <PinPrompt
              label={t('scoring.pin.pin')}
              submitLabel={t('scoring.pin.unlock')}
              testId="pin-locked"
              expert={current.expert}
              record={pins[current.expert.id]}
              onUnlocked={() => setUnlockedExpertId(current.expert.id)}
            />
            <ForgotPinLink onClick={() => setResetting(current.expert)} />
          </div>
        ) : null}
        {resetting ? (
          <PinResetFlow
            expert={resetting}
            panels={panels}
            experts={experts}
            pins={pins}
            onReset={() => setUnlockedExpertId(resetting.id)}
            onClose={() => setResetting(null)}
          />
        ) : null}
        {current.kind === 'ready' && rows ? (
          <MyBasesTable rows={rows} onOpen={(baseId) => void navigate(scoringSheetPath(baseId))} />
        ) : null}
        {current.kind === 'ready' && !rows ? <Spin /> : null}
      </Card>
    </div>
  );
};
