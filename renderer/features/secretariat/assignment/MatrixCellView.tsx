// One cell of the assignment matrix: assigned (green), conflict (red, 回避), violation (red,
// bold: conflicted yet assigned), recused (purple) or empty, with the reason on hover and,
// unless read-only, a menu to assign, unassign or declare a recusal.
import { Dropdown, Tooltip } from 'antd';
import type { MenuProps } from 'antd';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  AssignmentMatrixCell,
  MatrixCellState,
} from '../../../../shared/secretariat/assignmentMatrix';

export const CELL_STYLES: Record<MatrixCellState, CSSProperties> = {
  assigned: { background: '#f6ffed', color: '#389e0d', border: '1px solid #b7eb8f' },
  conflict: { background: '#fff1f0', color: '#cf1322', border: '1px solid #ffa39e' },
  violation: {
    background: '#cf1322',
    color: '#fff',
    border: '1px solid #a8071a',
    fontWeight: 600,
  },
  recused: { background: '#f9f0ff', color: '#531dab', border: '1px solid #d3adf7' },
  none: { background: '#fafafa', color: '#bfbfbf', border: '1px dashed #e8e8e8' },
};

export type CellAction = 'add' | 'remove' | 'declare';

const actionsFor = (state: MatrixCellState): CellAction[] => {
  if (state === 'none') return ['add', 'declare'];
  if (state === 'assigned') return ['remove', 'declare'];
  if (state === 'violation') return ['remove'];
  return [];
};

export const MatrixCellView = ({
  cell,
  expertId,
  baseId,
  isReadOnly,
  onAction,
}: {
  cell: AssignmentMatrixCell;
  expertId: string;
  baseId: string;
  isReadOnly: boolean;
  onAction: (action: CellAction) => void;
}) => {
  const { t } = useTranslation();
  const kinds = cell.conflictKinds.map((k) => t(`assignment.matrix.kinds.${k}`)).join('、');
  const hover =
    cell.reason === undefined ? undefined : kinds ? `${kinds}：${cell.reason}` : cell.reason;
  const actions = isReadOnly ? [] : actionsFor(cell.state);
  const box = (
    <div
      data-testid="matrix-cell"
      data-expert-id={expertId}
      data-base-id={baseId}
      data-state={cell.state}
      data-kinds={cell.conflictKinds.join(' ')}
      role={actions.length > 0 ? 'button' : undefined}
      tabIndex={actions.length > 0 ? 0 : undefined}
      style={{
        ...CELL_STYLES[cell.state],
        borderRadius: 4,
        padding: '1px 4px',
        minHeight: 22,
        textAlign: 'center',
        fontSize: 12,
        cursor: actions.length > 0 ? 'pointer' : 'default',
      }}
    >
      {t(`assignment.matrix.states.${cell.state}`)}
    </div>
  );
  const withTip = hover ? <Tooltip title={hover}>{box}</Tooltip> : box;
  if (actions.length === 0) return withTip;
  const items: MenuProps['items'] = actions.map((action) => ({
    key: action,
    label: t(`assignment.matrix.${action}`),
    danger: action === 'remove',
  }));
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items,
        onClick: ({ key }) => {
          if (key === 'add' || key === 'remove' || key === 'declare') onAction(key);
        },
      }}
    >
      {withTip}
    </Dropdown>
  );
};
