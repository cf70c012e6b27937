// 在本机继续, walked through step by step: pick the lost laptop's score bundle or backup, ask
// for its passphrase when it is encrypted (or was mistyped), show the preview, back up this
// laptop, then commit in one transaction (renderer/db/bundles/continueHere does the work).
import { useState } from 'react';
import { db } from '../../../db/instance';
import { commitContinue, prepareContinue } from '../../../db/bundles/continueHere';
import type { ContinueSummary, PreparedContinue } from '../../../db/bundles/continueHere';
import type { ContinueError } from '../../../db/bundles/continueErrors';
import { getDesktopApi } from '../../../platform/desktopApi';
import { newId, systemClock } from '../../../app/clock';
import { createBackupNow } from '../../backups/backupRuntime';

export type ContinueFile = { name: string; bytes: Uint8Array };

export type Confirmation = { actor: string; reason: string; acceptNewKey: boolean };

/** A refusal to show: the pipeline's or continue's sentence, or one of the screen's own. */
export type ShownError = Pick<ContinueError, 'message' | 'messageEn'>;

export type ContinueStep =
  | { step: 'idle' }
  | { step: 'working'; fileName: string }
  | { step: 'passphrase'; file: ContinueFile; isRetry: boolean }
  | { step: 'preview'; file: ContinueFile; prepared: PreparedContinue; formError?: ShownError }
  | { step: 'failed'; error: ShownError }
  | { step: 'done'; summary: ContinueSummary };

const NEEDS_PASSPHRASE: ReadonlySet<string> = new Set(['passphraseRequired', 'wrongPassphrase']);
const FORM_CODES: ReadonlySet<string> = new Set(['noReason', 'noActor']);

export function useContinueHere(roundId: string) {
  const [state, setState] = useState<ContinueStep>({ step: 'idle' });

  const open = async (file: ContinueFile, passphrase?: string) => {
    setState({ step: 'working', fileName: file.name });
    const result = await prepareContinue(db, file.bytes, file.name, {
      crypto: globalThis.crypto,
      roundId,
      ...(passphrase === undefined ? {} : { passphrase }),
    });
    if (result.ok) setState({ step: 'preview', file, prepared: result.value });
    else if (NEEDS_PASSPHRASE.has(result.error.code)) {
      setState({ step: 'passphrase', file, isRetry: passphrase !== undefined });
    } else setState({ step: 'failed', error: result.error });
  };

  const pick = async () => {
    const picked = await getDesktopApi().file.openBundles({ multi: false, folders: false });
    if (!picked.ok) {
      const { message } = picked.error;
      setState({ step: 'failed', error: { message, messageEn: message } });
      return;
    }
    const file = picked.value.cancelled ? undefined : picked.value.files[0];
    if (file) await open(file);
  };

  const commit = async (file: ContinueFile, prepared: PreparedContinue, form: Confirmation) => {
    setState({ step: 'working', fileName: prepared.fileName });
    // As before every import: a backup of the whole database first (features/backups).
    const safety = await createBackupNow('import');
    if (safety.status === 'failed') {
      const message = `继续前未能备份当前数据，未作任何更改：${safety.message}`;
      const messageEn = `Could not back up the current data first, so nothing was changed: ${safety.message}`;
      setState({ step: 'failed', error: { message, messageEn } });
      return;
    }
    const result = await commitContinue(db, prepared, {
      ...form,
      clock: systemClock,
      newId,
    });
    if (result.ok) setState({ step: 'done', summary: result.value });
    else if (FORM_CODES.has(result.error.code)) {
      setState({ step: 'preview', file, prepared, formError: result.error });
    } else setState({ step: 'failed', error: result.error });
  };

  return {
    state,
    pick: () => void pick(),
    open: (file: ContinueFile, passphrase?: string) => void open(file, passphrase),
    commit: (file: ContinueFile, prepared: PreparedContinue, form: Confirmation) =>
      void commit(file, prepared, form),
    close: () => setState({ step: 'idle' }),
  };
}
