// A batch review as a clerk makes it who compared every new panel key with the panel's paper
// summary and ticked it: the default selection, every key to confirm confirmed.
import { defaultSelection } from '../../renderer/db/bundles/batchImport';
import { confirmedIndexes, keysToConfirm } from '../../renderer/db/bundles/batchKeys';
import type { BatchDecision, BatchItem } from '../../renderer/db/bundles/batchTypes';

export function confirmEveryKey(items: readonly BatchItem[]): BatchDecision {
  const keys = keysToConfirm(items);
  return {
    accepted: defaultSelection(items),
    acceptNewKey: confirmedIndexes(keys, new Set(keys.map((k) => k.id))),
  };
}
