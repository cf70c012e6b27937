// Expert scoring area: pick an expert, see the bases assigned and each scoresheet's state.
// The scoresheet form itself is added by the scoring work.
import { Card, Empty, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  useAssignments,
  useBases,
  useCurrentRound,
  useExperts,
  useScoresheets,
} from '../../db/hooks';
import { sheetState, type SheetState } from '../../db/queries';
import type { Base, BaseTypeCode } from '../../../shared/domain/types';
import { useLabels } from '../../app/hooks/useLabels';

const STATE_COLORS: Record<SheetState, string> = {
  notStarted: 'default',
  draft: 'gold',
  submitted: 'green',
  recused: 'purple',
};

type WorkRow = {
  base: Base;
  state: SheetState;
  total: number | null;
  recusalReason: string | undefined;
};

export const ScoringPage = () => {
  const { t } = useTranslation();
  const labels = useLabels();
  const round = useCurrentRound();
  const experts = useExperts(round?.id);
  const bases = useBases(round?.id);
  const assignments = useAssignments(round?.id);
  const sheets = useScoresheets(round?.id);
  const [chosen, setChosen] = useState<string | undefined>();
  const expertId = chosen ?? experts?.[0]?.id;

  const rows = useMemo((): WorkRow[] => {
    if (!bases || !assignments || !sheets || expertId === undefined) return [];
    const baseById = new Map(bases.map((base) => [base.id, base]));
    const sheetByBase = new Map(
      sheets.filter((sheet) => sheet.expertId === expertId).map((sheet) => [sheet.baseId, sheet]),
    );
    return assignments
      .filter((a) => a.expertId === expertId)
      .flatMap((a) => {
        const base = baseById.get(a.baseId);
        if (!base) return [];
        const sheet = sheetByBase.get(a.baseId);
        const state = sheetState(a, sheet);
        const total =
          sheet && state !== 'recused'
            ? Object.values(sheet.scores).reduce((sum, score) => sum + score, 0)
            : null;
        return [{ base, state, total, recusalReason: (a.recusal ?? sheet?.recusal)?.reason }];
      })
      .sort((x, y) => x.base.code.localeCompare(y.base.code));
  }, [bases, assignments, sheets, expertId]);

  if (round === undefined) return <Spin />;
  if (round === null) return <Empty description={t('home.noRoundTitle')} />;
  if (!experts || !bases || !assignments || !sheets) return <Spin />;
  const submitted = rows.filter((row) => row.state === 'submitted').length;

  return (
    <div>
      <Typography.Title level={3}>{t('scoring.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('scoring.intro')}</Typography.Paragraph>
      <Card>
        <Space style={{ marginBottom: 12 }}>
          <Select
            showSearch
            optionFilterProp="label"
            style={{ width: 320 }}
            placeholder={t('scoring.chooseExpert')}
            value={expertId}
            onChange={setChosen}
            options={experts.map((expert) => ({
              value: expert.id,
              label: `${expert.name} · ${expert.institution}`,
            }))}
            data-testid="expert-select"
          />
          <Typography.Text data-testid="expert-progress">
            {t('scoring.progress', { submitted, total: rows.length })}
          </Typography.Text>
        </Space>
        <Table<WorkRow>
          size="small"
          rowKey={(row) => row.base.id}
          dataSource={rows}
          pagination={{ pageSize: 20, showSizeChanger: false }}
          columns={[
            { title: t('scoring.base'), key: 'name', render: (_, row) => row.base.name },
            {
              title: t('secretariat.type'),
              key: 'type',
              render: (_, row) =>
                `${row.base.type} ${labels.typeName(row.base.type satisfies BaseTypeCode)}`,
            },
            {
              title: t('secretariat.host'),
              key: 'host',
              render: (_, row) => row.base.hostInstitution,
            },
            { title: t('secretariat.city'), key: 'city', render: (_, row) => row.base.city },
            {
              title: t('scoring.state'),
              key: 'state',
              render: (_, row) => (
                <Tag color={STATE_COLORS[row.state]}>{t(`scoring.states.${row.state}`)}</Tag>
              ),
            },
            {
              title: t('scoring.total'),
              key: 'total',
              align: 'right',
              render: (_, row) => (row.total === null ? '—' : row.total.toFixed(1)),
            },
            {
              title: t('scoring.recusalReason'),
              key: 'reason',
              render: (_, row) => row.recusalReason ?? '',
            },
          ]}
        />
      </Card>
    </div>
  );
};
