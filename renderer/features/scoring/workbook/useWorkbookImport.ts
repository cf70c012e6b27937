// The chair imports an expert's filled Excel scoresheet on the panel laptop: pick the .xlsx,
// see the preview (nothing written), then one backup and one transaction, exactly as a score
// bundle from another laptop is imported here.
import { useState } from 'react';
import { newId, systemClock } from '../../../app/clock';
import type { CommitSummary, ImportError, PreparedWorkbook } from '../../../db/bundles';
import { db } from '../../../db/instance';
import { getDesktopApi } from '../../../platform/desktopApi';
import { readXlsxOffThread } from '../../../platform/spreadsheetClient';
import { createBackupNow } from '../../backups/backupRuntime';

type Failure = Pick<ImportError, 'message' | 'messageEn'>;

export type WorkbookImportStep =
  | { step: 'idle' }
  | { step: 'working'; fileName: string }
  | { step: 'preview'; prepared: PreparedWorkbook }
  | { step: 'failed'; error: Failure }
  | { step: 'done'; summary: CommitSummary };

export function useWorkbookImport(roundId: string, actor: string) {
  const [state, setState] = useState<WorkbookImportStep>({ step: 'idle' });

  const pick = async () => {
    const picked = await getDesktopApi().file.openDocuments({ multi: false, extensions: ['xlsx'] });
    if (!picked.ok) {
      const { message } = picked.error;
      setState({ step: 'failed', error: { message, messageEn: message } });
      return;
    }
    const file = picked.value.cancelled ? undefined : picked.value.files[0];
    if (file === undefined) return;
    setState({ step: 'working', fileName: file.name });
    // The reader loads with the first workbook, not with the scoring screen.
    const { prepareWorkbookImport } = await import('../../../db/bundles/workbookImport');
    const result = await prepareWorkbookImport(db, file.bytes, file.name, {
      crypto: globalThis.crypto,
      readXlsx: readXlsxOffThread,
      roundId,
    });
    setState(
      result.ok
        ? { step: 'preview', prepared: result.prepared }
        : { step: 'failed', error: result.error },
    );
  };

  const commit = async (prepared: PreparedWorkbook) => {
    setState({ step: 'working', fileName: prepared.fileName });
    const safety = await createBackupNow('import');
    if (safety.status === 'failed') {
      const message = `导入前未能备份当前数据，导入已取消：${safety.message}`;
      const messageEn = `Could not back up the current data before importing; nothing was imported: ${safety.message}`;
      setState({ step: 'failed', error: { message, messageEn } });
      return;
    }
    const { commitWorkbookImport } = await import('../../../db/bundles/workbookImport');
    const result = await commitWorkbookImport(db, prepared, {
      actor,
      clock: systemClock,
      newId,
    });
    setState(
      result.ok
        ? { step: 'done', summary: result.result }
        : { step: 'failed', error: result.error },
    );
  };

  return {
    state,
    pick: () => void pick(),
    commit: (prepared: PreparedWorkbook) => void commit(prepared),
    close: () => setState({ step: 'idle' }),
  };
}
