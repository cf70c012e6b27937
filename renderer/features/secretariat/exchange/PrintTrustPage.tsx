// Route /secretariat/print/trust: the printable list of the panel keys the secretariat trusts
// for the round, the same keys as its trust file (checked ones only): panel, device,
// fingerprint, when and by whom each was checked, and a line for a signature.
import { Empty, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { secretariatTabPath } from '../../../app/routes';
import { useCurrentRound, usePanels } from '../../../db/hooks';
import { useRoundPins } from '../../../db/trustHooks';
import { formatLocalTime } from '../../scoring/AuditTrail';
import { PrintToolbar } from '../../scoring/print/PrintToolbar';
import { trustRows } from './trustRows';

export const PrintTrustPage = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const round = useCurrentRound();
  const panels = usePanels(round?.id);
  const pins = useRoundPins(round?.id);

  if (round === null) return <Empty description={t('home.noRoundTitle')} />;
  if (round === undefined || panels === undefined || pins === undefined) return <Spin />;
  const rows = trustRows(pins, panels).filter((r) => r.isConfirmed);
  const today = new Date().toISOString().slice(0, 10);

  return (
    <div>
      <PrintToolbar
        onBack={() => void navigate(secretariatTabPath('exchange'))}
        pdfName={`评估通-信任密钥清单-${today}.pdf`}
      />
      <article className="a4-doc print-doc" data-testid="print-trust">
        <h1>{t('trust.print.title')}</h1>
        <p className="print-subtitle">
          {t('trust.print.round', { name: round.name, id: round.id })}
        </p>
        {rows.length === 0 ? (
          <p>{t('trust.print.empty')}</p>
        ) : (
          <table>
            <colgroup>
              <col style={{ width: '8%' }} />
              <col style={{ width: '14%' }} />
              <col style={{ width: '20%' }} />
              <col style={{ width: '28%' }} />
              <col style={{ width: '16%' }} />
              <col style={{ width: '14%' }} />
            </colgroup>
            <thead>
              <tr>
                <th className="num">{t('trust.print.index')}</th>
                <th>{t('trust.keys.panel')}</th>
                <th>{t('trust.keys.device')}</th>
                <th>{t('trust.keys.fingerprint')}</th>
                <th>{t('trust.keys.pinnedAt')}</th>
                <th>{t('trust.keys.pinnedBy')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => (
                <tr key={row.id} data-testid="print-trust-row">
                  <td className="num">{i + 1}</td>
                  <td>{row.panelName}</td>
                  <td style={{ wordBreak: 'break-all' }}>{row.deviceId}</td>
                  <td style={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>
                    {row.fingerprint}
                  </td>
                  <td>{formatLocalTime(row.pinnedAt)}</td>
                  <td>{row.pinnedBy}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <p>{t('trust.print.note')}</p>
        <p style={{ marginTop: '12mm' }}>
          {t('trust.print.signature')}
          <span style={{ display: 'inline-block', width: '60mm' }} />
          {t('trust.print.date')}
        </p>
        <p className="print-footer">
          {t('trust.print.printedAt', { at: formatLocalTime(new Date().toISOString()) })}
        </p>
      </article>
    </div>
  );
};
