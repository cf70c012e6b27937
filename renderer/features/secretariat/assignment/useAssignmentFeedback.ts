// Turns the outcome of an assignment write into messages: success, the refusal in Chinese,
// and each notice (panels needing a new round bundle, started sheets turned 回避 …).
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Panel } from '../../../../shared/domain/types';
import type { RepositoryResult } from '../../../db/repositories/errors';
import type {
  AssignmentNotice,
  AssignmentWriteSummary,
} from '../../../db/repositories/assignmentRepository';

export function useNoticeText(panelById: ReadonlyMap<string, Panel>) {
  const { t } = useTranslation();
  return (notice: AssignmentNotice): string => {
    if (notice.code === 'bundlesIssued') {
      const names = notice.panelIds.map((id) => panelById.get(id)?.name ?? id).join('、');
      return t('assignment.notices.bundlesIssued', { names });
    }
    return t(`assignment.notices.${notice.code}`, { count: notice.count });
  };
}

export function useAssignmentFeedback(panelById: ReadonlyMap<string, Panel>) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const noticeText = useNoticeText(panelById);
  /** Shows the outcome; true when the write succeeded. */
  return (result: RepositoryResult<AssignmentWriteSummary>, success: string): boolean => {
    if (!result.ok) {
      message.error(t('assignment.failed', { message: result.error.message }));
      return false;
    }
    message.success(success);
    for (const notice of result.value.notices) message.warning(noticeText(notice), 8);
    return true;
  };
}
