// Runs a write of a change after issue (or its undo) and tells the clerk the outcome: the
// refusal as the repository says it, or success with how many sheets it voided (or counted
// again) and which panels need their round bundle issued again.
import { App } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RepositoryResult } from '../../../db/repositories/errors';
import type { RoundChangeSummary } from '../../../db/repositories/roundChangeRepository';
import type { AssignmentData } from './useAssignmentData';

export function useChangeWrite(data: AssignmentData, successKey: 'recorded' | 'undoneDone') {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [isBusy, setBusy] = useState(false);
  /** Runs the write; true when it succeeded. */
  const run = async (write: () => Promise<RepositoryResult<RoundChangeSummary>>) => {
    setBusy(true);
    try {
      const result = await write();
      if (!result.ok) {
        message.error(result.error.message);
        return false;
      }
      message.success(t(`changes.${successKey}`, { count: result.value.sheets }));
      if (result.value.panelsToReissue.length > 0) {
        const names = result.value.panelsToReissue
          .map((id) => data.panelById.get(id)?.name ?? id)
          .join('、');
        message.warning(t('changes.reissue', { names }), 8);
      }
      return true;
    } finally {
      setBusy(false);
    }
  };
  return { run, isBusy };
}
