// 核对评审组签名密钥: the keys of a batch that a person must compare with the panels' signed
// paper summaries before their files are imported, one row (one tick) per key however many
// files it signed, and the name of the person who checked (recorded in each pin).
import { Card, Checkbox, Input, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { KeyToConfirm } from '../../../db/bundles';

export const BatchKeyChecks = ({
  keys,
  confirmed,
  onConfirm,
  operator,
  onOperator,
}: {
  keys: readonly KeyToConfirm[];
  confirmed: ReadonlySet<string>;
  onConfirm: (id: string, isConfirmed: boolean) => void;
  operator: string;
  onOperator: (name: string) => void;
}) => {
  const { t } = useTranslation();
  if (keys.length === 0) return null;
  return (
    <Card
      size="small"
      title={t('trust.batch.title')}
      style={{ marginBottom: 12 }}
      data-testid="batch-key-checks"
    >
      <Typography.Paragraph type="secondary">{t('trust.batch.intro')}</Typography.Paragraph>
      <Table<KeyToConfirm>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={[...keys]}
        columns={[
          { title: t('trust.batch.panel'), dataIndex: 'panelName' },
          { title: t('trust.batch.device'), dataIndex: 'deviceId' },
          {
            title: t('trust.batch.fingerprint'),
            render: (_, key) => (
              <Space orientation="vertical" size={0}>
                <Typography.Text code data-testid="batch-key-fingerprint">
                  {key.fingerprint}
                </Typography.Text>
                <span>
                  <Tag color={key.status === 'mismatch' ? 'red' : 'blue'}>
                    {t(`trust.batch.statuses.${key.status}`)}
                  </Tag>
                  {key.pinnedFingerprint === undefined ? null : (
                    <Typography.Text type="danger" style={{ fontSize: 12 }}>
                      {t('trust.batch.pinnedBefore', { fingerprint: key.pinnedFingerprint })}
                    </Typography.Text>
                  )}
                </span>
              </Space>
            ),
          },
          {
            title: t('trust.batch.files'),
            render: (_, key) =>
              t('trust.batch.fileList', { list: key.indexes.map((i) => i + 1).join('、') }),
          },
          {
            title: t('trust.batch.check'),
            render: (_, key) => (
              <Checkbox
                checked={confirmed.has(key.id)}
                onChange={(event) => onConfirm(key.id, event.target.checked)}
                data-testid="batch-confirm-key"
                data-device={key.deviceId}
              >
                {t('trust.batch.confirm')}
              </Checkbox>
            ),
          },
        ]}
      />
      <Space style={{ marginTop: 12 }}>
        <Typography.Text>{t('trust.operator')}</Typography.Text>
        <Input
          value={operator}
          maxLength={200}
          placeholder={t('trust.operatorPlaceholder')}
          onChange={(event) => onOperator(event.target.value)}
          style={{ width: 240 }}
          data-testid="key-operator"
        />
      </Space>
    </Card>
  );
};
