// 接收评估结果: a closed round's result bundle, chosen through the desktop API's open dialog
// or dropped on the tab, is checked (limits, hashes, signature, schema) and condensed, and
// every change it brings is shown with the signer's fingerprint and what accepting does
// (new, replace, unchanged, older). 接收 applies it in one transaction; a refusal says why
// and writes nothing. Below: the rounds the registry has accepted.
import { InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import type { DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isBundleFileName } from '../../../shared/ipc/openLimits';
import { carriesFiles } from '../../app/fileDrag';
import { db } from '../../db/instance';
import { commitAcceptance, prepareAcceptance } from '../../db/repositories/registryRepository';
import type { AcceptancePreview } from '../../db/repositories/registryRepository';
import { getDesktopApi } from '../../platform/desktopApi';
import { useOperatorName } from '../secretariat/results/useOperatorName';
import { AcceptedRoundsTable } from './AcceptedRoundsTable';
import { AcceptPreviewView } from './AcceptPreviewView';
import { actorOf, registryClock } from './registryRuntime';

type Phase =
  | { kind: 'idle' }
  | { kind: 'reading'; fileName: string }
  | { kind: 'preview'; preview: AcceptancePreview }
  | { kind: 'committing'; preview: AcceptancePreview }
  | { kind: 'refused'; fileName: string; message: string }
  | { kind: 'done'; message: string; notice?: string };

export const AcceptTab = () => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [operator, setOperator] = useOperatorName();
  const [isDragging, setIsDragging] = useState(false);
  const isBusy = phase.kind === 'reading' || phase.kind === 'committing';

  const open = async (fileName: string, bytes: Uint8Array) => {
    setPhase({ kind: 'reading', fileName });
    const prepared = await prepareAcceptance(db, bytes, fileName, {
      ...registryClock,
      crypto: globalThis.crypto,
      actor: actorOf(operator),
    });
    setPhase(
      prepared.ok
        ? { kind: 'preview', preview: prepared.value }
        : { kind: 'refused', fileName, message: prepared.error.message },
    );
  };

  const choose = async () => {
    const picked = await getDesktopApi().file.openBundles({ multi: false, folders: false });
    if (!picked.ok) {
      message.error(picked.error.message);
      return;
    }
    if (picked.value.cancelled) return;
    const [file] = picked.value.files;
    if (file) await open(file.name, file.bytes);
  };

  const accept = async (preview: AcceptancePreview) => {
    setPhase({ kind: 'committing', preview });
    const committed = await commitAcceptance(db, preview, {
      ...registryClock,
      actor: actorOf(operator),
    });
    if (!committed.ok) {
      setPhase({ kind: 'refused', fileName: preview.fileName, message: committed.error.message });
      return;
    }
    const { round, changes, written, replanned } = committed.value;
    const done = written
      ? t('registry.accept.done', {
          name: round.name,
          version: round.version,
          count: changes.length,
        })
      : t('registry.accept.nothingWritten', {
          message: t(`registry.accept.actions.${committed.value.action}`, {
            version: committed.value.previous?.version ?? round.version,
          }),
        });
    setPhase({
      kind: 'done',
      message: done,
      ...(replanned ? { notice: t('registry.accept.replanned') } : {}),
    });
  };

  const drop = {
    onDragOver: (event: DragEvent) => {
      if (!carriesFiles(event.dataTransfer)) return;
      // Stopped here, so the window's import dialog does not take the bundle as an archive.
      event.preventDefault();
      event.stopPropagation();
      event.dataTransfer.dropEffect = 'copy';
      setIsDragging(true);
    },
    onDragLeave: () => setIsDragging(false),
    onDrop: (event: DragEvent) => {
      if (!carriesFiles(event.dataTransfer)) return;
      event.preventDefault();
      event.stopPropagation();
      setIsDragging(false);
      const files = [...event.dataTransfer.files].filter((f) => isBundleFileName(f.name));
      const file = files[0];
      if (files.length !== 1 || file === undefined || isBusy) {
        message.error(t('registry.accept.onlyOneFile'));
        return;
      }
      void file.arrayBuffer().then(
        (buffer) => open(file.name, new Uint8Array(buffer)),
        () =>
          setPhase({
            kind: 'refused',
            fileName: file.name,
            message: t('roster.readFailed', { file: file.name }),
          }),
      );
    },
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <div
          {...drop}
          data-testid="registry-accept-drop"
          style={{
            border: `1px dashed ${isDragging ? '#1677ff' : '#d9d9d9'}`,
            borderRadius: 8,
            padding: 24,
            textAlign: 'center',
          }}
        >
          <Space orientation="vertical" size={8}>
            <InboxOutlined style={{ fontSize: 32, color: '#1677ff' }} />
            <Typography.Text type="secondary">{t('registry.accept.hint')}</Typography.Text>
            <Button
              type="primary"
              disabled={isBusy}
              onClick={() => void choose()}
              data-testid="registry-accept-file"
            >
              {t('registry.accept.choose')}
            </Button>
            <Typography.Text type="secondary">{t('registry.accept.dropHere')}</Typography.Text>
          </Space>
        </div>
      </Card>

      {phase.kind === 'reading' ? (
        <Spin tip={t('registry.accept.reading', { file: phase.fileName })}>
          <div style={{ minHeight: 80 }} />
        </Spin>
      ) : null}
      {phase.kind === 'refused' ? (
        <Alert
          type="error"
          showIcon
          title={t('registry.accept.refused')}
          description={phase.message}
          closable={{ onClose: () => setPhase({ kind: 'idle' }) }}
          data-testid="registry-accept-error"
        />
      ) : null}
      {phase.kind === 'done' ? (
        <Alert
          type="success"
          showIcon
          title={phase.message}
          description={phase.notice}
          closable={{ onClose: () => setPhase({ kind: 'idle' }) }}
          data-testid="registry-accept-done"
        />
      ) : null}
      {phase.kind === 'preview' || phase.kind === 'committing' ? (
        <AcceptPreviewView
          preview={phase.preview}
          operator={operator}
          onOperatorChange={setOperator}
          isCommitting={phase.kind === 'committing'}
          onAccept={() => void accept(phase.preview)}
          onCancel={() => setPhase({ kind: 'idle' })}
        />
      ) : null}

      <AcceptedRoundsTable />
    </Space>
  );
};
