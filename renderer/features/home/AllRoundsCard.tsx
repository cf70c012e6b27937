// 全部评估轮次: every round on this computer, archived or not, with its year, type, status
// (and closing version), number of bases, and a button that makes it the current round.
import { App, Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Round } from '../../../shared/domain/types';
import { db } from '../../db/instance';
import { setCurrentRound } from '../../db/repositories/roundRepository';
import type { RoundSummary } from '../../db/roundListHooks';

const STATUS_COLORS: Readonly<Record<Round['status'], string>> = {
  setup: 'blue',
  issued: 'green',
  closed: 'default',
};

const RoundStatus = ({ round }: { round: Round }) => {
  const { t } = useTranslation();
  const closure = round.closure;
  return (
    <Space size={4} wrap>
      <Tag color={STATUS_COLORS[round.status]}>{t(`setup.status.${round.status}`)}</Tag>
      {closure !== undefined ? (
        <Typography.Text type="secondary">
          {t('cycle.rounds.version', { version: closure.version })}
          {closure.reopenedAt !== undefined ? ` · ${t('cycle.rounds.reopened')}` : ''}
        </Typography.Text>
      ) : null}
    </Space>
  );
};

export const AllRoundsCard = ({
  summaries,
  currentRoundId,
}: {
  summaries: readonly RoundSummary[];
  currentRoundId: string | undefined;
}) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const open = async (round: Round) => {
    try {
      const result = await setCurrentRound(db, round.id);
      if (result.ok) message.success(t('cycle.rounds.opened', { name: round.name }));
      else message.error(result.error.message);
    } catch (error) {
      message.error(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <Card title={t('cycle.rounds.title')} style={{ marginTop: 16 }} data-testid="all-rounds">
      <Typography.Paragraph type="secondary">{t('cycle.rounds.hint')}</Typography.Paragraph>
      <Table<RoundSummary>
        size="small"
        rowKey={(row) => row.round.id}
        pagination={summaries.length > 10 ? { pageSize: 10 } : false}
        dataSource={[...summaries]}
        columns={[
          {
            title: t('cycle.rounds.year'),
            key: 'year',
            width: 80,
            render: (_, row) => row.round.year,
          },
          {
            title: t('cycle.rounds.name'),
            key: 'name',
            render: (_, row) => (
              <Space size={4} wrap>
                <span data-testid="round-row-name">{row.round.name}</span>
                {row.round.archive ? (
                  <Tag data-testid="round-archived">{t('cycle.rounds.archived')}</Tag>
                ) : null}
                {row.round.isDemo ? <Tag color="orange">{t('cycle.rounds.demo')}</Tag> : null}
              </Space>
            ),
          },
          {
            title: t('cycle.rounds.evaluationType'),
            key: 'type',
            render: (_, row) => t(`evaluationType.${row.round.evaluationType}`),
          },
          {
            title: t('cycle.rounds.status'),
            key: 'status',
            render: (_, row) => <RoundStatus round={row.round} />,
          },
          {
            title: t('cycle.rounds.bases'),
            key: 'bases',
            align: 'right',
            render: (_, row) => <span data-testid="round-row-bases">{row.bases}</span>,
          },
          {
            title: t('cycle.rounds.action'),
            key: 'action',
            width: 120,
            render: (_, row) =>
              row.round.id === currentRoundId ? (
                <Tag color="processing" data-testid="round-current">
                  {t('cycle.rounds.current')}
                </Tag>
              ) : (
                <Button size="small" onClick={() => void open(row.round)} data-testid="open-round">
                  {t('cycle.rounds.open')}
                </Button>
              ),
          },
        ]}
      />
    </Card>
  );
};
