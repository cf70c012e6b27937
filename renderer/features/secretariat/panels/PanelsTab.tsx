// The panels area: panels, their experts and each expert's load, and the work on them.
import { Spin } from 'antd';
import type { Round } from '../../../../shared/domain/types';
import { useAssignments, useExperts, usePanels } from '../../../db/hooks';
import { useIssuedBundles } from '../../../db/setupHooks';
import { PanelsView } from './PanelsView';

export const PanelsTab = ({ round }: { round: Round }) => {
  const panels = usePanels(round.id);
  const experts = useExperts(round.id);
  const assignments = useAssignments(round.id);
  const issued = useIssuedBundles(round.id);
  if (!panels || !experts || !assignments || !issued) return <Spin />;
  return (
    <PanelsView
      round={round}
      panels={panels}
      experts={experts}
      assignments={assignments}
      issued={issued}
    />
  );
};
