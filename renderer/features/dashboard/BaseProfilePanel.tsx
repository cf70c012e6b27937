// The base profile tab: pick a base (or arrive from a click on the ranking) and see its
// indicators against its type, and the experts' totals.
import { Col, Descriptions, Empty, Row, Tag } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { baseProfile } from '../../../shared/charts/baseProfile';
import type { BaseProfileData } from '../../../shared/charts/baseProfile';
import type { BaseResult } from '../../../shared/domain/results';
import { builtinTemplateForType } from '../../../shared/domain/templates';
import type { IndicatorTemplate, Round } from '../../../shared/domain/types';
import type { DashboardRecords } from '../../db/dashboardHooks';
import { GRADE_COLORS, useLabels } from '../../app/hooks/useLabels';
import { BaseSelect } from './BaseSelect';
import { ChartCard } from './ChartCard';
import { formatPoints } from './chartTheme';
import { ExpertDots, ProfileBars, ProfileRadar } from './charts/ProfileCharts';

export function templateOfType(
  round: Round,
  templates: readonly IndicatorTemplate[],
  type: BaseResult['base']['type'],
): IndicatorTemplate {
  const id = round.templateByType[type];
  return templates.find((template) => template.id === id) ?? builtinTemplateForType(type);
}

export function useBaseProfile(
  records: DashboardRecords,
  roundResults: readonly BaseResult[],
  baseId: string | undefined,
): BaseProfileData | undefined {
  return useMemo(() => {
    const result = roundResults.find((row) => row.base.id === baseId);
    if (!result) return undefined;
    return baseProfile({
      result,
      roundResults,
      scoresheets: records.scoresheets,
      template: templateOfType(records.round, records.templates, result.base.type),
      experts: records.experts,
    });
  }, [records, roundResults, baseId]);
}

export const ProfileCards = ({
  profile,
  part = 'all',
}: {
  profile: BaseProfileData;
  /** The print view puts the radar and dots, and the indicator bars, on separate pages. */
  part?: 'all' | 'radar' | 'bars';
}) => {
  const { t } = useTranslation();
  return (
    <>
      {part === 'bars' ? null : (
        <Row gutter={16}>
          <Col span={12}>
            <ChartCard
              title={t('dashboard.profile.radarShort')}
              exportTitle={t('dashboard.profile.radarTitle', { name: profile.name })}
              testId="profile-radar"
            >
              {(width) => <ProfileRadar profile={profile} width={width} />}
            </ChartCard>
          </Col>
          <Col span={12}>
            <ChartCard
              title={t('dashboard.profile.dotsShort')}
              exportTitle={t('dashboard.profile.dotsTitle', { name: profile.name })}
              testId="profile-experts"
            >
              {(width) => <ExpertDots profile={profile} width={width} />}
            </ChartCard>
          </Col>
        </Row>
      )}
      {part === 'radar' ? null : (
        <ChartCard
          title={t('dashboard.profile.barsTitle', { name: profile.name })}
          testId="profile-bars"
          footer={t('dashboard.profile.definition')}
        >
          {(width) => <ProfileBars profile={profile} width={width} />}
        </ChartCard>
      )}
    </>
  );
};

export const BaseProfilePanel = ({
  records,
  roundResults,
  view,
  baseId,
  onSelectBase,
}: {
  records: DashboardRecords;
  roundResults: readonly BaseResult[];
  view: readonly BaseResult[];
  baseId: string | undefined;
  onSelectBase: (baseId: string) => void;
}) => {
  const { t } = useTranslation();
  const labels = useLabels();
  const profile = useBaseProfile(records, roundResults, baseId);
  const result = roundResults.find((row) => row.base.id === baseId);
  return (
    <>
      <div style={{ marginBottom: 16 }}>
        <BaseSelect rows={view} value={baseId} onChange={onSelectBase} testId="profile-base" />
      </div>
      {!profile || !result ? (
        <Empty description={t('dashboard.chooseBase')} />
      ) : (
        <>
          <Descriptions
            size="small"
            column={4}
            style={{ marginBottom: 16 }}
            data-testid="profile-summary"
          >
            <Descriptions.Item label={t('secretariat.name')}>{result.base.name}</Descriptions.Item>
            <Descriptions.Item label={t('secretariat.type')}>
              {labels.typeName(result.base.type)}
            </Descriptions.Item>
            <Descriptions.Item label={t('secretariat.host')}>
              {result.base.hostInstitution}
            </Descriptions.Item>
            <Descriptions.Item label={t('secretariat.city')}>{result.base.city}</Descriptions.Item>
            <Descriptions.Item label={t('dashboard.score')}>
              {formatPoints(result.aggregate)}
              {result.grade ? (
                <Tag color={GRADE_COLORS[result.grade]} style={{ marginLeft: 8 }}>
                  {labels.gradeName(result.grade)}
                </Tag>
              ) : null}
            </Descriptions.Item>
            <Descriptions.Item label={t('dashboard.rank')}>
              {result.rankInType === null ? '—' : `${result.rankInType} / ${result.typeCount}`}
            </Descriptions.Item>
            <Descriptions.Item label={t('dashboard.profile.typeMean')}>
              {formatPoints(profile.typeMeanAggregate)}
            </Descriptions.Item>
            <Descriptions.Item label={t('dashboard.experts')}>{result.sheets}</Descriptions.Item>
          </Descriptions>
          <ProfileCards profile={profile} />
        </>
      )}
    </>
  );
};
