// A change after issue (轮次变更) as the 轮次变更 card shows it: its kind and what it did, with
// names from the assignment screen's records (an id where a record is no longer stored).
import { useTranslation } from 'react-i18next';
import type { RoundChange } from '../../../../shared/domain/types';
import type { AssignmentData } from './useAssignmentData';

export function useChangeText(data: AssignmentData) {
  const { t } = useTranslation();
  const expert = (id: string | undefined) =>
    id === undefined ? '—' : (data.expertById.get(id)?.name ?? id);
  const base = (id: string | undefined) =>
    id === undefined ? '—' : (data.baseById.get(id)?.name ?? id);
  const panel = (id: string | undefined) =>
    id === undefined ? t('changes.noPanel') : (data.panelById.get(id)?.name ?? id);
  return {
    kind: (change: RoundChange): string => t(`changes.kinds.${change.kind}`),
    subject: (change: RoundChange): string =>
      t(`changes.subject.${change.kind}`, {
        expert: expert(change.expertId),
        replacement: expert(change.replacementExpertId),
        base: base(change.baseId),
        from: panel(change.fromPanelId),
        to: panel(change.toPanelId),
      }),
  };
}
