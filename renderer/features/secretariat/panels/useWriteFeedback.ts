// Turns a panel or expert write's result into a message: success, the refusal in Chinese,
// and — when a panel's round bundle had already been issued — the warning that those panels
// need a new bundle.
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Panel } from '../../../../shared/domain/types';
import type { RepositoryResult } from '../../../db/repositories/errors';
import type { PanelWrite } from '../../../db/repositories/panelRepository';

export function useWriteFeedback(panels: readonly Panel[]) {
  const { t } = useTranslation();
  const { message } = App.useApp();

  /** Shows the outcome of a write; true when it succeeded. */
  const report = <T>(result: RepositoryResult<T>, success: string): boolean => {
    if (result.ok) message.success(success);
    else message.error(result.error.message);
    return result.ok;
  };

  /** The same, plus the warning for panels whose issued bundle is now out of date. */
  const reportWrite = <T>(result: RepositoryResult<PanelWrite<T>>, success: string): boolean => {
    if (!report(result, success) || !result.ok) return false;
    const ids = result.value.needsNewBundle;
    if (ids.length > 0) {
      const names = ids.map((id) => panels.find((p) => p.id === id)?.name ?? id).join('、');
      message.warning(t('setup.panels.needsNewBundle', { names }), 8);
    }
    return true;
  };

  return { report, reportWrite };
}
