// The rounds the registry has accepted, newest year first: the standing version of each,
// when it was closed, the start of its bundle's SHA-256, and who accepted it when.
import { Card, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AcceptedRound } from '../../../shared/registry/types';
import { useAcceptedRounds } from '../../db/registryHooks';
import { formatTime } from '../backups/format';
import { rowTestProps } from './registryLabels';

const shortSha = (sha: string): string => sha.slice(0, 12);

export const AcceptedRoundsTable = () => {
  const { t, i18n } = useTranslation();
  const time = (iso: string) => formatTime(iso, i18n.language);
  const rounds = useAcceptedRounds();
  return (
    <Card title={t('registry.accept.rounds')}>
      <Table<AcceptedRound>
        size="small"
        rowKey="roundId"
        loading={rounds === undefined}
        dataSource={rounds ?? []}
        pagination={{ defaultPageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('registry.accept.noRounds') }}
        onRow={(round) => rowTestProps(`registry-round-row-${round.roundId}`)}
        data-testid="registry-rounds-table"
        columns={[
          { title: t('registry.accept.year'), dataIndex: 'year', width: 70 },
          { title: t('registry.accept.name'), dataIndex: 'name' },
          {
            title: t('registry.accept.version'),
            dataIndex: 'version',
            width: 80,
            render: (version: number) => (
              <span data-testid="registry-round-version">
                {t('registry.bases.history.versionValue', { version })}
              </span>
            ),
          },
          {
            title: t('registry.accept.baseCount'),
            key: 'bases',
            width: 70,
            render: (_: unknown, round) => round.bases.length,
          },
          {
            title: t('registry.accept.closed'),
            dataIndex: 'closedAt',
            width: 170,
            render: time,
          },
          {
            title: 'SHA-256',
            dataIndex: 'bundleSha256',
            width: 130,
            render: (sha: string) => (
              <Typography.Text code title={sha}>
                {shortSha(sha)}
              </Typography.Text>
            ),
          },
          {
            title: t('registry.accept.acceptedAt'),
            dataIndex: 'acceptedAt',
            width: 170,
            render: time,
          },
          { title: t('registry.accept.acceptedBy'), dataIndex: 'acceptedBy', width: 120 },
        ]}
      />
    </Card>
  );
};
