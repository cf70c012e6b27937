// 从省厅名单包开始: the secretariat opens the department's registry bundle, sees that it is
// complete and signed, compares the signing key's fingerprint with the one the department
// gave (a tick and the name of who compared, as for a panel device's key), checks what it
// holds (bases per type, purpose, year), and takes it into the wizard. Nothing is written
// here; the round, its roster and the bases' history are written when the wizard finishes.
import { Alert, Button, Card, Checkbox, Descriptions, Input, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFileHash } from '../../../../shared/bundle/fileHash';
import { openRegistrySource } from '../../../../shared/secretariat/registrySource';
import type {
  RegistrySource,
  RegistrySummary,
} from '../../../../shared/secretariat/registrySource';
import { useLabels } from '../../../app/hooks/useLabels';
import { getDesktopApi } from '../../../platform/desktopApi';
import { useOperatorName } from '../results/useOperatorName';

export type AcceptedSource = { source: RegistrySource; comparedBy: string };

type Phase =
  | { kind: 'idle' }
  | { kind: 'reading'; fileName: string }
  | { kind: 'failed'; message: string }
  | { kind: 'verified'; source: RegistrySource };

export const RegistrySourceStep = ({
  onAccepted,
  onBack,
}: {
  onAccepted: (accepted: AcceptedSource) => void;
  onBack: () => void;
}) => {
  const { t } = useTranslation();
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [isTicked, setIsTicked] = useState(false);
  const [operator, setOperator] = useOperatorName();

  const pick = async () => {
    const picked = await getDesktopApi().file.openBundles({ multi: false, folders: false });
    if (!picked.ok) {
      setPhase({ kind: 'failed', message: picked.error.message });
      return;
    }
    const file = picked.value.cancelled ? undefined : picked.value.files[0];
    if (file === undefined) return;
    setIsTicked(false);
    setPhase({ kind: 'reading', fileName: file.name });
    const opened = await openRegistrySource(file.bytes, file.name, { crypto: globalThis.crypto });
    setPhase(
      opened.ok
        ? { kind: 'verified', source: opened.source }
        : { kind: 'failed', message: opened.message },
    );
  };

  const why = !isTicked
    ? t('cycle.fromRegistry.needTick')
    : operator.trim() === ''
      ? t('cycle.fromRegistry.needOperator')
      : undefined;

  return (
    <Card size="small" title={t('cycle.fromRegistry.title')} data-testid="registry-source">
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('cycle.fromRegistry.registryHint')}
        </Typography.Paragraph>
        <Space>
          <Button onClick={onBack} data-testid="registry-source-back">
            {t('cycle.fromRegistry.back')}
          </Button>
          <Button
            type={phase.kind === 'verified' ? 'default' : 'primary'}
            loading={phase.kind === 'reading'}
            onClick={() => void pick()}
            data-testid="registry-source-pick"
          >
            {phase.kind === 'reading'
              ? t('cycle.fromRegistry.reading')
              : t('cycle.fromRegistry.pick')}
          </Button>
        </Space>
        {phase.kind === 'failed' ? (
          <Alert type="error" showIcon title={phase.message} data-testid="registry-source-error" />
        ) : null}
        {phase.kind === 'verified' ? (
          <>
            <SourceFacts source={phase.source} />
            <Alert
              type="warning"
              showIcon
              data-testid="registry-source-fingerprint"
              title={t('cycle.fromRegistry.compareTitle')}
              description={
                <Space orientation="vertical" style={{ width: '100%' }}>
                  <Typography.Text>{t('cycle.fromRegistry.compareBody')}</Typography.Text>
                  <Typography.Text strong style={{ fontSize: 18, letterSpacing: 1 }}>
                    <span data-testid="registry-source-signer">{phase.source.fingerprint}</span>
                  </Typography.Text>
                  <Checkbox
                    checked={isTicked}
                    onChange={(event) => setIsTicked(event.target.checked)}
                    data-testid="registry-source-tick"
                  >
                    {t('cycle.fromRegistry.compareTick', {
                      fingerprint: phase.source.fingerprint,
                    })}
                  </Checkbox>
                  <Space>
                    <Typography.Text>{t('cycle.fromRegistry.operator')}</Typography.Text>
                    <Input
                      value={operator}
                      maxLength={200}
                      placeholder={t('cycle.fromRegistry.operatorPlaceholder')}
                      onChange={(event) => setOperator(event.target.value)}
                      style={{ width: 240 }}
                      data-testid="registry-source-operator"
                    />
                  </Space>
                  {why === undefined ? null : (
                    <Typography.Text type="secondary" data-testid="registry-source-why">
                      {why}
                    </Typography.Text>
                  )}
                </Space>
              }
            />
            <SummaryTable summary={phase.source.summary} />
            <Button
              type="primary"
              disabled={why !== undefined}
              onClick={() => onAccepted({ source: phase.source, comparedBy: operator.trim() })}
              data-testid="registry-source-continue"
            >
              {t('cycle.fromRegistry.continue')}
            </Button>
          </>
        ) : null}
      </Space>
    </Card>
  );
};

const SourceFacts = ({ source }: { source: RegistrySource }) => {
  const { t } = useTranslation();
  const hash = formatFileHash(source.sha256);
  const { summary } = source;
  return (
    <>
      <Alert type="success" showIcon title={t('cycle.fromRegistry.verified')} />
      <Descriptions column={2} size="small" bordered data-testid="registry-source-facts">
        <Descriptions.Item label={t('cycle.fromRegistry.fileLabel')}>
          {source.fileName}
        </Descriptions.Item>
        <Descriptions.Item label={t('cycle.fromRegistry.sha256')}>
          <Typography.Text code title={hash?.full}>
            {hash?.short ?? '—'}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('cycle.fromRegistry.listTitle')}>
          {summary.title}
        </Descriptions.Item>
        <Descriptions.Item label={t('cycle.fromRegistry.year')}>
          <span data-testid="registry-source-year">{summary.year}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('cycle.fromRegistry.purpose')}>
          <span data-testid="registry-source-purpose">
            {t(`cycle.fromRegistry.purposes.${summary.purpose}`)}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('cycle.fromRegistry.preview')}>
          <span data-testid="registry-source-total">
            {t('cycle.fromRegistry.basesTotal', { count: summary.total })}
          </span>
          {' · '}
          {t('cycle.fromRegistry.withHistory', { count: summary.withHistory })}
          {summary.rectifying > 0
            ? ` · ${t('cycle.fromRegistry.rectifying')} ${summary.rectifying}`
            : ''}
        </Descriptions.Item>
      </Descriptions>
    </>
  );
};

const SummaryTable = ({ summary }: { summary: RegistrySummary }) => {
  const { t } = useTranslation();
  const labels = useLabels();
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="type"
      title={() => t('cycle.fromRegistry.byType')}
      dataSource={summary.byType}
      data-testid="registry-source-types"
      columns={[
        {
          title: t('cycle.fromRegistry.type'),
          dataIndex: 'type',
          render: (type: RegistrySummary['byType'][number]['type']) =>
            `${type} ${labels.typeName(type)}`,
        },
        { title: t('cycle.fromRegistry.count'), dataIndex: 'count', align: 'right' },
      ]}
    />
  );
};
