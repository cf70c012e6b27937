// One base of the registry: what the department keeps about it, its status story (entered,
// included, converted, rectifying, merged, revoked, year by year and by which round), and
// every round that evaluated it with aggregate, grade and decision under that round's rule.
import { Descriptions, Drawer, Empty, Table, Tag, Timeline, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  AcceptedRound,
  RegistryBase,
  RegistryEvent,
  RegistryHistoryEntry,
} from '../../../shared/registry/types';
import { formatScore } from '../../app/hooks/useLabels';
import { STATUS_COLORS, useRegistryLabels } from './registryLabels';

export const BaseHistoryDrawer = ({
  base,
  events,
  rounds,
  nameOf,
  onClose,
}: {
  base: RegistryBase;
  events: readonly RegistryEvent[];
  rounds: readonly AcceptedRound[];
  nameOf: (code: string) => string | undefined;
  onClose: () => void;
}) => {
  const { t } = useTranslation();
  const labels = useRegistryLabels();
  const roundNames = useMemo(() => new Map(rounds.map((r) => [r.roundId, r.name])), [rounds]);
  const story = useMemo(() => events.filter((e) => e.code === base.code), [events, base.code]);

  const eventText = (event: RegistryEvent): string => {
    const text = t(`registry.bases.history.event.${event.kind}`, {
      year: event.year,
      from: event.from === undefined ? '—' : labels.anyTypeName(event.from),
      to: event.to === undefined ? '—' : labels.anyTypeName(event.to),
    });
    const round = event.roundId === undefined ? undefined : roundNames.get(event.roundId);
    const source =
      event.roundId === undefined
        ? t('registry.bases.history.byApproval')
        : t('registry.bases.history.byRound', { round: round ?? event.roundId });
    const target =
      event.kind === 'merged' && base.mergedInto !== undefined
        ? ` → ${base.mergedInto} ${nameOf(base.mergedInto) ?? ''}`.trimEnd()
        : '';
    return `${text}${target}${source}`;
  };

  return (
    <Drawer
      open
      size="large"
      title={t('registry.bases.history.title', { code: base.code, name: base.name })}
      onClose={onClose}
      data-testid="registry-base-drawer"
    >
      <Typography.Title level={5}>{t('registry.bases.history.info')}</Typography.Title>
      <Descriptions size="small" column={2} bordered style={{ marginBottom: 24 }}>
        <Descriptions.Item label={t('registry.bases.statusColumn')} span={2}>
          <Tag color={STATUS_COLORS[base.status]} data-testid="registry-drawer-status">
            {labels.statusText(base, nameOf)}
          </Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('registry.bases.category')}>
          {labels.categoryName(base.category)}
        </Descriptions.Item>
        <Descriptions.Item label={t('registry.bases.type')}>
          {labels.shownType(base)}
          {base.previousType === undefined
            ? null
            : `（${t('registry.bases.previousType', { type: labels.anyTypeName(base.previousType) })}）`}
        </Descriptions.Item>
        <Descriptions.Item label={t('registry.bases.host')}>
          {base.hostInstitution}
        </Descriptions.Item>
        <Descriptions.Item label={t('registry.bases.city')}>{base.city}</Descriptions.Item>
        <Descriptions.Item label={t('registry.bases.director')}>{base.director}</Descriptions.Item>
        <Descriptions.Item label={t('registry.bases.field')}>{base.field}</Descriptions.Item>
        <Descriptions.Item label={t('registry.bases.year')}>
          {base.yearEstablished}
        </Descriptions.Item>
        <Descriptions.Item label={t('registry.bases.entered')}>
          {base.enteredYear}
        </Descriptions.Item>
      </Descriptions>

      <Typography.Title level={5}>{t('registry.bases.history.story')}</Typography.Title>
      <Timeline
        style={{ marginTop: 12 }}
        data-testid="registry-drawer-story"
        items={story.map((event, index) => ({
          key: `${String(index)}-${event.kind}`,
          color: event.kind === 'revoked' ? 'red' : event.kind === 'rectifying' ? 'orange' : 'blue',
          content: eventText(event),
        }))}
      />

      <Typography.Title level={5}>{t('registry.bases.history.rounds')}</Typography.Title>
      {base.history.length === 0 ? (
        <Empty description={t('registry.bases.history.noRounds')} />
      ) : (
        <Table<RegistryHistoryEntry>
          size="small"
          rowKey="roundId"
          pagination={false}
          dataSource={base.history}
          data-testid="registry-drawer-history"
          columns={[
            { title: t('registry.bases.history.year'), dataIndex: 'year', width: 70 },
            { title: t('registry.bases.history.round'), dataIndex: 'roundName' },
            {
              title: t('registry.bases.history.version'),
              dataIndex: 'version',
              width: 80,
              render: (version: number) => t('registry.bases.history.versionValue', { version }),
            },
            {
              title: t('registry.bases.history.aggregate'),
              dataIndex: 'aggregate',
              width: 90,
              render: (value: number | null) => formatScore(value),
            },
            {
              title: t('registry.bases.history.method'),
              dataIndex: 'method',
              width: 130,
              render: (method: RegistryHistoryEntry['method']) => t(`aggregation.${method}`),
            },
            {
              title: t('registry.bases.history.grade'),
              dataIndex: 'grade',
              width: 80,
              render: (grade: RegistryHistoryEntry['grade']) => labels.gradeName(grade),
            },
            {
              title: t('registry.bases.history.decision'),
              key: 'decision',
              render: (_: unknown, entry) => labels.decisionText(entry),
            },
          ]}
        />
      )}
    </Drawer>
  );
};
