// Opening a round bundle (评审任务包) on a panel laptop: pick or drop the file, ask for the
// passphrase when it is encrypted (or was mistyped), show the preview, then commit it in
// one transaction and make its round the current one. The steps of bundles/ do the work;
// this hook only walks the expert through them.
import { useState } from 'react';
import { db } from '../../../db/instance';
import { commitImport, prepareImport } from '../../../db/bundles';
import type { CommitSummary, ImportError, PreparedImport } from '../../../db/bundles';
import { setSetting } from '../../../db/repositories/settingsRepository';
import { getDesktopApi } from '../../../platform/desktopApi';
import { newId, systemClock } from '../../../app/clock';
import { createBackupNow } from '../../backups/backupRuntime';

export type BundleFile = { name: string; bytes: Uint8Array };

export type ImportStep =
  | { step: 'idle' }
  | { step: 'working'; fileName: string }
  | { step: 'passphrase'; file: BundleFile; isRetry: boolean }
  | { step: 'preview'; file: BundleFile; prepared: PreparedImport }
  | { step: 'failed'; error: ImportError | { message: string; messageEn: string } }
  | { step: 'done'; summary: CommitSummary };

const NEEDS_PASSPHRASE = new Set(['passphraseRequired', 'wrongPassphrase']);

export function useRoundBundleImport(actor: string) {
  const [state, setState] = useState<ImportStep>({ step: 'idle' });

  const open = async (file: BundleFile, passphrase?: string) => {
    setState({ step: 'working', fileName: file.name });
    const result = await prepareImport(db, file.bytes, file.name, {
      crypto: globalThis.crypto,
      expectedKinds: ['round'],
      ...(passphrase === undefined ? {} : { passphrase }),
    });
    if (result.ok) {
      setState({ step: 'preview', file, prepared: result.prepared });
    } else if (NEEDS_PASSPHRASE.has(result.error.code)) {
      setState({ step: 'passphrase', file, isRetry: passphrase !== undefined });
    } else {
      setState({ step: 'failed', error: result.error });
    }
  };

  const pick = async () => {
    const picked = await getDesktopApi().file.openBundles({ multi: false, folders: false });
    if (!picked.ok) {
      setState({
        step: 'failed',
        error: { message: picked.error.message, messageEn: picked.error.message },
      });
      return;
    }
    const file = picked.value.cancelled ? undefined : picked.value.files[0];
    if (file) await open(file);
  };

  const commit = async (prepared: PreparedImport, acceptNewKey: boolean) => {
    setState({ step: 'working', fileName: prepared.fileName });
    // 评估通 backs up the whole database before every import (features/backups).
    const safety = await createBackupNow('import');
    if (safety.status === 'failed') {
      const message = `导入前未能备份当前数据，导入已取消：${safety.message}`;
      const messageEn = `Could not back up the current data before importing; nothing was imported: ${safety.message}`;
      setState({ step: 'failed', error: { message, messageEn } });
      return;
    }
    const result = await commitImport(db, prepared, {
      actor,
      clock: systemClock,
      newId,
      acceptNewKey,
    });
    if (!result.ok) {
      setState({ step: 'failed', error: result.error });
      return;
    }
    const roundId = prepared.preview.roundId;
    if (roundId !== undefined) await setSetting(db, 'currentRoundId', roundId);
    setState({ step: 'done', summary: result.result });
  };

  return {
    state,
    pick: () => void pick(),
    open: (file: BundleFile, passphrase?: string) => void open(file, passphrase),
    commit: (prepared: PreparedImport, acceptNewKey: boolean) =>
      void commit(prepared, acceptNewKey),
    close: () => setState({ step: 'idle' }),
  };
}
