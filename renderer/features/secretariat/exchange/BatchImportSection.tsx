// 回收评分包: pick many score bundles or a folder (or drop them on the tab), see a preview per
// file, give each encrypted panel's passphrase once, tick each new or changed panel key after
// comparing its fingerprint with the panel's paper summary, import the chosen files with a
// progress bar for the whole batch, and read what changed per file and in total.
import { CloudUploadOutlined, FolderOpenOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Progress, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BatchProgress } from '../../../db/bundles';
import { getDesktopApi } from '../../../platform/desktopApi';
import { BatchKeyChecks } from './BatchKeyChecks';
import { BatchPreviewTable } from './BatchPreviewTable';
import { BatchSummaryView } from './BatchSummaryView';
import { LockedPanels } from './LockedPanels';
import type { BatchImportController } from './useBatchImport';
import { WorkbookPickButton } from './WorkbookPickButton';

const ProgressView = ({ label, progress }: { label: string; progress: BatchProgress }) => {
  const { t } = useTranslation();
  const percent = progress.total === 0 ? 100 : Math.round((progress.done / progress.total) * 100);
  return (
    <div
      data-testid="batch-progress"
      data-phase={progress.phase}
      data-done={progress.done}
      data-total={progress.total}
    >
      <Typography.Text>
        {label} · {t('exchange.import.progress', { done: progress.done, total: progress.total })}
      </Typography.Text>
      <Progress percent={percent} status="active" />
      {progress.current !== undefined ? (
        <Typography.Text type="secondary" data-testid="batch-current">
          {t('exchange.import.current', { name: progress.current })}
        </Typography.Text>
      ) : null}
    </div>
  );
};

export const BatchImportSection = ({
  batch,
  isDisabled,
}: {
  batch: BatchImportController;
  isDisabled: boolean;
}) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { state } = batch;
  const { phase } = state;

  const pick = async (folders: boolean) => {
    const picked = await getDesktopApi().file.openBundles({ multi: true, folders });
    if (!picked.ok) {
      void message.error(picked.error.message);
      return;
    }
    if (picked.value.cancelled) return;
    if (picked.value.files.length === 0) {
      void message.warning(t('exchange.import.noBundles'));
      return;
    }
    await batch.start(picked.value.files);
  };

  const chosen = state.items.filter((i) => state.accepted.has(i.index)).length;
  const canPick = !isDisabled && !batch.isBusy;
  // Why the import waits, in one sentence: a chosen file's key unticked, or no checker's name.
  const waitingFor =
    batch.waitingKeys.length > 0
      ? t('trust.batch.waitingKeys', {
          count: batch.waitingKeys.length,
          keys: batch.waitingKeys.map((k) => `${k.panelName} ${k.fingerprint}`).join('、'),
        })
      : batch.needsOperator
        ? t('trust.batch.needOperator')
        : undefined;

  return (
    <Card title={t('exchange.import.title')} data-testid="batch-import-section">
      <Typography.Paragraph type="secondary">{t('exchange.import.intro')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <Button
          icon={<CloudUploadOutlined />}
          disabled={!canPick}
          onClick={() => void pick(false)}
          data-testid="batch-import-button"
        >
          {t('exchange.import.pickFiles')}
        </Button>
        <Button
          icon={<FolderOpenOutlined />}
          disabled={!canPick}
          onClick={() => void pick(true)}
          data-testid="batch-import-folder-button"
        >
          {t('exchange.import.pickFolder')}
        </Button>
        <WorkbookPickButton disabled={!canPick} onFiles={batch.start} />
        <Typography.Text type="secondary" data-testid="batch-drop-hint">
          {t('exchange.import.dropHint')}
        </Typography.Text>
      </Space>

      {phase.kind === 'reading' ? (
        <ProgressView label={t('exchange.import.reading')} progress={phase.progress} />
      ) : null}
      {phase.kind === 'unlocking' ? (
        <ProgressView label={t('exchange.import.reading')} progress={phase.progress} />
      ) : null}
      {phase.kind === 'backingUp' ? (
        <Typography.Text>{t('exchange.import.backingUp')}</Typography.Text>
      ) : null}
      {phase.kind === 'importing' ? (
        <ProgressView label={t('exchange.import.importing')} progress={phase.progress} />
      ) : null}
      {phase.kind === 'backupFailed' ? (
        <Alert
          type="error"
          showIcon
          title={t('exchange.import.backupFailed', { message: phase.message })}
        />
      ) : null}

      {phase.kind === 'preview' || phase.kind === 'unlocking' ? (
        <>
          <LockedPanels
            items={state.items}
            isBusy={batch.isBusy}
            onUnlock={(panelId, passphrase) => void batch.unlock(panelId, passphrase)}
          />
          <Typography.Title level={5}>
            {t('exchange.import.previewTitle', { count: state.items.length })}
          </Typography.Title>
          <BatchKeyChecks
            keys={batch.keys}
            confirmed={state.confirmedKeys}
            onConfirm={batch.setKeyConfirmed}
            operator={batch.operator}
            onOperator={batch.setOperator}
          />
          <BatchPreviewTable
            items={state.items}
            accepted={state.accepted}
            confirmedFiles={batch.confirmedFiles}
            onAccept={batch.setAccepted}
          />
          {waitingFor === undefined ? null : (
            <Alert
              type="warning"
              showIcon
              style={{ marginTop: 12 }}
              title={waitingFor}
              data-testid="batch-commit-why"
            />
          )}
          <Space style={{ marginTop: 12 }}>
            <Button
              type="primary"
              disabled={chosen === 0 || batch.isBusy || waitingFor !== undefined}
              onClick={() => void batch.commit()}
              data-testid="batch-commit-button"
            >
              {t('exchange.import.commit', { count: chosen })}
            </Button>
            <Button onClick={batch.reset} disabled={batch.isBusy}>
              {t('exchange.import.cancel')}
            </Button>
          </Space>
        </>
      ) : null}

      {phase.kind === 'done' ? (
        <>
          <BatchSummaryView summary={phase.summary} />
          <Button style={{ marginTop: 12 }} onClick={batch.reset} data-testid="batch-again">
            {t('exchange.import.again')}
          </Button>
        </>
      ) : null}
    </Card>
  );
};
