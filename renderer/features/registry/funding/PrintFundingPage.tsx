// Route /registry/print/funding?round=<id>: an accepted round's 后补助 table on A4 portrait for
// the finance office, under the round's saved rule: title, the budget line, the amounts per
// type and grade, one row per base with the total, and signature lines (经办人 / 审核人 /
// 日期). Printed with window.print, or saved to PDF in the desktop app (SavePdfButton).
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Empty, Space, Spin, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { GRADE_ORDER } from '../../../../shared/domain/grading';
import { BASE_TYPE_CODES } from '../../../../shared/domain/taxonomy';
import { formatReportTime } from '../../../../shared/report/labels';
import { computeFunding, fundingRuleProblems } from '../../../../shared/registry/funding';
import { SavePdfButton } from '../../../app/components/SavePdfButton';
import { registryTabPath } from '../../../app/routes';
import { useFundingSettings } from '../../../db/fundingHooks';
import { useAcceptedRounds } from '../../../db/registryHooks';
import { fundingRuleFor } from '../../../db/repositories/fundingRepository';
import { useRegistryLabels } from '../registryLabels';
import { formatWan } from './FundingTableView';
import './fundingPrint.css';

export const PrintFundingPage = () => {
  const { t } = useTranslation();
  const labels = useRegistryLabels();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const roundId = params.get('round') ?? '';
  const rounds = useAcceptedRounds();
  const settings = useFundingSettings();
  const [printedAt] = useState(() => new Date().toISOString());
  const round = rounds?.find((candidate) => candidate.roundId === roundId);
  const rule = settings && round ? fundingRuleFor(settings, round.roundId) : undefined;
  const table = useMemo(
    () =>
      round && rule && fundingRuleProblems(rule).length === 0
        ? computeFunding(round, rule)
        : undefined,
    [round, rule],
  );
  const back = () =>
    void navigate({
      pathname: registryTabPath('funding'),
      search: roundId === '' ? '' : `?${new URLSearchParams({ round: roundId }).toString()}`,
    });

  const toolbar = (
    <Space className="no-print" style={{ marginBottom: 16 }} wrap>
      <Button icon={<ArrowLeftOutlined />} onClick={back}>
        {t('registry.funding.printPage.back')}
      </Button>
      <Button
        type="primary"
        icon={<PrinterOutlined />}
        onClick={() => window.print()}
        data-testid="funding-print-now"
      >
        {t('registry.funding.printPage.printNow')}
      </Button>
      {round ? (
        <SavePdfButton suggestedName={`后补助-${String(round.year)}-${round.roundId}.pdf`} />
      ) : null}
      <Typography.Text type="secondary">{t('registry.funding.printPage.hint')}</Typography.Text>
    </Space>
  );

  if (rounds === undefined || settings === undefined) return <Spin />;
  if (!round || !rule || !table) {
    return (
      <div data-testid="funding-print-page">
        {toolbar}
        <Empty description={t('registry.funding.printPage.noRound')} />
      </div>
    );
  }
  const subsidised = BASE_TYPE_CODES.filter((type) => rule.amounts[type] !== undefined);
  const stable = BASE_TYPE_CODES.filter((type) => rule.amounts[type] === undefined);
  return (
    <div data-testid="funding-print-page">
      {toolbar}
      <article className="a4-doc funding-doc">
        <h1>{`${round.name} ${t('registry.funding.tableTitle')}`}</h1>
        <p className="funding-subtitle">
          {t('registry.funding.roundValue', {
            year: round.year,
            name: round.name,
            version: round.version,
          })}
        </p>
        <p className="funding-basis" data-testid="funding-print-basis">
          {rule.budget === undefined
            ? t('registry.funding.totalLine', { total: formatWan(table.total) })
            : t('registry.funding.budgetLine', {
                budget: rule.budget,
                total: formatWan(table.total),
              })}
        </p>
        <ul className="funding-rules">
          {subsidised.map((type) => {
            const perGrade = rule.amounts[type] ?? {};
            const amounts = Object.fromEntries(
              GRADE_ORDER.map((grade) => [grade, formatWan(perGrade[grade] ?? 0)]),
            );
            return (
              <li key={type}>
                {t('registry.funding.printPage.ruleLine', {
                  type: `${type} ${labels.typeName(type)}`,
                  ...amounts,
                })}
              </li>
            );
          })}
          {stable.length > 0 ? (
            <li>
              {t('registry.funding.printPage.stableLine', {
                types: stable.map((type) => labels.typeName(type)).join('、'),
              })}
            </li>
          ) : null}
        </ul>
        <table data-testid="funding-print-table">
          <colgroup>
            <col style={{ width: '5%' }} />
            <col style={{ width: '11%' }} />
            <col style={{ width: '20%' }} />
            <col style={{ width: '25%' }} />
            <col style={{ width: '7%' }} />
            <col style={{ width: '11%' }} />
            <col style={{ width: '9%' }} />
            <col style={{ width: '12%' }} />
          </colgroup>
          <thead>
            <tr>
              <th>#</th>
              <th>{t('registry.funding.code')}</th>
              <th>{t('registry.funding.name')}</th>
              <th>{t('registry.funding.typeColumn')}</th>
              <th>{t('registry.funding.grade')}</th>
              <th>{t('registry.funding.decision')}</th>
              <th>{t('registry.funding.kind')}</th>
              <th>{t('registry.funding.amount')}</th>
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, index) => (
              <tr key={row.code} data-testid={`funding-print-row-${row.code}`}>
                <td className="num">{index + 1}</td>
                <td>{row.code}</td>
                <td>{row.name}</td>
                <td>{`${row.type} ${labels.typeName(row.type)}`}</td>
                <td>{labels.gradeName(row.grade)}</td>
                <td>
                  {row.disposition === undefined ? '' : labels.dispositionName(row.disposition)}
                </td>
                <td>{t(`registry.funding.kinds.${row.kind}`)}</td>
                <td className="num">{formatWan(row.amount)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <td colSpan={7}>{t('registry.funding.total')}</td>
              <td className="num" data-testid="funding-print-total">
                {formatWan(table.total)}
              </td>
            </tr>
          </tfoot>
        </table>
        <div className="funding-signature" data-testid="funding-signatures">
          <div>
            {t('registry.funding.printPage.preparedBy')}
            <span />
          </div>
          <div>
            {t('registry.funding.printPage.reviewedBy')}
            <span />
          </div>
          <div>
            {t('registry.funding.printPage.date')}
            <span />
          </div>
        </div>
        <p className="funding-footer">
          {t('registry.funding.printPage.printedAt', { at: formatReportTime(printedAt) })}
        </p>
      </article>
    </div>
  );
};
