// The state of one batch of score bundles on the exchange tab: reading (with progress), the
// preview (which files to import, the panel keys a person ticked as matching the panels' paper
// summaries and who did, one passphrase per panel), the safety backup, importing (with
// progress) and the summary. One batch at a time; files picked while one runs are refused by
// the caller (isBusy).
import { readXlsxOffThread } from '../../../platform/spreadsheetClient';
import { useCallback, useMemo, useRef, useState } from 'react';
import { newId, systemClock } from '../../../app/clock';
import {
  commitBatch,
  confirmedIndexes,
  defaultSelection,
  keysToConfirm,
  prepareBatch,
  unconfirmedChosen,
  unlockBatch,
} from '../../../db/bundles';
import type { BatchFile, BatchItem, BatchProgress, BatchSummary } from '../../../db/bundles';
import { db } from '../../../db/instance';
import { createBackupNow } from '../../backups/backupRuntime';
import { IMPORT_ACTOR } from '../../backups/backupService';
import { useOperatorName } from '../results/useOperatorName';

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
  /** Keys (batchKeys.ts ids) a person ticked as matching the panel's signed paper summary. */
  confirmedKeys: ReadonlySet<string>;
};

const IDLE: BatchState = {
  phase: { kind: 'idle' },
  items: [],
  accepted: new Set(),
  confirmedKeys: new Set(),
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
  const [remembered, remember] = useOperatorName();
  const [operator, setOperator] = useState(remembered);
  const keys = useMemo(() => keysToConfirm(state.items), [state.items]);
  const confirmedFiles = useMemo(
    () => confirmedIndexes(keys, state.confirmedKeys),
    [keys, state.confirmedKeys],
  );
  /** Keys of chosen files nobody ticked yet: the import waits for them. */
  const waitingKeys = unconfirmedChosen(keys, state.accepted, state.confirmedKeys);
  /** A chosen file's key was ticked: the name of who checked it is needed. */
  const isAccepting = [...confirmedFiles].some((i) => state.accepted.has(i));
  const needsOperator = isAccepting && operator.trim() === '';

  const start = useCallback(
    async (files: readonly BatchFile[]) => {
      update(() => ({
        ...IDLE,
        phase: { kind: 'reading', progress: { phase: 'reading', done: 0, total: files.length } },
      }));
      const options = { crypto: globalThis.crypto, roundId, readXlsx: readXlsxOffThread };
      const items = await prepareBatch(db, files, options, (p) =>
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

  // Ticking a changed key chooses the files it signed (they are not chosen by default);
  // unticking it takes them out again. A first key's files stay chosen either way.
  const setKeyConfirmed = useCallback(
    (id: string, isConfirmed: boolean) =>
      update((s) => {
        const confirmedKeys = new Set(s.confirmedKeys);
        const accepted = new Set(s.accepted);
        const key = keysToConfirm(s.items).find((k) => k.id === id);
        if (isConfirmed) confirmedKeys.add(id);
        else confirmedKeys.delete(id);
        if (key?.status === 'mismatch') {
          for (const index of key.indexes) {
            if (isConfirmed) accepted.add(index);
            else accepted.delete(index);
          }
        }
        return { ...s, confirmedKeys, accepted };
      }),
    [update],
  );

  const commit = useCallback(async () => {
    const { items, accepted, confirmedKeys } = latest.current;
    const acceptNewKey = confirmedIndexes(keysToConfirm(items), confirmedKeys);
    const checker = operator.trim();
    const isChecking = [...acceptNewKey].some((i) => accepted.has(i));
    if (isChecking && checker === '') return;
    if (isChecking) remember(checker);
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
      {
        // Who checked the keys signs the import too; without a key to check, as before.
        actor: isChecking ? checker : IMPORT_ACTOR,
        clock: systemClock,
        newId,
        accepted,
        acceptNewKey,
      },
      (p) => update((s) => ({ ...s, phase: { kind: 'importing', progress: p } })),
    );
    update((s) => ({ ...s, phase: { kind: 'done', summary } }));
  }, [operator, remember, update]);

  const reset = useCallback(() => update(() => IDLE), [update]);

  return {
    state,
    isBusy,
    keys,
    confirmedFiles,
    waitingKeys,
    needsOperator,
    operator,
    setOperator,
    start,
    unlock,
    setAccepted,
    setKeyConfirmed,
    commit,
    reset,
  };
}

export type BatchImportController = ReturnType<typeof useBatchImport>;
