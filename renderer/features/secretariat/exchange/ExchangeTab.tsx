// The secretariat's 下发与回收 tab: issue round bundles to the panels, bring their score
// bundles back in a batch, and see the conflicts that are left. Files or folders dropped
// anywhere on the tab go to the batch import (not to the app-wide import dialog).
import { Alert, App, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DragEvent } from 'react';
import type { Round } from '../../../../shared/domain/types';
import { checkOpenSelection } from '../../../../shared/ipc/openLimits';
import { secretariatTabPath } from '../../../app/routes';
import type { BatchFile } from '../../../db/bundles';
import { useOpenConflictCount } from '../../../db/resultsHooks';
import { BatchImportSection } from './BatchImportSection';
import { bundleFilesOf, droppedItems } from './droppedFiles';
import { useIssueData } from './exchangeHooks';
import { IssueSection } from './IssueSection';
import { TrustSection } from './TrustSection';
import { useBatchImport } from './useBatchImport';
import { WorkbookExportSection } from './WorkbookExportSection';
import { carriesFiles } from '../../../app/fileDrag';
import { useAfterFirstPaint } from '../../../app/hooks/useAfterFirstPaint';

async function readAll(files: readonly File[]): Promise<BatchFile[]> {
  const read: BatchFile[] = [];
  for (const file of files) {
    // An unreadable file is read as empty, so the batch lists it as not a bundle.
    const bytes = await file.arrayBuffer().then(
      (buffer) => new Uint8Array(buffer),
      () => new Uint8Array(),
    );
    read.push({ name: file.name, bytes });
  }
  return read;
}

export const ExchangeTab = ({ round }: { round: Round }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const batch = useBatchImport(round.id);
  const conflicts = useOpenConflictCount(round.id);
  const isArchived = round.archive !== undefined;
  const issueData = useIssueData(round.id);
  // The issue section first; the sections below it (a table of every expert, a button per
  // panel) a render after it shows its panels, so the tab shows without waiting for them.
  const isComplete = useAfterFirstPaint(issueData !== undefined);

  const onDragOver = (event: DragEvent) => {
    if (!carriesFiles(event.dataTransfer)) return;
    event.preventDefault();
    event.stopPropagation();
    event.dataTransfer.dropEffect = isArchived || batch.isBusy ? 'none' : 'copy';
  };
  const onDrop = (event: DragEvent) => {
    if (!carriesFiles(event.dataTransfer)) return;
    event.preventDefault();
    // The window-wide drop handler (DesktopShell) must not open these files a second time.
    event.stopPropagation();
    if (isArchived || batch.isBusy) return;
    const items = droppedItems(event.dataTransfer);
    void bundleFilesOf(items).then(async (files) => {
      if (files.length === 0) {
        void message.warning(t('exchange.import.noBundles'));
        return;
      }
      const allowed = checkOpenSelection(files);
      if (!allowed.ok) {
        void message.error(allowed.error.message);
        return;
      }
      await batch.start(await readAll(files));
    });
  };

  return (
    <div onDragOver={onDragOver} onDrop={onDrop} data-testid="exchange-tab">
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        {isArchived ? <Alert type="warning" showIcon title={t('exchange.archived')} /> : null}
        {conflicts !== undefined && conflicts > 0 ? (
          <Alert
            type="warning"
            showIcon
            data-testid="open-conflicts"
            title={t('exchange.conflicts.open', { count: conflicts })}
            action={
              <Link to={secretariatTabPath('conflicts')} data-testid="open-conflicts-link">
                {t('exchange.conflicts.link')}
              </Link>
            }
          />
        ) : null}
        <IssueSection round={round} data={issueData} />
        {isComplete ? (
          <>
            <WorkbookExportSection round={round} />
            <BatchImportSection batch={batch} isDisabled={isArchived} />
            <TrustSection round={round} />
          </>
        ) : null}
      </Space>
    </div>
  );
};
