// Route /scoring/print/sheet/:baseId: the current expert's scoresheet for one base as a
// signed paper document (A4), printed with the browser's print dialog.
import { Empty, Spin } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useParams } from 'react-router';
import { useBases, useCurrentRound, useExperts, usePanels } from '../../../db/hooks';
import { db } from '../../../db/instance';
import { primaryTotals, sheetTotal } from '../../../../shared/domain/scoresheetTotals';
import type { Base, IndicatorTemplate, Scoresheet } from '../../../../shared/domain/types';
import { ROUTES, scoringSheetPath } from '../../../app/routes';
import { useLabels } from '../../../app/hooks/useLabels';
import { formatLocalTime } from '../AuditTrail';
import { formatPoints, scoresOnlySheet } from '../sheetTotals';
import { useCurrentExpert, useStoredSheet, useTemplateMap } from '../useScoringData';
import { PrintToolbar } from './PrintToolbar';
import { useRecommendationText } from './recommendationText';

const ScoreTable = ({ template, sheet }: { template: IndicatorTemplate; sheet: Scoresheet }) => {
  const { t } = useTranslation();
  const byPrimary = primaryTotals(sheet, template);
  const show = (id: string) => {
    const value = sheet.scores[id];
    return value === undefined ? t('scoring.print.notScored') : formatPoints(value);
  };
  return (
    <table data-testid="print-scores">
      <colgroup>
        <col style={{ width: '20%' }} />
        <col style={{ width: '28%' }} />
        <col style={{ width: '9%' }} />
        <col style={{ width: '9%' }} />
        <col style={{ width: '34%' }} />
      </colgroup>
      <thead>
        <tr>
          <th>{t('scoring.print.primary')}</th>
          <th>{t('scoring.print.secondary')}</th>
          <th className="num">{t('scoring.print.max')}</th>
          <th className="num">{t('scoring.print.score')}</th>
          <th>{t('scoring.print.comment')}</th>
        </tr>
      </thead>
      <tbody>
        {template.primaries.map((primary) => (
          <Fragment key={primary.id}>
            {primary.children.map((child, i) => (
              <tr key={child.id}>
                {i === 0 ? (
                  <td rowSpan={primary.children.length + 1}>
                    {primary.name}
                    <br />（{primary.maxPoints}）
                  </td>
                ) : null}
                <td>{child.name}</td>
                <td className="num">{child.maxPoints}</td>
                <td className="num">{show(child.id)}</td>
                <td>{sheet.comments[child.id] ?? ''}</td>
              </tr>
            ))}
            <tr>
              <td>
                <strong>{t('scoring.print.subtotal')}</strong>
              </td>
              <td className="num">{primary.maxPoints}</td>
              <td className="num">
                <strong>{formatPoints(byPrimary[primary.id] ?? 0)}</strong>
              </td>
              <td>{sheet.comments[primary.id] ?? ''}</td>
            </tr>
          </Fragment>
        ))}
        <tr>
          <td colSpan={2}>
            <strong>{t('scoring.sheet.total')}</strong>
          </td>
          <td className="num">100</td>
          <td className="num" data-testid="print-total">
            <strong>{formatPoints(sheetTotal(sheet, template))}</strong>
          </td>
          <td />
        </tr>
      </tbody>
    </table>
  );
};

export const PrintableSheet = ({
  base,
  sheet,
  template,
  roundName,
  expertLine,
  panelName,
  roundBases,
}: {
  base: Base;
  sheet: Scoresheet;
  template: IndicatorTemplate;
  roundName: string;
  expertLine: string;
  panelName: string;
  roundBases: readonly Base[];
}) => {
  const { t } = useTranslation();
  const labels = useLabels();
  const recommendation = useRecommendationText(roundBases);
  const state = sheet.recusal
    ? t('scoring.sheet.recusedLocked', { reason: sheet.recusal.reason })
    : sheet.status === 'submitted'
      ? t('scoring.print.submittedAt', { at: formatLocalTime(sheet.submittedAt ?? '') })
      : t('scoring.print.draftNotice');
  return (
    <article className="a4-doc print-doc" data-testid="print-sheet">
      <h1>{t('scoring.print.sheetTitle')}</h1>
      <p className="print-subtitle">{roundName}</p>
      <table>
        <tbody>
          <tr>
            <th style={{ width: '16%' }}>{t('secretariat.name')}</th>
            <td colSpan={3}>{base.name}</td>
          </tr>
          <tr>
            <th>{t('secretariat.type')}</th>
            <td>{`${base.type} ${labels.typeName(base.type)}`}</td>
            <th style={{ width: '16%' }}>{t('scoring.sheet.code')}</th>
            <td>{base.code}</td>
          </tr>
          <tr>
            <th>{t('secretariat.host')}</th>
            <td>{base.hostInstitution}</td>
            <th>{t('secretariat.city')}</th>
            <td>{base.city}</td>
          </tr>
          <tr>
            <th>{t('scoring.sheet.expert')}</th>
            <td>{expertLine}</td>
            <th>{t('scoring.print.panel')}</th>
            <td>{panelName}</td>
          </tr>
        </tbody>
      </table>
      <p>{state}</p>
      <ScoreTable template={template} sheet={sheet} />
      <div className="print-block">
        <strong>{t('scoring.sheet.recommendation')}：</strong>
        {recommendation(sheet.recommendation)}
        {sheet.recommendation?.reason
          ? `\n${t('scoring.print.reason')}：${sheet.recommendation.reason}`
          : ''}
      </div>
      <div className="print-block">
        <strong>{t('scoring.sheet.overall')}：</strong>
        {sheet.overallComment}
      </div>
      <div className="print-signature">
        <div>
          {t('scoring.print.signature')}
          <span />
        </div>
        <div>
          {t('scoring.print.date')}
          <span />
        </div>
      </div>
      <p className="print-footer">
        {t('scoring.print.printedAt', { at: formatLocalTime(new Date().toISOString()) })}
      </p>
    </article>
  );
};

export const PrintSheetPage = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { baseId = '' } = useParams();
  const round = useCurrentRound();
  const experts = useExperts(round?.id);
  const panels = usePanels(round?.id);
  const roundBases = useBases(round?.id);
  const templateById = useTemplateMap();
  const current = useCurrentExpert(experts);
  const expertId = current.kind === 'ready' ? current.expert.id : '';
  const base = useLiveQuery(async () => (await db.bases.get(baseId)) ?? null, [baseId]);
  const stored = useStoredSheet(expertId, baseId);

  if (round === null) return <Empty description={t('home.noRoundTitle')} />;
  if (current.kind === 'none' || current.kind === 'locked') {
    return <Navigate to={ROUTES.scoring} replace />;
  }
  if (current.kind === 'loading' || !round || !panels || !roundBases || !templateById)
    return <Spin />;
  if (base === undefined || stored === undefined) return <Spin />;
  if (base === null) return <Empty description={t('scoring.sheet.notFound')} />;
  const templateId = stored?.templateId ?? round.templateByType[base.type];
  const template = templateId === undefined ? undefined : templateById.get(templateId);
  if (!template) return <Empty description={t('scoring.sheet.noTemplate')} />;
  const expert = current.expert;
  const sheet = stored ?? scoresOnlySheet(template, {});

  return (
    <div>
      <PrintToolbar onBack={() => void navigate(scoringSheetPath(base.id))} />
      <PrintableSheet
        base={base}
        sheet={sheet}
        template={template}
        roundName={round.name}
        expertLine={`${expert.name} · ${expert.institution} · ${expert.title}`}
        panelName={panels.find((p) => p.id === expert.panelId)?.name ?? ''}
        roundBases={roundBases}
      />
    </div>
  );
};
