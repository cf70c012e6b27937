// One cell of the panel matrix: the state's colour and the total (or 回避 / 未开始 / 作废,
// whose change's reason shows on hover).
import { Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MatrixCell } from './panelMatrix';
import { formatPoints } from './sheetTotals';
import { STATE_CELL_COLORS } from './stateStyle';

export const MatrixCellView = ({ cell }: { cell: MatrixCell | undefined }) => {
  const { t } = useTranslation();
  if (!cell) return <Typography.Text type="secondary">—</Typography.Text>;
  if (cell.voided) {
    return (
      <Tooltip title={t('voided.rowReason', { reason: cell.voided.reason })}>
        <div
          data-state="voided"
          data-testid="matrix-voided"
          style={{
            background: '#f5f5f5',
            borderRadius: 4,
            padding: '2px 6px',
            textAlign: 'center',
          }}
        >
          <Typography.Text delete type="secondary">
            {t('voided.tag')}
          </Typography.Text>
        </div>
      </Tooltip>
    );
  }
  const body =
    cell.state === 'submitted' || cell.state === 'draft' ? (
      <>
        <Typography.Text strong={cell.state === 'submitted'}>
          {cell.total === null ? '—' : formatPoints(cell.total)}
        </Typography.Text>
        {cell.state === 'draft' ? (
          <Typography.Text type="warning" style={{ fontSize: 12, marginInlineStart: 4 }}>
            {t('scoring.states.draft')}
          </Typography.Text>
        ) : null}
      </>
    ) : (
      <Typography.Text type="secondary">{t(`scoring.states.${cell.state}`)}</Typography.Text>
    );
  const box = (
    <div
      data-state={cell.state}
      style={{
        background: STATE_CELL_COLORS[cell.state],
        borderRadius: 4,
        padding: '2px 6px',
        textAlign: 'center',
      }}
    >
      {body}
    </div>
  );
  return cell.recusalReason ? <Tooltip title={cell.recusalReason}>{box}</Tooltip> : box;
};
