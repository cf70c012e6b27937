// The state of one batch of score bundles on the exchange tab: reading (with progress), the
// preview (which files to import, accepted keys, one passphrase per panel), the safety backup,
// importing (with progress) and the summary. One batch at a time; files picked while one
// runs are refused by the caller (isBusy).
import { useCallback, useRef, useState } from 'react';
import { newId, systemClock } from '../../../app/clock';
import { commitBatch, defaultSelection, prepareBatch, unlockBatch } from '../../../db/bundles';
import type { BatchFile, BatchItem, BatchProgress, BatchSummary } from '../../../db/bundles';
import { db } from '../../../db/instance';
import { createBackupNow } from '../../backups/backupRuntime';
import { IMPORT_ACTOR } from '../../backups/backupService';

export type BatchPhase =
  | { kind: 'idle' }
  | { kind: 'reading'; progress: BatchProgress }
  | { kind: 'preview' }
  | { kind: 'unlocking'; progress: BatchProgress }
  | { kind: 'backingUp' }
  | { kind: 'importing'; progress: BatchProgress }
  | { kind: 'done'; summary: BatchSummary }
  | { kind: 'backupFailed'; message: string };

export type BatchState = {
  phase: BatchPhase;
  items: BatchItem[];
  accepted: ReadonlySet<number>;
  acceptedKeys: ReadonlySet<number>;
};

const IDLE: BatchState = {
  phase: { kind: 'idle' },
  items: [],
  accepted: new Set(),
  acceptedKeys: new Set(),
};

const BUSY: ReadonlySet<BatchPhase['kind']> = new Set([
  'reading',
  'unlocking',
  'backingUp',
  'importing',
]);

export function useBatchImport(roundId: string) {
  const [state, setState] = useState<BatchState>(IDLE);
  // The latest state for the async steps below (they outlive the render that started them).
  const latest = useRef(state);
  const update = useCallback((change: (s: BatchState) => BatchState) => {
    setState((s) => {
      const next = change(s);
      latest.current = next;
      return next;
    });
  }, []);
  const isBusy = BUSY.has(state.phase.kind);

  const start = useCallback(
    async (files: readonly BatchFile[]) => {
      update(() => ({
        ...IDLE,
        phase: { kind: 'reading', progress: { phase: 'reading', done: 0, total: files.length } },
      }));
      const items = await prepareBatch(db, files, { crypto: globalThis.crypto, roundId }, (p) =>
        update((s) => ({ ...s, phase: { kind: 'reading', progress: p } })),
      );
      update(() => ({
        ...IDLE,
        phase: { kind: 'preview' },
        items,
        accepted: defaultSelection(items),
      }));
    },
    [roundId, update],
  );

  const unlock = useCallback(
    async (panelId: string, passphrase: string) => {
      const before = latest.current.items;
      update((s) => ({
        ...s,
        phase: { kind: 'unlocking', progress: { phase: 'reading', done: 0, total: 0 } },
      }));
      const options = {
        crypto: globalThis.crypto,
        roundId,
        passphrases: { [panelId]: passphrase },
      };
      const items = await unlockBatch(db, before, options, (p) =>
        update((s) => ({ ...s, phase: { kind: 'unlocking', progress: p } })),
      );
      // Files that opened now are chosen like the ones that opened at once.
      const opened = [...defaultSelection(items)].filter((i) => before[i]?.status === 'locked');
      update((s) => ({
        ...s,
        phase: { kind: 'preview' },
        items,
        accepted: new Set([...s.accepted, ...opened]),
      }));
    },
    [roundId, update],
  );

  const setAccepted = useCallback(
    (index: number, isAccepted: boolean) =>
      update((s) => {
        const accepted = new Set(s.accepted);
        if (isAccepted) accepted.add(index);
        else accepted.delete(index);
        return { ...s, accepted };
      }),
    [update],
  );

  const setKeyAccepted = useCallback(
    (index: number, isAccepted: boolean) =>
      update((s) => {
        const acceptedKeys = new Set(s.acceptedKeys);
        const accepted = new Set(s.accepted);
        if (isAccepted) acceptedKeys.add(index);
        else {
          acceptedKeys.delete(index);
          accepted.delete(index);
        }
        return { ...s, acceptedKeys, accepted };
      }),
    [update],
  );

  const commit = useCallback(async () => {
    const { items, accepted, acceptedKeys } = latest.current;
    update((s) => ({ ...s, phase: { kind: 'backingUp' } }));
    // One backup of the current state before the first file is written, as for any import.
    const safety = await createBackupNow('import');
    if (safety.status === 'failed') {
      update((s) => ({ ...s, phase: { kind: 'backupFailed', message: safety.message } }));
      return;
    }
    const summary = await commitBatch(
      db,
      items,
      { actor: IMPORT_ACTOR, clock: systemClock, newId, accepted, acceptNewKey: acceptedKeys },
      (p) => update((s) => ({ ...s, phase: { kind: 'importing', progress: p } })),
    );
    update((s) => ({ ...s, phase: { kind: 'done', summary } }));
  }, [update]);

  const reset = useCallback(() => update(() => IDLE), [update]);

  return { state, isBusy, start, unlock, setAccepted, setKeyAccepted, commit, reset };
}

export type BatchImportController = ReturnType<typeof useBatchImport>;
