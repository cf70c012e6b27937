// Route /secretariat/print/report: the round report on A4 for the leadership meeting: title,
// round, overview and counts, the per-type summary, quota notes and conflicts, then one page
// per base type with its ranking, grades and decisions, the voided sheets (作废记录) when a
// change voided any, and a signature block. Printed with window.print, or saved straight to
// PDF in the desktop app (SavePdfButton).
import { Button, Empty, Space, Spin, Typography } from 'antd';
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Round } from '../../../../shared/domain/types';
import { reportFileName } from '../../../../shared/report/fileNames';
import { formatReportTime } from '../../../../shared/report/labels';
import { buildReportModel } from '../../../../shared/report/model';
import { reportVoidedRows } from '../../../../shared/report/voidedSheets';
import { SavePdfButton } from '../../../app/components/SavePdfButton';
import { secretariatTabPath } from '../../../app/routes';
import { useCurrentRound } from '../../../db/hooks';
import { useDeviceFingerprint } from '../../scoring/useDeviceFingerprint';
import { localUtcOffsetMinutes, useReportRecords } from './reportData';
import { ReportOverviewPage, ReportTypePage } from './ReportPrintSections';
import { ReportVoidedPage } from './ReportVoidedPage';
import './reportPrint.css';

const Toolbar = ({ round }: { round: Round | null }) => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Space className="no-print" style={{ marginBottom: 16 }} wrap>
      <Button
        icon={<ArrowLeftOutlined />}
        onClick={() => void navigate(secretariatTabPath('report'))}
      >
        {t('report.print.back')}
      </Button>
      <Button
        type="primary"
        icon={<PrinterOutlined />}
        onClick={() => window.print()}
        data-testid="report-print-now"
      >
        {t('report.print.print')}
      </Button>
      {round ? <SavePdfButton suggestedName={reportFileName('pdf', round, new Date())} /> : null}
      <Typography.Text type="secondary">{t('report.print.hint')}</Typography.Text>
    </Space>
  );
};

export const PrintReportPage = () => {
  const { t } = useTranslation();
  const round = useCurrentRound();
  const records = useReportRecords(round?.id);
  const fingerprint = useDeviceFingerprint();
  const [generatedAt] = useState(() => new Date().toISOString());
  const model = useMemo(
    () =>
      records
        ? buildReportModel({ ...records, generatedAt, utcOffsetMinutes: localUtcOffsetMinutes() })
        : null,
    [records, generatedAt],
  );

  if (round === null) return <Empty description={t('home.noRoundTitle')} />;
  if (round === undefined || records === undefined) return <Spin />;
  if (!model) return <Empty description={t('home.noRoundTitle')} />;
  const at = (iso: string) => formatReportTime(iso, model.utcOffsetMinutes);
  const voided = reportVoidedRows(model);
  // The signature block closes the last page: 作废记录 when there is one, else the last type.
  const lastType = voided.length > 0 ? undefined : model.types.at(-1)?.type;
  const signaturesOnOverview = voided.length === 0 && lastType === undefined;
  const signatures = (
    <>
      <h2>{t('report.print.signatures')}</h2>
      <div className="report-signature" data-testid="report-signatures">
        <div>
          {t('report.print.preparedBy')}
          <span />
        </div>
        <div>
          {t('report.print.reviewedBy')}
          <span />
        </div>
        <div>
          {t('report.print.approvedBy')}
          <span />
        </div>
        <div>
          {t('report.print.date')}
          <span />
        </div>
      </div>
      <p className="report-footer">
        {t('report.print.printedAt', { at: at(generatedAt) })}
        {fingerprint ? (
          <>
            <br />
            {t('report.print.fingerprint', { fingerprint })}
          </>
        ) : null}
      </p>
    </>
  );
  return (
    <div data-testid="report-print-page">
      <Toolbar round={round} />
      <article className="a4-doc report-doc">
        <ReportOverviewPage model={model}>
          {signaturesOnOverview ? signatures : null}
        </ReportOverviewPage>
        {model.types.map((summary) => (
          <ReportTypePage key={summary.type} model={model} summary={summary}>
            {summary.type === lastType ? signatures : null}
          </ReportTypePage>
        ))}
        {voided.length > 0 ? (
          <ReportVoidedPage model={model} rows={voided}>
            {signatures}
          </ReportVoidedPage>
        ) : null}
      </article>
    </div>
  );
};
