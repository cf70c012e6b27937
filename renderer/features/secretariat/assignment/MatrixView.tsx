// The expert × base matrix of one panel (chosen with the panel filter): a row per expert with
// their load, a column per base with its coverage in the last row. One panel at a time and
// 30 bases per page, so a round of 1,000 bases and 100 panels stays responsive.
import {
  Alert,
  Card,
  Empty,
  Pagination,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { assignmentMatrix } from '../../../../shared/secretariat/assignmentMatrix';
import type { MatrixExpertRow } from '../../../../shared/secretariat/assignmentMatrix';
import { db } from '../../../db/instance';
import {
  addExpertToBase,
  removeExpertFromBase,
} from '../../../db/repositories/assignmentRepository';
import { SETUP_ACTOR, setupDeps } from '../setupDeps';
import { MatrixCellView } from './MatrixCellView';
import type { CellAction } from './MatrixCellView';
import type { AssignmentData } from './useAssignmentData';
import { useAssignmentFeedback } from './useAssignmentFeedback';

const BASES_PER_PAGE = 30;

export const MatrixView = ({
  data,
  panelId,
  onPanelChange,
  expertsPerBase,
  isReadOnly,
  onDeclare,
}: {
  data: AssignmentData;
  panelId: string | undefined;
  onPanelChange: (panelId: string) => void;
  expertsPerBase: number | null;
  isReadOnly: boolean;
  onDeclare: (pair: { expertId: string; baseId: string }) => void;
}) => {
  const { t } = useTranslation();
  const feedback = useAssignmentFeedback(data.panelById);
  const [page, setPage] = useState(1);
  const { panels, bases, experts, assignments, scoresheets } = data.records;
  const panel = data.panelById.get(panelId ?? '') ?? panels[0];

  const matrix = useMemo(() => {
    if (!panel) return undefined;
    const panelBases = bases.filter((b) => b.panelId === panel.id);
    const panelExperts = experts.filter((e) => e.panelId === panel.id);
    return assignmentMatrix({
      panelId: panel.id,
      bases: panelBases,
      experts: panelExperts,
      assignments,
      scoresheets,
      conflicts: data.conflicts,
      ...(expertsPerBase === null ? {} : { expertsPerBase }),
    });
  }, [panel, bases, experts, assignments, scoresheets, data.conflicts, expertsPerBase]);

  if (!panel || !matrix) return <Empty description={t('assignment.noPanels')} />;
  const pageCount = Math.max(1, Math.ceil(matrix.bases.length / BASES_PER_PAGE));
  const current = Math.min(page, pageCount);
  const from = (current - 1) * BASES_PER_PAGE;
  const columns = matrix.bases.slice(from, from + BASES_PER_PAGE);

  const act = async (action: CellAction, expertId: string, baseId: string) => {
    if (action === 'declare') {
      onDeclare({ expertId, baseId });
      return;
    }
    const input = { roundId: data.round.id, expertId, baseId };
    const result =
      action === 'add'
        ? await addExpertToBase(db, input, SETUP_ACTOR, setupDeps)
        : await removeExpertFromBase(db, input, SETUP_ACTOR, setupDeps);
    feedback(result, t(action === 'add' ? 'assignment.matrix.added' : 'assignment.matrix.removed'));
  };

  return (
    <Card size="small">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <Select<string>
            showSearch
            optionFilterProp="label"
            style={{ width: 220 }}
            value={panel.id}
            data-testid="matrix-panel-select"
            aria-label={t('assignment.matrix.choosePanel')}
            onChange={(id) => {
              setPage(1);
              onPanelChange(id);
            }}
            options={panels.map((p) => ({ value: p.id, label: p.name }))}
          />
          <Typography.Text data-testid="matrix-summary">
            {t('assignment.matrix.summary', matrix.totals)}
          </Typography.Text>
        </Space>
        {matrix.totals.violations > 0 ? (
          <Alert
            type="error"
            showIcon
            message={t('assignment.matrix.violations', { count: matrix.totals.violations })}
          />
        ) : null}
        {matrix.totals.shortBases > 0 ? (
          <Alert
            type="warning"
            showIcon
            message={t('assignment.matrix.shortBases', { count: matrix.totals.shortBases })}
          />
        ) : null}
        {matrix.rows.length === 0 ? <Empty description={t('assignment.matrix.noExperts')} /> : null}
        {matrix.bases.length === 0 ? <Empty description={t('assignment.matrix.noBases')} /> : null}
        {matrix.rows.length > 0 && matrix.bases.length > 0 ? (
          <>
            {pageCount > 1 ? (
              <Pagination
                size="small"
                current={current}
                pageSize={BASES_PER_PAGE}
                total={matrix.bases.length}
                onChange={setPage}
                showSizeChanger={false}
                showTotal={(total, [a, b]) =>
                  t('assignment.matrix.page', { from: a, to: b, total })
                }
              />
            ) : null}
            <Table<MatrixExpertRow>
              size="small"
              bordered
              rowKey={(row) => row.expert.id}
              dataSource={matrix.rows}
              pagination={false}
              scroll={{ x: 'max-content' }}
              data-testid="assignment-matrix"
              columns={[
                {
                  title: t('assignment.matrix.expert'),
                  key: 'expert',
                  fixed: 'left',
                  width: 160,
                  render: (_, row) => (
                    <Space direction="vertical" size={0}>
                      <span data-testid="matrix-expert-name">{row.expert.name}</span>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {row.expert.institution}
                      </Typography.Text>
                    </Space>
                  ),
                },
                {
                  title: t('assignment.matrix.load'),
                  key: 'load',
                  fixed: 'left',
                  width: 64,
                  align: 'right',
                  render: (_, row) => <span data-testid="expert-load">{row.load}</span>,
                },
                ...columns.map((column, k) => ({
                  key: column.base.id,
                  width: 84,
                  title: (
                    <Tooltip title={`${column.base.name}（${column.base.hostInstitution}）`}>
                      <div
                        data-testid="matrix-base-header"
                        style={{
                          width: 76,
                          overflow: 'hidden',
                          textOverflow: 'ellipsis',
                          whiteSpace: 'nowrap',
                        }}
                      >
                        {column.base.name}
                      </div>
                    </Tooltip>
                  ),
                  render: (_: unknown, row: MatrixExpertRow) => {
                    const cell = row.cells[from + k];
                    return cell ? (
                      <MatrixCellView
                        cell={cell}
                        expertId={row.expert.id}
                        baseId={column.base.id}
                        isReadOnly={isReadOnly}
                        onAction={(action) => void act(action, row.expert.id, column.base.id)}
                      />
                    ) : null;
                  },
                })),
              ]}
              summary={() => (
                <Table.Summary fixed>
                  <Table.Summary.Row>
                    <Table.Summary.Cell index={0}>
                      {t('assignment.matrix.coverage')}
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={1} />
                    {columns.map((column, k) => (
                      <Table.Summary.Cell index={k + 2} key={column.base.id} align="center">
                        <Tag
                          color={column.isShort ? 'red' : 'green'}
                          data-testid="base-coverage"
                          data-base-id={column.base.id}
                        >
                          {t('assignment.matrix.coverageCell', {
                            assigned: column.assigned,
                            required: column.required,
                          })}
                        </Tag>
                      </Table.Summary.Cell>
                    ))}
                  </Table.Summary.Row>
                </Table.Summary>
              )}
            />
          </>
        ) : null}
      </Space>
    </Card>
  );
};
