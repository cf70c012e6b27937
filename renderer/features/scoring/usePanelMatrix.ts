// The panel matrix of the current round, live.
import { useMemo } from 'react';
import {
  useAssignments,
  useBases,
  useCurrentRound,
  useExperts,
  usePanels,
  useScoresheets,
} from '../../db/hooks';
import { useVoidedSheets } from '../../db/voidedHooks';
import type { Panel, Round } from '../../../shared/domain/types';
import { buildPanelMatrix } from './panelMatrix';
import type { PanelMatrix } from './panelMatrix';
import { useTemplateMap } from './useScoringData';

export type PanelMatrixData =
  | { kind: 'loading' }
  | { kind: 'noRound' }
  | { kind: 'ready'; round: Round; panels: Panel[]; matrix: PanelMatrix | null };

/** The matrix of `preferredPanelId`, or of the round's first panel when none is given. */
export function usePanelMatrix(preferredPanelId: string | undefined): PanelMatrixData {
  const round = useCurrentRound();
  const panels = usePanels(round?.id);
  const experts = useExperts(round?.id);
  const bases = useBases(round?.id);
  const assignments = useAssignments(round?.id);
  const sheets = useScoresheets(round?.id);
  const templateById = useTemplateMap();
  const voided = useVoidedSheets(round?.id, sheets, assignments);
  const matrix = useMemo(() => {
    const panel = panels?.find((p) => p.id === preferredPanelId) ?? panels?.[0];
    if (!panel || !experts || !bases || !assignments || !sheets || !templateById || !voided) {
      return null;
    }
    const input = { panel, experts, bases, assignments, sheets, templateById, voided };
    return buildPanelMatrix(input);
  }, [preferredPanelId, panels, experts, bases, assignments, sheets, templateById, voided]);

  if (round === null) return { kind: 'noRound' };
  if (
    !round ||
    !panels ||
    !experts ||
    !bases ||
    !assignments ||
    !sheets ||
    !templateById ||
    !voided
  ) {
    return { kind: 'loading' };
  }
  return { kind: 'ready', round, panels, matrix };
}
