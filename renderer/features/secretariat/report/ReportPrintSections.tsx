// The printed report's pages: the overview (round, counts, per-type summary, quota notes,
// conflicts) and one page per base type (ranking with grades and decisions).
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { GRADE_ORDER } from '../../../../shared/domain/grading';
import {
  formatPoints,
  formatReportTime,
  gradeBandsLabel,
  quotaRulesLabel,
} from '../../../../shared/report/labels';
import type { ReportModel, ReportTypeSummary } from '../../../../shared/report/model';
import { useLabels } from '../../../app/hooks/useLabels';
import { useRecommendationText } from '../../scoring/print/recommendationText';

export const ReportOverviewPage = ({
  model,
  children,
}: {
  model: ReportModel;
  children?: ReactNode;
}) => {
  const { t } = useTranslation();
  const labels = useLabels();
  const { round } = model.input;
  const { counts } = model;
  const rule =
    round.aggregation.method === 'trimmedMean'
      ? t('aggregation.trimmedRule', {
          count: round.aggregation.trimCount,
          min: round.aggregation.trimMinSheets,
        })
      : t(`aggregation.${round.aggregation.method}`);
  const quotaNotes = model.types.flatMap((s) =>
    s.quotaNotes.map((note) => `${s.type} ${labels.typeName(s.type)}：${note}`),
  );
  const resolved = model.conflicts.filter((c) => !c.isOpen).length;
  const total = (pick: (s: ReportTypeSummary) => number) =>
    model.types.reduce((acc, s) => acc + pick(s), 0);
  const overview: [string, ReactNode][] = [
    [t('report.print.rule'), rule],
    [t('report.print.bands'), gradeBandsLabel(round.gradeBands)],
    [t('report.print.quotas'), quotaRulesLabel(round.quotas)],
    [t('report.print.bases'), counts.bases],
    [t('report.print.scoredBases'), counts.scoredBases],
    [t('report.print.decidedBases'), counts.decidedBases],
    [t('report.print.expertsPanels'), `${counts.panels} / ${counts.experts}`],
    [
      t('report.print.sheets'),
      `${counts.expectedSheets}（${t('report.print.sheetStates', counts.sheetStates)}）`,
    ],
  ];
  return (
    <section className="report-page" data-testid="report-overview-page">
      <h1>{t('report.print.title')}</h1>
      <p className="report-subtitle">
        {round.name} · {t('report.print.year', { year: round.year })} ·{' '}
        {t(`evaluationType.${round.evaluationType}`)}
        <br />
        {t('report.print.generatedAt', {
          at: formatReportTime(model.input.generatedAt, model.utcOffsetMinutes),
        })}
      </p>
      <h2>{t('report.print.overview')}</h2>
      <table>
        <colgroup>
          <col style={{ width: '28%' }} />
          <col />
        </colgroup>
        <tbody>
          {overview.map(([label, value]) => (
            <tr key={label}>
              <th>{label}</th>
              <td>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t('report.print.typeSummary')}</h2>
      <table data-testid="report-type-summary">
        <colgroup>
          <col style={{ width: '30%' }} />
        </colgroup>
        <thead>
          <tr>
            <th>{t('report.print.type')}</th>
            <th className="num">{t('report.print.count')}</th>
            <th className="num">{t('report.print.scored')}</th>
            {GRADE_ORDER.map((grade) => (
              <th key={grade} className="num">
                {labels.gradeName(grade)}
              </th>
            ))}
            <th className="num">{t('report.print.unscored')}</th>
            <th className="num">{t('report.print.decided')}</th>
          </tr>
        </thead>
        <tbody>
          {model.types.map((s) => (
            <tr key={s.type}>
              <td>{`${s.type} ${labels.typeName(s.type)}`}</td>
              <td className="num">{s.bases}</td>
              <td className="num">{s.scored}</td>
              {GRADE_ORDER.map((grade) => (
                <td key={grade} className="num">
                  {s.grades[grade]}
                </td>
              ))}
              <td className="num">{s.unscored}</td>
              <td className="num">{s.decided}</td>
            </tr>
          ))}
          <tr>
            <th>{t('report.print.total')}</th>
            <th className="num">{total((s) => s.bases)}</th>
            <th className="num">{total((s) => s.scored)}</th>
            {GRADE_ORDER.map((grade) => (
              <th key={grade} className="num">
                {total((s) => s.grades[grade])}
              </th>
            ))}
            <th className="num">{total((s) => s.unscored)}</th>
            <th className="num">{total((s) => s.decided)}</th>
          </tr>
        </tbody>
      </table>
      <h2>{t('report.print.quota')}</h2>
      {quotaNotes.length === 0 ? (
        <p>{t('report.print.noQuotaWarnings')}</p>
      ) : (
        <ul className="report-notes" data-testid="report-quota-notes">
          {quotaNotes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      <h2>{t('report.print.conflicts')}</h2>
      <ConflictsSummary model={model} resolved={resolved} />
      {children}
    </section>
  );
};

const ConflictsSummary = ({ model, resolved }: { model: ReportModel; resolved: number }) => {
  const { t } = useTranslation();
  if (model.conflicts.length === 0) return <p>{t('report.print.noConflicts')}</p>;
  return (
    <>
      <p data-testid="report-conflict-summary">
        {t('report.print.conflictSummary', {
          count: model.conflicts.length,
          resolved,
          open: model.counts.openConflicts,
        })}
      </p>
      <table>
        <colgroup>
          <col style={{ width: '34%' }} />
        </colgroup>
        <thead>
          <tr>
            <th>{t('report.print.base')}</th>
            <th>{t('report.print.expert')}</th>
            <th className="num">{t('report.print.localTotal')}</th>
            <th className="num">{t('report.print.incomingTotal')}</th>
            <th>{t('report.print.state')}</th>
            <th>{t('report.print.resolvedBy')}</th>
          </tr>
        </thead>
        <tbody>
          {model.conflicts.map((c) => (
            <tr key={c.id}>
              <td>{c.base?.name ?? '—'}</td>
              <td>{c.expertName}</td>
              <td className="num">{formatPoints(c.local.total)}</td>
              <td className="num">{formatPoints(c.incoming.total)}</td>
              <td className={c.isOpen ? 'report-flag' : undefined}>
                {c.isOpen
                  ? t('report.print.open')
                  : t(`report.print.resolution.${c.resolution ?? 'manual'}`)}
              </td>
              <td>{c.resolvedBy ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
};

export const ReportTypePage = ({
  model,
  summary,
  children,
}: {
  model: ReportModel;
  summary: ReportTypeSummary;
  children?: ReactNode;
}) => {
  const { t } = useTranslation();
  const labels = useLabels();
  const decisionText = useRecommendationText(model.input.bases);
  const rows = model.rows.filter((row) => row.base.type === summary.type);
  return (
    <section className="report-page report-type-page" data-testid="report-type-page">
      {summary.type === model.types[0]?.type ? <h2>{t('report.print.ranking')}</h2> : null}
      <h3>
        {t('report.print.typeHeading', {
          type: `${summary.type} ${labels.typeName(summary.type)}`,
          count: summary.bases,
        })}
      </h3>
      <table>
        <colgroup>
          <col style={{ width: '6%' }} />
          <col style={{ width: '31%' }} />
          <col style={{ width: '8%' }} />
          <col style={{ width: '7%' }} />
          <col style={{ width: '11%' }} />
          <col style={{ width: '9%' }} />
          <col style={{ width: '9%' }} />
          <col />
        </colgroup>
        <thead>
          <tr>
            <th className="num">{t('report.print.rank')}</th>
            <th>{t('report.print.base')}</th>
            <th className="num">{t('report.print.city')}</th>
            <th className="num">{t('report.print.sheetsShort')}</th>
            <th className="num">{t('report.print.score')}</th>
            <th className="num">{t('report.print.grade')}</th>
            <th className="num">{t('report.print.range')}</th>
            <th>{t('report.print.decision')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.base.id} data-testid="report-ranking-row" data-base-id={row.base.id}>
              <td className="num">{row.rankInType ?? '—'}</td>
              <td>
                {row.base.name}
                <br />
                <small>{row.base.hostInstitution}</small>
              </td>
              <td className="num">{row.base.city}</td>
              <td className="num">{row.sheets}</td>
              <td className="num">{formatPoints(row.aggregate)}</td>
              <td className="num">{labels.gradeName(row.grade)}</td>
              <td className={row.isDisagreement ? 'num report-flag' : 'num'}>
                {formatPoints(row.range)}
              </td>
              <td>{row.decision ? decisionText(row.decision) : t('report.print.undecided')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        {t('report.print.typeFooter', {
          scored: summary.scored,
          unscored: summary.unscored,
          undecided: summary.undecided,
        })}
      </p>
      {summary.quotaNotes.length > 0 ? (
        <ul className="report-notes">
          {summary.quotaNotes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      ) : null}
      {children}
    </section>
  );
};
