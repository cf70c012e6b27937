// The roster area: the round's bases.
import { Spin } from 'antd';
import type { Round } from '../../../../shared/domain/types';
import { useBases, usePanels } from '../../../db/hooks';
import { BasesTable } from './BasesTable';

export const BasesTab = ({ round }: { round: Round }) => {
  const bases = useBases(round.id);
  const panels = usePanels(round.id);
  if (!bases || !panels) return <Spin />;
  return <BasesTable bases={bases} panels={panels} />;
};
