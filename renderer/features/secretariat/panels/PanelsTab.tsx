// The panels area: panels, their experts and each expert's load.
import { Spin } from 'antd';
import type { Round } from '../../../../shared/domain/types';
import { useAssignments, useExperts, usePanels } from '../../../db/hooks';
import { PanelsView } from './PanelsView';

export const PanelsTab = ({ round }: { round: Round }) => {
  const panels = usePanels(round.id);
  const experts = useExperts(round.id);
  const assignments = useAssignments(round.id);
  if (!panels || !experts || !assignments) return <Spin />;
  return <PanelsView panels={panels} experts={experts} assignments={assignments} />;
};
