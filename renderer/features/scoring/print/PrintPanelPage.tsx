// Route /scoring/print/panel/:panelId: the panel summary for handwritten signatures (专家签字):
// every base with each expert's total, signature lines, and this device's key fingerprint.
import { Empty, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ROUTES } from '../../../app/routes';
import { useLabels } from '../../../app/hooks/useLabels';
import { formatLocalTime } from '../AuditTrail';
import type { MatrixCell } from '../panelMatrix';
import { formatPoints } from '../sheetTotals';
import { useDeviceFingerprint } from '../useDeviceFingerprint';
import { usePanelMatrix } from '../usePanelMatrix';
import { PrintToolbar } from './PrintToolbar';

export const PrintPanelPage = () => {
  const { t } = useTranslation();
  const labels = useLabels();
  const navigate = useNavigate();
  const { panelId } = useParams();
  const data = usePanelMatrix(panelId);
  const fingerprint = useDeviceFingerprint();

  if (data.kind === 'noRound') return <Empty description={t('home.noRoundTitle')} />;
  if (data.kind === 'loading') return <Spin />;
  const { matrix, round } = data;
  if (!matrix) return <Empty />;
  const chair = matrix.experts.find((e) => e.id === matrix.panel.chairExpertId);

  const cellText = (cell: MatrixCell | undefined): ReactNode => {
    if (!cell) return '—';
    if (cell.voided) return t('voided.tag');
    if (cell.state === 'submitted') return cell.total === null ? '—' : formatPoints(cell.total);
    if (cell.state === 'draft' && cell.total !== null) {
      return (
        <>
          {formatPoints(cell.total)}
          <br />
          <small>{t('scoring.states.draft')}</small>
        </>
      );
    }
    return t(`scoring.states.${cell.state}`);
  };

  return (
    <div>
      <PrintToolbar onBack={() => void navigate(ROUTES.scoringPanel)} />
      <article className="a4-doc print-doc print-landscape" data-testid="print-panel-summary">
        <h1>{t('scoring.print.panelTitle')}</h1>
        <p className="print-subtitle">
          {round.name} · {t('scoring.print.panel')}：{matrix.panel.name}
          {chair ? ` · ${t('scoring.print.chair')}：${chair.name}` : ''}
        </p>
        <table>
          <colgroup>
            <col style={{ width: '5%' }} />
            <col style={{ width: '24%' }} />
            <col style={{ width: '14%' }} />
            {matrix.experts.map((e) => (
              <col key={e.id} />
            ))}
          </colgroup>
          <thead>
            <tr>
              <th className="num">{t('scoring.print.index')}</th>
              <th>{t('secretariat.name')}</th>
              <th>{t('secretariat.type')}</th>
              {matrix.experts.map((e) => (
                <th key={e.id} className="num">
                  {e.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {matrix.rows.map((row, i) => (
              <tr key={row.base.id}>
                <td className="num">{i + 1}</td>
                <td>
                  {row.base.name}
                  <br />
                  <small>{row.base.hostInstitution}</small>
                </td>
                <td>{`${row.base.type} ${labels.typeName(row.base.type)}`}</td>
                {matrix.experts.map((e) => (
                  <td key={e.id} className="num">
                    {cellText(row.cells[e.id])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        <p>{t('scoring.panel.summary', matrix.total)}</p>
        <h2 style={{ fontSize: '12pt', margin: '14px 0 0' }}>{t('scoring.print.signatures')}</h2>
        <div className="print-signature">
          {matrix.experts.map((e) => (
            <div key={e.id}>
              {e.name}：<span />
            </div>
          ))}
          <div>
            {t('scoring.print.date')}
            <span />
          </div>
        </div>
        <p className="print-footer">
          {t('scoring.print.printedAt', { at: formatLocalTime(new Date().toISOString()) })}
          {fingerprint ? (
            <>
              <br />
              <span data-testid="print-fingerprint">
                {t('scoring.print.fingerprint', { fingerprint })}
              </span>
            </>
          ) : null}
        </p>
      </article>
    </div>
  );
};
