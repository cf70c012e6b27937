// The 报告 tab: what each export of the round contains (counts, and a warning for bases
// still undecided or unscored), then the exports themselves: the Excel workbook, the
// 基地结果 CSV, the printed report (its own route) and the signed result bundle, which is
// refused while conflicts are open.
import { Alert, App, Col, Row, Spin, Space, Typography } from 'antd';
import {
  FileExcelOutlined,
  FileTextOutlined,
  PrinterOutlined,
  SafetyCertificateOutlined,
} from '@ant-design/icons';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Round } from '../../../../shared/domain/types';
import { buildReportModel } from '../../../../shared/report/model';
import { reportSheetRowCounts, REPORT_SHEET_NAMES } from '../../../../shared/report';
import { ROUTES, secretariatTabPath } from '../../../app/routes';
import { useDeviceFingerprint } from '../../scoring/useDeviceFingerprint';
import { ExportCard } from './ExportCard';
import { useReportRecords } from './reportData';
import type { ReportRecords } from './reportData';
import type { ExportOutcome, ResultBundleOutcome } from './reportExports';
import { saveResultBundle, saveResultsCsv, saveWorkbook } from './reportRuntime';

type ExportKey = 'xlsx' | 'csv' | 'bundle';

const ReportExports = ({ round, records }: { round: Round; records: ReportRecords }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const fingerprint = useDeviceFingerprint();
  const [busy, setBusy] = useState<ExportKey | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const model = useMemo(
    () => buildReportModel({ ...records, generatedAt: new Date().toISOString() }),
    [records],
  );
  const rowCounts = useMemo(() => reportSheetRowCounts(model), [model]);
  const { counts } = model;
  const rowsOf = (name: string) => rowCounts.get(name) ?? 0;

  const report = (outcome: ExportOutcome | ResultBundleOutcome) => {
    if (outcome.kind === 'failed') message.error(t('report.failed', { message: outcome.message }));
    else if (outcome.kind === 'refused') setRefusal(outcome.message);
    else if (outcome.kind === 'saved' && 'fingerprint' in outcome) {
      message.success(
        t('report.bundle.saved', {
          name: outcome.fileName,
          bases: outcome.bases,
          sheets: outcome.scoresheets,
          decisions: outcome.decisions,
        }),
      );
    } else if (outcome.kind === 'saved') {
      message.success(
        outcome.path === undefined
          ? t('report.saved', { name: outcome.fileName })
          : t('report.savedTo', { path: outcome.path }),
      );
    }
  };

  const run = async (
    key: ExportKey,
    action: () => Promise<ExportOutcome | ResultBundleOutcome>,
  ) => {
    setBusy(key);
    try {
      report(await action());
    } catch (error) {
      message.error(
        t('report.failed', { message: error instanceof Error ? error.message : String(error) }),
      );
    } finally {
      setBusy(null);
    }
  };

  const conflictsLink = (
    <Link to={secretariatTabPath('conflicts')} data-testid="report-conflicts-link">
      {t('report.goToConflicts')}
    </Link>
  );
  const bundleRefusal =
    refusal ??
    (counts.openConflicts > 0 ? t('report.bundle.refused', { count: counts.openConflicts }) : null);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="report-tab">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {t('report.intro')}
      </Typography.Paragraph>
      {counts.undecidedBases > 0 ? (
        <Alert
          type="warning"
          showIcon
          data-testid="report-undecided-warning"
          title={t('report.undecidedWarning', { count: counts.undecidedBases })}
        />
      ) : null}
      {counts.unscoredBases > 0 ? (
        <Alert
          type="info"
          showIcon
          title={t('report.unscoredNote', { count: counts.unscoredBases })}
        />
      ) : null}
      {counts.openConflicts > 0 ? (
        <Alert
          type="warning"
          showIcon
          title={t('report.openConflictsWarning', { count: counts.openConflicts })}
          action={conflictsLink}
        />
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <ExportCard
            title={t('report.xlsx.title')}
            icon={<FileExcelOutlined />}
            buttonLabel={t('report.xlsx.button')}
            testId="report-export-xlsx"
            isBusy={busy === 'xlsx'}
            onExport={() => void run('xlsx', () => saveWorkbook(round.id))}
          >
            {t('report.xlsx.contains')}
            <ul style={{ margin: '4px 0 0', paddingLeft: 20 }} data-testid="report-xlsx-contents">
              <li>{t('report.xlsx.summary', { types: model.types.length })}</li>
              <li>{t('report.xlsx.results', { count: rowsOf(REPORT_SHEET_NAMES.results) })}</li>
              <li>
                {t('report.xlsx.indicators', { count: rowsOf(REPORT_SHEET_NAMES.indicators) })}
              </li>
              <li>
                {t('report.xlsx.scoresheets', { count: rowsOf(REPORT_SHEET_NAMES.scoresheets) })}
              </li>
              <li>
                {t('report.xlsx.conflicts', {
                  count: rowsOf(REPORT_SHEET_NAMES.conflicts),
                  open: counts.openConflicts,
                })}
              </li>
              <li>{t('report.xlsx.decisions', { count: rowsOf(REPORT_SHEET_NAMES.decisions) })}</li>
            </ul>
          </ExportCard>
        </Col>
        <Col xs={24} xl={12}>
          <ExportCard
            title={t('report.csv.title')}
            icon={<FileTextOutlined />}
            buttonLabel={t('report.csv.button')}
            testId="report-export-csv"
            isBusy={busy === 'csv'}
            onExport={() => void run('csv', () => saveResultsCsv(round.id))}
          >
            <span data-testid="report-csv-contents">
              {t('report.csv.contains', { count: rowsOf(REPORT_SHEET_NAMES.results) })}
            </span>
          </ExportCard>
        </Col>
        <Col xs={24} xl={12}>
          <ExportCard
            title={t('report.pdf.title')}
            icon={<PrinterOutlined />}
            buttonLabel={t('report.pdf.button')}
            testId="report-print"
            onExport={() => void navigate(ROUTES.secretariatPrintReport)}
          >
            {t('report.pdf.contains', { types: model.types.length })}
          </ExportCard>
        </Col>
        <Col xs={24} xl={12}>
          <ExportCard
            title={t('report.bundle.title')}
            icon={<SafetyCertificateOutlined />}
            buttonLabel={t('report.bundle.button')}
            testId="report-result-bundle"
            isBusy={busy === 'bundle'}
            isDisabled={counts.openConflicts > 0}
            onExport={() => {
              setRefusal(null);
              void run('bundle', () => saveResultBundle(round.id));
            }}
          >
            <span data-testid="report-bundle-contents">
              {t('report.bundle.contains', {
                bases: counts.bases,
                sheets: counts.scoresheets,
                decisions: counts.decisions,
              })}
            </span>
            {fingerprint ? (
              <>
                <br />
                {t('report.bundle.fingerprint', { fingerprint })}
              </>
            ) : null}
            {bundleRefusal ? (
              <Alert
                style={{ marginTop: 8 }}
                type="error"
                showIcon
                data-testid="report-bundle-refusal"
                title={t('report.bundle.refusedTitle')}
                description={
                  <>
                    {bundleRefusal} {conflictsLink}
                  </>
                }
              />
            ) : null}
          </ExportCard>
        </Col>
      </Row>
    </Space>
  );
};

export const ReportTab = ({ round }: { round: Round }) => {
  const records = useReportRecords(round.id);
  if (records === undefined) return <Spin />;
  if (records === null) return null;
  return <ReportExports round={round} records={records} />;
};
