// Route /secretariat/print/handover: the hand-over sheet (交接单) for the round bundles issued
// to the panels, one row per panel with the file name, the file's own SHA-256 (grouped first
// 16 digits, full value in small print; "—" for a record from before hashes were kept), the
// secretariat key's fingerprint, whether it is encrypted, when it was issued and lines for
// both signatures.
import { Empty, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { FileHashText } from '../../../app/components/FileHashText';
import { secretariatTabPath } from '../../../app/routes';
import { useCurrentRound, usePanels } from '../../../db/hooks';
import { useIssuedBundles } from '../../../db/setupHooks';
import { formatLocalTime } from '../../scoring/AuditTrail';
import { PrintToolbar } from '../../scoring/print/PrintToolbar';

export const PrintHandoverPage = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const round = useCurrentRound();
  const panels = usePanels(round?.id);
  const issued = useIssuedBundles(round?.id);

  if (round === null) return <Empty description={t('home.noRoundTitle')} />;
  if (round === undefined || panels === undefined || issued === undefined) return <Spin />;
  // In the panels' order; a panel deleted since keeps its row under the name it had.
  const known = new Set(panels.map((p) => p.id));
  const rows = [
    ...panels.flatMap((p) => {
      const bundle = issued[p.id];
      return bundle ? [{ ...bundle, panelName: p.name }] : [];
    }),
    ...Object.values(issued).filter((b) => !known.has(b.panelId)),
  ];
  const today = new Date().toISOString().slice(0, 10);
  const isAnyHashMissing = rows.some((row) => row.sha256 === undefined);

  return (
    <div>
      <PrintToolbar
        onBack={() => void navigate(secretariatTabPath('exchange'))}
        pdfName={`评估通-评审包交接单-${today}.pdf`}
      />
      <article className="a4-doc print-doc print-landscape" data-testid="print-handover">
        <h1>{t('exchange.handover.title')}</h1>
        <p className="print-subtitle">{round.name}</p>
        {rows.length === 0 ? (
          <p>{t('exchange.handover.empty')}</p>
        ) : (
          <table>
            <colgroup>
              <col style={{ width: '4%' }} />
              <col style={{ width: '9%' }} />
              <col style={{ width: '9%' }} />
              <col style={{ width: '17%' }} />
              <col style={{ width: '19%' }} />
              <col style={{ width: '10%' }} />
              <col style={{ width: '5%' }} />
              <col style={{ width: '9%' }} />
              <col style={{ width: '9%' }} />
              <col style={{ width: '9%' }} />
            </colgroup>
            <thead>
              <tr>
                <th className="num">{t('exchange.handover.index')}</th>
                <th>{t('exchange.handover.panel')}</th>
                <th>{t('exchange.handover.contents')}</th>
                <th>{t('exchange.handover.file')}</th>
                <th>{t('fileHash.label')}</th>
                <th>{t('exchange.handover.fingerprint')}</th>
                <th className="num">{t('exchange.handover.encrypted')}</th>
                <th>{t('exchange.handover.issuedAt')}</th>
                <th>{t('exchange.handover.giver')}</th>
                <th>{t('exchange.handover.receiver')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => (
                <tr key={row.panelId} data-testid="handover-row">
                  <td className="num">{i + 1}</td>
                  <td>{row.panelName}</td>
                  <td>
                    {t('exchange.handover.contentCounts', {
                      bases: row.bases,
                      experts: row.experts,
                    })}
                  </td>
                  <td style={{ wordBreak: 'break-all' }}>{row.fileName}</td>
                  <td>
                    <FileHashText sha256={row.sha256} testId="handover-sha256" showNote={false} />
                  </td>
                  <td style={{ fontFamily: 'monospace' }}>{row.fingerprint}</td>
                  <td className="num">
                    {row.encrypted ? t('exchange.handover.yes') : t('exchange.handover.no')}
                  </td>
                  <td>{formatLocalTime(row.issuedAt)}</td>
                  <td style={{ height: '14mm' }} />
                  <td />
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <p>{t('fileHash.handoverNote')}</p>
        {isAnyHashMissing ? (
          <p data-testid="handover-sha256-missing">
            {t('fileHash.none')} {t('fileHash.noneNote')}
          </p>
        ) : null}
        <p>{t('exchange.handover.note')}</p>
        <p className="print-footer">
          {t('exchange.handover.printedAt', { at: formatLocalTime(new Date().toISOString()) })}
        </p>
      </article>
    </div>
  );
};
