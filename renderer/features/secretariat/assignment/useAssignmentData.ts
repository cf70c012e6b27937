// The assignment screen's data: the round's records through live queries, and what every
// view derives from them once (conflicts, lookups by id, bases per panel, started bases).
// `undefined` while anything is loading.
import { useMemo } from 'react';
import { replacedExpertIds, withdrawnBaseIds } from '../../../../shared/domain/roundChanges';
import type { Base, Expert, Panel, Round } from '../../../../shared/domain/types';
import { roundConflicts, startedPairs } from '../../../../shared/secretariat/assignmentChanges';
import type { RoundAssignmentRecords } from '../../../../shared/secretariat/assignmentChanges';
import type { ConflictOfInterest } from '../../../../shared/secretariat/conflicts';
import { useAssignments, useBases, useExperts, usePanels, useScoresheets } from '../../../db/hooks';
import { useRoundChanges } from '../../../db/roundChangeHooks';
import { useIssuedBundles } from '../../../db/setupHooks';

export type AssignmentData = {
  round: Round;
  records: RoundAssignmentRecords;
  conflicts: ConflictOfInterest[];
  panelById: Map<string, Panel>;
  expertById: Map<string, Expert>;
  /** Every stored base, withdrawn ones too (the changes list names them). */
  baseById: Map<string, Base>;
  /** Bases someone started scoring: their panel can no longer change. */
  startedBaseIds: Set<string>;
  /** Panels whose round bundle was issued. */
  issuedPanelIds: Set<string>;
};

export function useAssignmentData(round: Round): AssignmentData | undefined {
  const bases = useBases(round.id);
  const panels = usePanels(round.id);
  const experts = useExperts(round.id);
  const assignments = useAssignments(round.id);
  const scoresheets = useScoresheets(round.id);
  const issued = useIssuedBundles(round.id);
  const changes = useRoundChanges(round.id);
  return useMemo(() => {
    if (!bases || !panels || !experts || !assignments || !scoresheets || !issued || !changes) {
      return undefined;
    }
    // A base withdrawn, or an expert replaced, by a change (轮次变更) is out of every view
    // and every assignment.
    const withdrawn = withdrawnBaseIds(changes);
    const replaced = replacedExpertIds(changes);
    const records = {
      bases: bases.filter((b) => !withdrawn.has(b.id)),
      panels,
      experts: experts.filter((e) => !replaced.has(e.id)),
      assignments,
      scoresheets,
    };
    const started = startedPairs(scoresheets);
    return {
      round,
      records,
      conflicts: roundConflicts(records),
      panelById: new Map(panels.map((p) => [p.id, p])),
      expertById: new Map(experts.map((e) => [e.id, e])),
      baseById: new Map(bases.map((b) => [b.id, b])),
      startedBaseIds: new Set(
        scoresheets
          .filter((s) => started.has(`${s.expertId}\u0000${s.baseId}`))
          .map((s) => s.baseId),
      ),
      issuedPanelIds: new Set(Object.keys(issued)),
    };
  }, [round, bases, panels, experts, assignments, scoresheets, issued, changes]);
}
