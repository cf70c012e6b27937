// Home: the current round's progress and every round on this computer (全部评估轮次), or —
// on a fresh install — the offer to load the demo. Rounds without a current one (the current
// one deleted) are listed to be opened rather than offered the demo.
import {
  Alert,
  Card,
  Col,
  Descriptions,
  Progress,
  Row,
  Spin,
  Statistic,
  Table,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { useCurrentRound, useRoundOverview } from '../../db/hooks';
import type { RoundOverview } from '../../db/queries';
import type { BaseTypeCode, Round } from '../../../shared/domain/types';
import { BASE_TYPES } from '../../../shared/domain/taxonomy';
import { useLabels } from '../../app/hooks/useLabels';
import { useRoundSummaries } from '../../db/roundListHooks';
import { WelcomeCard } from './WelcomeCard';
import { DemoActions } from './DemoActions';
import { AllRoundsCard } from './AllRoundsCard';

export const HomePage = () => {
  const { t } = useTranslation();
  const round = useCurrentRound();
  const overview = useRoundOverview(round?.id);
  const summaries = useRoundSummaries();
  if (round === undefined || summaries === undefined) return <Spin />;
  if (round === null && summaries.length === 0) return <WelcomeCard />;
  if (round === null) {
    return (
      <div data-testid="no-current-round">
        <Alert
          type="info"
          showIcon
          title={t('cycle.rounds.noCurrentTitle')}
          description={t('cycle.rounds.noCurrentBody', { count: summaries.length })}
        />
        <AllRoundsCard summaries={summaries} currentRoundId={undefined} />
      </div>
    );
  }
  if (overview === undefined) return <Spin />;
  return (
    <>
      <RoundHome round={round} overview={overview} />
      <AllRoundsCard summaries={summaries} currentRoundId={round.id} />
    </>
  );
};

const RoundHome = ({ round, overview }: { round: Round; overview: RoundOverview }) => {
  const { t } = useTranslation();
  const labels = useLabels();
  const { submitted, draft, recused, notStarted } = overview.sheets;
  const expected = submitted + draft + recused + notStarted;
  const settled = submitted + recused;
  const percent = expected === 0 ? 0 : Math.round((settled / expected) * 1000) / 10;
  const ruleText =
    round.aggregation.method === 'trimmedMean'
      ? t('aggregation.trimmedRule', {
          count: round.aggregation.trimCount,
          min: round.aggregation.trimMinSheets,
        })
      : t(`aggregation.${round.aggregation.method}`);
  const typeRows = BASE_TYPES.map((info) => ({
    code: info.code,
    category: labels.categoryName(info.category),
    count: overview.basesByType[info.code],
  })).filter((row) => row.count > 0);

  return (
    <div data-testid="home-round">
      <Typography.Title level={3}>{t('home.title')}</Typography.Title>
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={2} size="small">
          <Descriptions.Item label={t('home.round')}>{round.name}</Descriptions.Item>
          <Descriptions.Item label={t('home.year')}>{round.year}</Descriptions.Item>
          <Descriptions.Item label={t('home.evaluationType')}>
            {t(`evaluationType.${round.evaluationType}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('home.rule')}>{ruleText}</Descriptions.Item>
        </Descriptions>
        {round.isDemo ? <DemoActions roundId={round.id} /> : null}
      </Card>
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col span={6}>
          <Card>
            <Statistic title={t('home.bases')} value={overview.bases} data-testid="stat-bases" />
          </Card>
        </Col>
        <Col span={6}>
          <Card>
            <Statistic title={t('home.panels')} value={overview.panels} data-testid="stat-panels" />
          </Card>
        </Col>
        <Col span={6}>
          <Card>
            <Statistic
              title={t('home.experts')}
              value={overview.experts}
              data-testid="stat-experts"
            />
          </Card>
        </Col>
        <Col span={6}>
          <Card>
            <Statistic
              title={t('home.sheetsSubmitted')}
              value={submitted}
              suffix={`/ ${expected}`}
              data-testid="stat-submitted"
            />
          </Card>
        </Col>
      </Row>
      <Card title={t('home.progress')} style={{ marginBottom: 16 }}>
        <Progress percent={percent} status="active" />
        <Typography.Text type="secondary" data-testid="progress-detail">
          {t('home.progressDetail', { expected, submitted, draft, recused, notStarted })}
        </Typography.Text>
      </Card>
      <Card title={t('home.byType')}>
        <Table
          size="small"
          pagination={false}
          rowKey="code"
          dataSource={typeRows}
          columns={[
            {
              title: t('home.type'),
              dataIndex: 'code',
              render: (code: BaseTypeCode) => `${code} ${labels.typeName(code)}`,
            },
            { title: t('home.category'), dataIndex: 'category' },
            { title: t('home.count'), dataIndex: 'count', align: 'right' },
          ]}
        />
      </Card>
    </div>
  );
};
