// The expert spread tab: a box plot of expert totals for every base in view.
import { Empty } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { expertSpread } from '../../../shared/charts/expertSpread';
import type { BaseResult } from '../../../shared/domain/results';
import type { Expert, Round, Scoresheet } from '../../../shared/domain/types';
import { ChartCard } from './ChartCard';
import { ExpertSpreadChart } from './charts/ExpertSpreadChart';

export const ExpertSpreadPanel = ({
  round,
  view,
  scoresheets,
  experts,
  isPrint,
}: {
  round: Round;
  view: readonly BaseResult[];
  scoresheets: readonly Scoresheet[];
  experts: readonly Expert[];
  isPrint?: boolean;
}) => {
  const { t } = useTranslation();
  const rows = useMemo(
    () => expertSpread({ results: view, scoresheets, experts }),
    [view, scoresheets, experts],
  );
  const flagged = rows.filter((row) => row.isDisagreement).length;
  return (
    <ChartCard
      title={t('dashboard.spread.title', { count: rows.length, flagged })}
      testId="spread-chart"
      footer={t('dashboard.spread.definition', { range: round.agreement.disagreementRange })}
    >
      {(width) =>
        rows.length === 0 ? (
          <Empty description={t('dashboard.noScores')} />
        ) : (
          <ExpertSpreadChart
            rows={rows}
            width={width}
            {...(isPrint
              ? { rowHeight: Math.max(10, Math.min(26, Math.floor(560 / rows.length))) }
              : {})}
          />
        )
      }
    </ChartCard>
  );
};
