// The printed report's 作废记录 (section 六): every sheet a change after issue (轮次变更)
// voided, with its base, expert, panel, state and total and the change that voided it (kind,
// reason, who, when), as the workbook's sheet 作废记录 lists them. Printed only when the round
// has a voided sheet; none of them counts in the report's statistics.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPoints, formatReportTime } from '../../../../shared/report/labels';
import type { ReportModel } from '../../../../shared/report/model';
import type { VoidedSheetRow } from '../../../../shared/report/voidedSheets';

export const ReportVoidedPage = ({
  model,
  rows,
  children,
}: {
  model: ReportModel;
  rows: readonly VoidedSheetRow[];
  children?: ReactNode;
}) => {
  const { t } = useTranslation();
  return (
    <section
      className="report-page report-voided-page"
      data-testid="report-voided-page"
      data-count={rows.length}
    >
      <h2>{t('report.print.voided.title')}</h2>
      <p>{t('report.print.voided.intro', { count: rows.length })}</p>
      <table>
        <colgroup>
          <col style={{ width: '24%' }} />
          <col style={{ width: '8%' }} />
          <col style={{ width: '9%' }} />
          <col style={{ width: '7%' }} />
          <col style={{ width: '7%' }} />
          <col style={{ width: '9%' }} />
          <col />
          <col style={{ width: '15%' }} />
        </colgroup>
        <thead>
          <tr>
            <th>{t('report.print.voided.base')}</th>
            <th>{t('report.print.voided.expert')}</th>
            <th>{t('report.print.voided.panel')}</th>
            <th>{t('report.print.voided.state')}</th>
            <th className="num">{t('report.print.voided.total')}</th>
            <th>{t('report.print.voided.kind')}</th>
            <th>{t('report.print.voided.reason')}</th>
            <th>{t('report.print.voided.by')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.sheetId} data-testid="report-voided-row" data-base-id={row.baseId}>
              <td>
                {row.baseName}
                {row.baseCode ? (
                  <>
                    <br />
                    <small>{row.baseCode}</small>
                  </>
                ) : null}
              </td>
              <td>{row.expertName}</td>
              <td>{row.panelName ?? '—'}</td>
              <td>{t(`changes.voided.states.${row.state}`)}</td>
              <td className="num">{formatPoints(row.total)}</td>
              <td>{t(`changes.kinds.${row.kind}`)}</td>
              <td>{row.reason}</td>
              <td>
                {row.actor}
                <br />
                <small>{formatReportTime(row.at, model.utcOffsetMinutes)}</small>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {children}
    </section>
  );
};
