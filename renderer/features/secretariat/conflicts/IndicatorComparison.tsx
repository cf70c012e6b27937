// The two copies indicator by indicator: each primary with its subtotal and comment, each
// secondary with its score and comment, the totals at the bottom; differences marked.
import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SideBySide } from '../../../../shared/secretariat/conflictView';
import { diffCell } from './diffStyle';

type Row =
  | {
      kind: 'primary' | 'secondary';
      key: string;
      name: string;
      maxPoints: number;
      local: number | undefined;
      incoming: number | undefined;
      localComment: string;
      incomingComment: string;
      isScoreDifferent: boolean;
      isCommentDifferent: boolean;
    }
  | { kind: 'total'; key: string; local: number; incoming: number; isScoreDifferent: boolean };

const score = (value: number | undefined): string => (value === undefined ? '—' : String(value));

function rowsOf(view: SideBySide): Row[] {
  const rows: Row[] = [];
  for (const p of view.primaries) {
    rows.push({
      kind: 'primary',
      key: p.id,
      name: p.name,
      maxPoints: p.maxPoints,
      local: p.localTotal,
      incoming: p.incomingTotal,
      localComment: p.localComment,
      incomingComment: p.incomingComment,
      isScoreDifferent: p.isTotalDifferent,
      isCommentDifferent: p.isCommentDifferent,
    });
    for (const c of p.children) rows.push({ kind: 'secondary', key: c.id, ...c });
  }
  rows.push({
    kind: 'total',
    key: 'total',
    local: view.localTotal,
    incoming: view.incomingTotal,
    isScoreDifferent: view.localTotal !== view.incomingTotal,
  });
  return rows;
}

export const IndicatorComparison = ({ view }: { view: SideBySide }) => {
  const { t } = useTranslation();
  const comment = (row: Row, side: 'localComment' | 'incomingComment') =>
    row.kind === 'total' ? '' : row[side];
  return (
    <Table<Row>
      size="small"
      bordered
      pagination={false}
      rowKey="key"
      dataSource={rowsOf(view)}
      data-testid="conflict-indicators"
      columns={[
        {
          title: t('results.conflicts.indicator'),
          key: 'name',
          render: (_, row) =>
            row.kind === 'total' ? (
              <Typography.Text strong>{t('results.conflicts.total')}</Typography.Text>
            ) : row.kind === 'primary' ? (
              <Typography.Text strong>{row.name}</Typography.Text>
            ) : (
              <span style={{ paddingLeft: 16 }}>{row.name}</span>
            ),
        },
        {
          title: t('results.conflicts.max'),
          key: 'max',
          width: 64,
          align: 'right',
          render: (_, row) => (row.kind === 'total' ? '' : row.maxPoints),
        },
        {
          title: t('results.conflicts.localScore'),
          key: 'local',
          width: 90,
          align: 'right',
          onCell: (row) => diffCell(row.isScoreDifferent),
          render: (_, row) => score(row.local),
        },
        {
          title: t('results.conflicts.incomingScore'),
          key: 'incoming',
          width: 90,
          align: 'right',
          onCell: (row) => diffCell(row.isScoreDifferent),
          render: (_, row) => score(row.incoming),
        },
        {
          title: t('results.conflicts.localComment'),
          key: 'localComment',
          onCell: (row) => diffCell(row.kind !== 'total' && row.isCommentDifferent),
          render: (_, row) => comment(row, 'localComment'),
        },
        {
          title: t('results.conflicts.incomingComment'),
          key: 'incomingComment',
          onCell: (row) => diffCell(row.kind !== 'total' && row.isCommentDifferent),
          render: (_, row) => comment(row, 'incomingComment'),
        },
      ]}
    />
  );
};
