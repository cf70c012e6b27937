// 分组与回避: bases to panels and experts to bases, with conflicts of interest. The options
// (experts per base, keep existing panels) serve both the automatic assignment and manual
// moves; three views below: bases by panel, the matrix of one panel, the conflicts.
import { Alert, Empty, Space, Spin, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Round } from '../../../../shared/domain/types';
import { AutoAssignBar } from './AutoAssignBar';
import { ConflictList } from './ConflictList';
import { DeclareConflictDialog } from './DeclareConflictDialog';
import type { DeclarePair } from './DeclareConflictDialog';
import { MatrixView } from './MatrixView';
import { PanelBalanceCard } from './PanelBalanceCard';
import { PlacementTable } from './PlacementTable';
import { RoundChangesCard } from './RoundChangesCard';
import { useAssignOptions } from './useAssignOptions';
import { useAssignmentData } from './useAssignmentData';

type View = 'placement' | 'matrix' | 'conflicts';

export const AssignmentTab = ({ round }: { round: Round }) => {
  const { t } = useTranslation();
  const data = useAssignmentData(round);
  const [options, setOptions] = useAssignOptions(round.id);
  const [view, setView] = useState<View>('placement');
  const [matrixPanelId, setMatrixPanelId] = useState<string | undefined>();
  const [declaring, setDeclaring] = useState<DeclarePair | null>(null);
  if (!data) return <Spin />;

  const readOnlyReason = round.archive
    ? t('assignment.readOnlyArchived')
    : round.status === 'closed'
      ? t('assignment.readOnlyClosed')
      : undefined;
  const isReadOnly = readOnlyReason !== undefined;
  const { panels, bases } = data.records;

  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="assignment-tab">
      <Typography.Paragraph type="secondary">{t('assignment.intro')}</Typography.Paragraph>
      {readOnlyReason ? <Alert type="info" showIcon message={readOnlyReason} /> : null}
      {panels.length === 0 ? (
        <Alert type="warning" showIcon message={t('assignment.noPanels')} />
      ) : null}
      {bases.length === 0 ? (
        <Empty description={t('assignment.noBases')} />
      ) : (
        <>
          <RoundChangesCard data={data} expertsPerBase={options.expertsPerBase} />
          <AutoAssignBar
            data={data}
            options={options}
            onOptionsChange={setOptions}
            isReadOnly={isReadOnly || panels.length === 0}
          />
          <PanelBalanceCard data={data} />
          <Tabs
            activeKey={view}
            onChange={(key) => {
              if (key === 'placement' || key === 'matrix' || key === 'conflicts') setView(key);
            }}
            destroyOnHidden
            data-testid="assignment-views"
            items={[
              {
                key: 'placement',
                label: t('assignment.views.placement'),
                children: (
                  <PlacementTable
                    data={data}
                    expertsPerBase={options.expertsPerBase}
                    isReadOnly={isReadOnly}
                  />
                ),
              },
              {
                key: 'matrix',
                label: t('assignment.views.matrix'),
                children: (
                  <MatrixView
                    data={data}
                    panelId={matrixPanelId}
                    onPanelChange={setMatrixPanelId}
                    expertsPerBase={options.expertsPerBase}
                    isReadOnly={isReadOnly}
                    onDeclare={(pair) => setDeclaring(pair)}
                  />
                ),
              },
              {
                key: 'conflicts',
                label: t('assignment.views.conflicts'),
                children: (
                  <ConflictList
                    data={data}
                    isReadOnly={isReadOnly}
                    onDeclare={() => setDeclaring(matrixPanelId ? { panelId: matrixPanelId } : {})}
                  />
                ),
              },
            ]}
          />
        </>
      )}
      {declaring ? (
        <DeclareConflictDialog data={data} initial={declaring} onClose={() => setDeclaring(null)} />
      ) : null}
    </Space>
  );
};
