// The signing keys a batch of score bundles asks a person to confirm, one per key rather than
// one per file: a panel device's first key (newDevice) and a key other than the one pinned for
// its device (mismatch). The person compares each fingerprint with the one on the panel's
// signed paper summary and ticks it; every file signed with a ticked key may then be imported
// (commitBatch's acceptNewKey), and the pin records who ticked it and when.
import { canonicalJson } from '../../../shared/bundle/canonicalJson';
import type { BatchItem } from './batchTypes';

export type KeyToConfirm = {
  /** Panel, device and fingerprint as one id: the same key in several files is one tick. */
  id: string;
  status: 'newDevice' | 'mismatch';
  panelId: string;
  panelName: string;
  deviceId: string;
  fingerprint: string;
  /** mismatch: the fingerprint pinned before. */
  pinnedFingerprint?: string;
  /** The files of the batch signed with this key (their indexes), in batch order. */
  indexes: number[];
};

/** Every key of the batch that needs a person's tick, in the order its first file comes. */
export function keysToConfirm(items: readonly BatchItem[]): KeyToConfirm[] {
  const keys = new Map<string, KeyToConfirm>();
  for (const item of items) {
    const key = item.prepared?.preview.key;
    if (key === undefined || item.panelId === undefined) continue;
    if (key.status !== 'newDevice' && key.status !== 'mismatch') continue;
    const { status, deviceId, fingerprint } = key;
    const id = canonicalJson([item.panelId, deviceId, fingerprint]);
    const known = keys.get(id);
    if (known) {
      known.indexes.push(item.index);
      continue;
    }
    keys.set(id, {
      id,
      status,
      panelId: item.panelId,
      panelName: item.panelName ?? item.panelId,
      deviceId,
      fingerprint,
      ...(key.pinnedFingerprint === undefined ? {} : { pinnedFingerprint: key.pinnedFingerprint }),
      indexes: [item.index],
    });
  }
  return [...keys.values()];
}

/** The files whose key was ticked: commitBatch's acceptNewKey. */
export function confirmedIndexes(
  keys: readonly KeyToConfirm[],
  confirmed: ReadonlySet<string>,
): Set<number> {
  return new Set(keys.filter((k) => confirmed.has(k.id)).flatMap((k) => k.indexes));
}

/** The keys of chosen files that nobody ticked yet: the import waits for them. */
export function unconfirmedChosen(
  keys: readonly KeyToConfirm[],
  accepted: ReadonlySet<number>,
  confirmed: ReadonlySet<string>,
): KeyToConfirm[] {
  return keys.filter((k) => !confirmed.has(k.id) && k.indexes.some((i) => accepted.has(i)));
}
