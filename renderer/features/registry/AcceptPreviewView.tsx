// The preview of accepting a result bundle: the round and its version, the file's SHA-256
// and the signer's fingerprint to compare with the secretariat's, what accepting does, and
// every change base by base (entered, status, type, rectification deadline, merge target;
// new evaluation lines are counted). 接收 is offered only when accepting writes something.
import { Alert, Button, Card, Descriptions, Input, Space, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegistryChange } from '../../../shared/registry/changes';
import type { AcceptancePreview } from '../../db/repositories/registryRepository';
import { acceptanceNotice } from '../../db/repositories/registryRepository';
import { useRegistryState } from '../../db/registryHooks';
import { formatTime } from '../backups/format';
import { isRegistryStatus, rowTestProps, useRegistryLabels } from './registryLabels';

const ACTION_COLORS = { new: 'green', replace: 'blue', unchanged: 'default', older: 'red' };

/** Each base's changes but its evaluation lines, which are counted in the summary. */
const shownChanges = (changes: readonly RegistryChange[]) =>
  changes.filter((c) => c.kind !== 'history');

export function changeCounts(changes: readonly RegistryChange[]) {
  const codes = (kind: RegistryChange['kind']) =>
    new Set(changes.filter((c) => c.kind === kind).map((c) => c.code)).size;
  return {
    entered: changes.filter((c) => c.kind === 'entered' && c.to !== undefined).length,
    status: codes('status'),
    type: codes('type'),
    history: changes.filter((c) => c.kind === 'history').length,
  };
}

export const AcceptPreviewView = ({
  preview,
  operator,
  onOperatorChange,
  isCommitting,
  onAccept,
  onCancel,
}: {
  preview: AcceptancePreview;
  operator: string;
  onOperatorChange: (name: string) => void;
  isCommitting: boolean;
  onAccept: () => void;
  onCancel: () => void;
}) => {
  const { t, i18n } = useTranslation();
  const labels = useRegistryLabels();
  const state = useRegistryState();
  const { incoming, action } = preview;
  const names = useMemo(() => {
    const map = new Map((state?.bases ?? []).map((b) => [b.code, b.name]));
    for (const b of incoming.bases) map.set(b.code, b.name);
    return map;
  }, [state, incoming]);
  const rows = useMemo(() => shownChanges(preview.changes), [preview.changes]);
  const counts = useMemo(() => changeCounts(preview.changes), [preview.changes]);
  const notice = acceptanceNotice(preview);
  const writes = action === 'new' || action === 'replace';

  const value = (change: RegistryChange, text: string | undefined): string => {
    if (text === undefined) return '—';
    switch (change.kind) {
      case 'entered':
      case 'type':
        return labels.anyTypeName(text);
      case 'status':
        return isRegistryStatus(text) ? labels.statusName(text) : text;
      case 'mergedInto':
        return `${text} ${names.get(text) ?? ''}`.trim();
      default:
        return text;
    }
  };
  const kindLabel = (change: RegistryChange): string =>
    change.kind === 'entered' && change.to === undefined
      ? t('registry.accept.changeKind.left')
      : t(`registry.accept.changeKind.${change.kind}`);

  return (
    <Card
      title={t('registry.accept.previewTitle', { file: preview.fileName })}
      data-testid="registry-accept-preview"
    >
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Descriptions size="small" column={1} bordered>
          <Descriptions.Item label={t('registry.accept.round')}>
            {t('registry.accept.roundValue', {
              year: incoming.year,
              name: incoming.name,
              version: incoming.version,
            })}
          </Descriptions.Item>
          <Descriptions.Item label={t('registry.accept.closedAt')}>
            {formatTime(incoming.closedAt, i18n.language)} · {incoming.closedBy}
          </Descriptions.Item>
          <Descriptions.Item label={t('registry.accept.bases')}>
            {incoming.bases.length}
          </Descriptions.Item>
          <Descriptions.Item label={t('registry.accept.sha256')}>
            <Typography.Text code copyable data-testid="registry-accept-sha256">
              {preview.bundleSha256}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('registry.accept.signer')}>
            <Space orientation="vertical" size={0}>
              <Typography.Text strong code data-testid="registry-accept-fingerprint">
                {preview.signerFingerprint}
              </Typography.Text>
              <Typography.Text type="secondary">{t('registry.accept.signerHint')}</Typography.Text>
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('registry.accept.action')}>
            <Tag
              color={ACTION_COLORS[action]}
              data-testid="registry-accept-action"
              data-action={action}
            >
              {t(`registry.accept.actions.${action}`, {
                version: preview.previous?.version ?? incoming.version,
              })}
            </Tag>
          </Descriptions.Item>
        </Descriptions>

        {notice === undefined ? (
          <Alert
            type="info"
            showIcon
            title={t('registry.accept.summary', counts)}
            data-testid="registry-accept-summary"
            data-entered={counts.entered}
            data-status={counts.status}
            data-type={counts.type}
            data-history={counts.history}
          />
        ) : (
          <Alert type="warning" showIcon title={notice} data-testid="registry-accept-notice" />
        )}

        {writes ? (
          <>
            <Typography.Text strong>
              {t('registry.accept.changes', { count: rows.length })}
            </Typography.Text>
            <Table<RegistryChange>
              size="small"
              rowKey={(c) => `${c.code}-${c.kind}-${c.from ?? ''}-${c.to ?? ''}`}
              dataSource={rows}
              pagination={{ defaultPageSize: 20, hideOnSinglePage: true }}
              locale={{ emptyText: t('registry.accept.noChanges') }}
              onRow={(c) => rowTestProps(`registry-accept-change-${c.code}-${c.kind}`)}
              data-testid="registry-accept-changes"
              columns={[
                { title: t('registry.bases.code'), dataIndex: 'code', width: 130 },
                { title: t('registry.bases.name'), dataIndex: 'name' },
                {
                  title: t('registry.accept.changeItem'),
                  key: 'kind',
                  width: 100,
                  render: (_: unknown, c) => <Tag>{kindLabel(c)}</Tag>,
                },
                {
                  title: t('registry.accept.changeValue'),
                  key: 'change',
                  render: (_: unknown, c) =>
                    c.from === undefined
                      ? value(c, c.to)
                      : `${value(c, c.from)} → ${value(c, c.to)}`,
                },
              ]}
            />
          </>
        ) : null}

        <Space wrap>
          {writes ? (
            <>
              <Typography.Text>{t('registry.accept.operator')}</Typography.Text>
              <Input
                style={{ width: 200 }}
                value={operator}
                placeholder={t('registry.accept.operatorPlaceholder')}
                onChange={(event) => onOperatorChange(event.target.value)}
                data-testid="registry-accept-operator"
              />
              <Button
                type="primary"
                loading={isCommitting}
                onClick={onAccept}
                data-testid="registry-accept-confirm"
              >
                {t('registry.accept.confirm')}
              </Button>
            </>
          ) : null}
          <Button onClick={onCancel} disabled={isCommitting} data-testid="registry-accept-cancel">
            {t('registry.accept.cancel')}
          </Button>
        </Space>
      </Space>
    </Card>
  );
};
