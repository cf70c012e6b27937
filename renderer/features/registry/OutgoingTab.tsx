// 下发名单: the department chooses the bases of the next round — by category, type, city and
// approval year, plus the bases under rectification whose deadline is due — sees how many
// and which, and exports them as a signed registry bundle for the secretariat. 生成复评名单
// is one click: every base under rectification due today, purpose 复评 (followUp).
import { ExportOutlined, HistoryOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CATEGORIES, CITIES } from '../../../shared/domain/taxonomy';
import { followUpSelection, selectBases } from '../../../shared/registry/selection';
import type { RegistryBase, RegistrySelection } from '../../../shared/registry/types';
import { useRegistryState } from '../../db/registryHooks';
import { useOperatorName } from '../secretariat/results/useOperatorName';
import { saveRegistryBundle } from './outgoingRuntime';
import { rowTestProps, STATUS_COLORS, useRegistryLabels } from './registryLabels';
import { actorOf, registryClock } from './registryRuntime';

/** The selection without empty filters, as the bundle carries it. */
export function cleanSelection(selection: RegistrySelection): RegistrySelection {
  const out: RegistrySelection = { purpose: selection.purpose };
  if (selection.categories?.length) out.categories = selection.categories;
  if (selection.types?.length) out.types = selection.types;
  if (selection.cities?.length) out.cities = selection.cities;
  if (selection.yearFrom !== undefined) out.yearFrom = selection.yearFrom;
  if (selection.yearTo !== undefined) out.yearTo = selection.yearTo;
  if (selection.rectifyDueBy) out.rectifyDueBy = selection.rectifyDueBy;
  return out;
}

export const OutgoingTab = () => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const labels = useRegistryLabels();
  const state = useRegistryState();
  const [operator] = useOperatorName();
  const [year, setYear] = useState(() => new Date().getFullYear());
  const [title, setTitle] = useState<string | undefined>(undefined);
  const [selection, setSelection] = useState<RegistrySelection>({ purpose: 'periodic' });
  const [isExporting, setIsExporting] = useState(false);
  const clean = useMemo(() => cleanSelection(selection), [selection]);
  const chosen = useMemo(
    () => (state === undefined ? [] : selectBases(state, clean)),
    [state, clean],
  );
  const names = useMemo(() => new Map((state?.bases ?? []).map((b) => [b.code, b.name])), [state]);
  const shownTitle =
    title ??
    (clean.purpose === 'followUp'
      ? t('registry.outgoing.followUpTitle', { year })
      : t('registry.outgoing.titleDefault', { year }));
  const set = (patch: Partial<RegistrySelection>) =>
    setSelection((current) => ({ ...current, ...patch }));

  const followUp = () => {
    const next = followUpSelection(registryClock.now());
    setSelection(next);
    setTitle(undefined);
    message.info(t('registry.outgoing.followUpDone', { date: next.rectifyDueBy ?? '' }));
  };

  const exportBundle = async () => {
    setIsExporting(true);
    try {
      const fileKey =
        clean.purpose === 'followUp'
          ? 'registry.outgoing.followUpFileName'
          : 'registry.outgoing.fileName';
      const outcome = await saveRegistryBundle(
        {
          year,
          title: shownTitle.trim() || t('registry.outgoing.titleDefault', { year }),
          selection: clean,
          suggestedName: t(fileKey, { year, count: chosen.length }),
        },
        actorOf(operator),
      );
      if (outcome.kind === 'saved') {
        message.success(
          t('registry.outgoing.exported', {
            count: outcome.bases,
            fingerprint: outcome.fingerprint,
          }),
        );
      } else if (outcome.kind === 'empty') message.warning(outcome.message);
      else if (outcome.kind === 'failed') {
        message.error(t('registry.outgoing.exportFailed', { message: outcome.message }), 8);
      }
    } finally {
      setIsExporting(false);
    }
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Typography.Paragraph type="secondary">{t('registry.outgoing.hint')}</Typography.Paragraph>
        <Form layout="vertical">
          <Space wrap align="start" size={16}>
            <Form.Item label={t('registry.outgoing.year')}>
              <InputNumber
                min={2000}
                max={2100}
                value={year}
                onChange={(value) => value !== null && setYear(value)}
                data-testid="registry-outgoing-year"
              />
            </Form.Item>
            <Form.Item label={t('registry.outgoing.title')}>
              <Input
                style={{ width: 360 }}
                value={shownTitle}
                onChange={(event) => setTitle(event.target.value)}
                data-testid="registry-outgoing-title"
              />
            </Form.Item>
            <Form.Item label={t('registry.outgoing.purpose')}>
              <Radio.Group
                value={selection.purpose}
                onChange={(event) =>
                  set({ purpose: event.target.value === 'followUp' ? 'followUp' : 'periodic' })
                }
                options={(['periodic', 'followUp'] as const).map((purpose) => ({
                  value: purpose,
                  label: t(`registry.outgoing.purposes.${purpose}`),
                }))}
                data-testid="registry-outgoing-purpose"
              />
            </Form.Item>
          </Space>
          <Space wrap align="start" size={16}>
            <Form.Item label={t('registry.outgoing.categories')}>
              <Select
                mode="multiple"
                allowClear
                style={{ width: 240 }}
                placeholder={t('registry.outgoing.any')}
                value={selection.categories ?? []}
                onChange={(categories) => set({ categories })}
                options={CATEGORIES.map((c) => ({
                  value: c.code,
                  label: labels.categoryName(c.code),
                }))}
                data-testid="registry-outgoing-categories"
              />
            </Form.Item>
            <Form.Item label={t('registry.outgoing.types')}>
              <Select
                mode="multiple"
                allowClear
                style={{ width: 300 }}
                placeholder={t('registry.outgoing.any')}
                value={selection.types ?? []}
                onChange={(types) => set({ types })}
                options={labels.typeOptions}
                data-testid="registry-outgoing-types"
              />
            </Form.Item>
            <Form.Item label={t('registry.outgoing.cities')}>
              <Select
                mode="multiple"
                allowClear
                style={{ width: 220 }}
                placeholder={t('registry.outgoing.any')}
                value={selection.cities ?? []}
                onChange={(cities) => set({ cities })}
                options={CITIES.map((city) => ({ value: city, label: city }))}
                data-testid="registry-outgoing-cities"
              />
            </Form.Item>
            <Form.Item label={t('registry.outgoing.yearFrom')}>
              <Space>
                <InputNumber
                  min={1949}
                  max={2100}
                  value={selection.yearFrom ?? null}
                  placeholder={t('registry.outgoing.any')}
                  onChange={(value) => set({ yearFrom: value ?? undefined })}
                  data-testid="registry-outgoing-year-from"
                />
                <span>{t('registry.outgoing.yearTo')}</span>
                <InputNumber
                  min={1949}
                  max={2100}
                  value={selection.yearTo ?? null}
                  placeholder={t('registry.outgoing.any')}
                  onChange={(value) => set({ yearTo: value ?? undefined })}
                  data-testid="registry-outgoing-year-to"
                />
              </Space>
            </Form.Item>
            <Form.Item
              label={t('registry.outgoing.rectifyDueBy')}
              tooltip={t('registry.outgoing.rectifyDueByHint')}
            >
              <Input
                type="date"
                style={{ width: 170 }}
                value={selection.rectifyDueBy ?? ''}
                onChange={(event) => set({ rectifyDueBy: event.target.value || undefined })}
                data-testid="registry-outgoing-due"
              />
            </Form.Item>
          </Space>
        </Form>
        <Space wrap>
          <Button
            icon={<HistoryOutlined />}
            onClick={followUp}
            data-testid="registry-outgoing-followup"
          >
            {t('registry.outgoing.followUp')}
          </Button>
          <Button
            type="primary"
            icon={<ExportOutlined />}
            disabled={chosen.length === 0}
            loading={isExporting}
            onClick={() => void exportBundle()}
            data-testid="registry-outgoing-export"
          >
            {t('registry.outgoing.export')}
          </Button>
        </Space>
      </Card>
      <Card
        title={
          <span data-testid="registry-outgoing-count" data-count={chosen.length}>
            {t('registry.outgoing.count', { count: chosen.length })}
          </span>
        }
      >
        {chosen.length === 0 && state !== undefined ? (
          <Alert type="info" showIcon title={t('registry.outgoing.none')} />
        ) : (
          <Table<RegistryBase>
            size="small"
            rowKey="code"
            loading={state === undefined}
            dataSource={chosen}
            pagination={{ defaultPageSize: 50, hideOnSinglePage: true }}
            onRow={(base) => rowTestProps(`registry-outgoing-row-${base.code}`)}
            data-testid="registry-outgoing-table"
            columns={[
              { title: t('registry.bases.code'), dataIndex: 'code', width: 130 },
              { title: t('registry.bases.name'), dataIndex: 'name' },
              {
                title: t('registry.bases.type'),
                key: 'type',
                width: 220,
                render: (_: unknown, base) => labels.shownType(base),
              },
              { title: t('registry.bases.city'), dataIndex: 'city', width: 80 },
              { title: t('registry.bases.year'), dataIndex: 'yearEstablished', width: 90 },
              {
                title: t('registry.bases.statusColumn'),
                key: 'status',
                width: 200,
                render: (_: unknown, base) => (
                  <Tag color={STATUS_COLORS[base.status]}>
                    {labels.statusText(base, (code) => names.get(code))}
                  </Tag>
                ),
              },
            ]}
          />
        )}
      </Card>
    </Space>
  );
};
