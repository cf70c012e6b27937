// Panels with their experts and each expert's load, and the secretariat's work on them:
// create, rename and delete panels, add, edit and remove experts, choose chairs, and import
// experts from a sheet. In an archived or closed round everything is shown read-only. Five
// panels a page (pagedCards.tsx says why).
import { ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Empty, Space } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { panelsLockedReason } from '../../../../shared/domain/panels';
import type { ExpertFields } from '../../../../shared/domain/panels';
import type { Assignment, Expert, Panel, Round } from '../../../../shared/domain/types';
import { db } from '../../../db/instance';
import type { IssuedBundle } from '../../../db/repositories/issueRepository';
import {
  addExpert,
  createPanel,
  deletePanel,
  removeExpert,
  renamePanel,
  setPanelChair,
  updateExpert,
} from '../../../db/repositories/panelRepository';
import { usePagedCards } from '../pagedCards';
import { SETUP_ACTOR, setupDeps } from '../setupDeps';
import { ExpertDialog } from './ExpertDialog';
import { ExpertImportDialog, usePickExpertTable } from './ExpertImportDialog';
import type { PickedTable } from './ExpertImportDialog';
import { PanelCard, loadOf } from './PanelCard';
import type { PanelCardActions } from './PanelCard';
import { PanelNameDialog } from './PanelNameDialog';
import { useWriteFeedback } from './useWriteFeedback';

type Dialog =
  | { kind: 'newPanel' }
  | { kind: 'rename'; panel: Panel }
  | { kind: 'addExpert'; panel: Panel }
  | { kind: 'editExpert'; expert: Expert }
  | { kind: 'import'; table: PickedTable };

export const PanelsView = ({
  round,
  panels,
  experts,
  assignments,
  issued,
}: {
  round: Round;
  panels: Panel[];
  experts: Expert[];
  assignments: Assignment[];
  issued: Record<string, IssuedBundle>;
}) => {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const { report, reportWrite } = useWriteFeedback(panels);
  const pickTable = usePickExpertTable();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const loadByExpert = useMemo(() => loadOf(assignments), [assignments]);
  const lockedReason = panelsLockedReason(round);
  const { shown, pager } = usePagedCards(panels, 'panel-pages');
  const close = () => setDialog(null);

  const deleteWithConfirm = (panel: Panel) => {
    const members = experts.filter((e) => e.panelId === panel.id).length;
    const tasks = assignments.filter((a) => a.panelId === panel.id).length;
    const isEmpty = members === 0 && tasks === 0;
    modal.confirm({
      title: t('setup.panels.deleteTitle', { name: panel.name }),
      content: isEmpty
        ? t('setup.panels.deleteEmpty')
        : t('setup.panels.deleteWithMembers', { experts: members, assignments: tasks }),
      okText: isEmpty ? t('setup.panels.delete') : t('setup.panels.deleteAll'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        const result = await deletePanel(
          db,
          panel.id,
          { withMembers: !isEmpty },
          SETUP_ACTOR,
          setupDeps,
        );
        report(result, t('setup.panels.deleted', { name: panel.name }));
      },
    });
  };

  const actions: PanelCardActions = {
    onRename: (panel) => setDialog({ kind: 'rename', panel }),
    onDelete: deleteWithConfirm,
    onChooseChair: (panel, expertId) =>
      void setPanelChair(db, panel.id, expertId, SETUP_ACTOR, setupDeps).then((result) =>
        reportWrite(result, t('setup.panels.chairSaved')),
      ),
    onAddExpert: (panel) => setDialog({ kind: 'addExpert', panel }),
    onEditExpert: (expert) => setDialog({ kind: 'editExpert', expert }),
    onRemoveExpert: (expert) =>
      void removeExpert(db, expert.id, SETUP_ACTOR, setupDeps).then((result) =>
        reportWrite(result, t('setup.experts.removed', { name: expert.name })),
      ),
  };

  const saveExpert = async (fields: ExpertFields, panelId: string, expert?: Expert) => {
    const result = expert
      ? await updateExpert(db, expert.id, { fields, panelId }, SETUP_ACTOR, setupDeps)
      : await addExpert(db, { roundId: round.id, panelId, fields }, SETUP_ACTOR, setupDeps);
    return reportWrite(result, t('setup.experts.saved', { name: fields.name.trim() }));
  };

  const startImport = async () => {
    const table = await pickTable();
    if (table) setDialog({ kind: 'import', table });
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {lockedReason ? (
        <Alert type="info" showIcon title={lockedReason} />
      ) : (
        <Space wrap>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setDialog({ kind: 'newPanel' })}
            data-testid="add-panel"
          >
            {t('setup.panels.add')}
          </Button>
          <Button
            icon={<ImportOutlined />}
            disabled={panels.length === 0}
            onClick={() => void startImport()}
            data-testid="import-experts"
          >
            {t('setup.panels.importExperts')}
          </Button>
        </Space>
      )}
      {panels.length === 0 ? <Empty description={t('setup.panels.none')} /> : null}
      {pager}
      {shown.map((panel) => (
        <PanelCard
          key={panel.id}
          panel={panel}
          experts={experts.filter((expert) => expert.panelId === panel.id)}
          loadByExpert={loadByExpert}
          issued={issued[panel.id]}
          isLocked={lockedReason !== undefined}
          actions={actions}
        />
      ))}
      {pager}
      {dialog?.kind === 'newPanel' || dialog?.kind === 'rename' ? (
        <PanelNameDialog
          title={
            dialog.kind === 'rename' ? t('setup.panels.renameTitle') : t('setup.panels.addTitle')
          }
          initialName={dialog.kind === 'rename' ? dialog.panel.name : ''}
          otherPanels={
            dialog.kind === 'rename' ? panels.filter((p) => p.id !== dialog.panel.id) : panels
          }
          onSave={async (name) =>
            dialog.kind === 'rename'
              ? report(
                  await renamePanel(db, dialog.panel.id, name, SETUP_ACTOR, setupDeps),
                  t('setup.panels.renamed'),
                )
              : report(
                  await createPanel(db, { roundId: round.id, name }, SETUP_ACTOR, setupDeps),
                  t('setup.panels.created', { name: name.trim() }),
                )
          }
          onClose={close}
        />
      ) : null}
      {dialog?.kind === 'addExpert' ? (
        <ExpertDialog
          title={t('setup.experts.addTitle', { panel: dialog.panel.name })}
          panels={panels}
          panelId={dialog.panel.id}
          onSave={(fields, panelId) => saveExpert(fields, panelId)}
          onClose={close}
        />
      ) : null}
      {dialog?.kind === 'editExpert' ? (
        <ExpertDialog
          title={t('setup.experts.editTitle', { name: dialog.expert.name })}
          expert={dialog.expert}
          panels={panels}
          panelId={dialog.expert.panelId}
          onSave={(fields, panelId) => saveExpert(fields, panelId, dialog.expert)}
          onClose={close}
        />
      ) : null}
      {dialog?.kind === 'import' ? (
        <ExpertImportDialog
          round={round}
          table={dialog.table}
          panels={panels}
          experts={experts}
          onClose={close}
        />
      ) : null}
    </Space>
  );
};
