// Key pinning (trust on first use), pure. A valid signature proves which key wrote a
// bundle, not that the key is the right one; pins make a changed key visible:
//   - round and result bundles: the first one of a round pins the secretariat's key; a
//     later one of that round from another key is refused unless a person accepts it;
//   - score bundles: each (round, panel, device id) pins its key on first import, but only
//     once a person ticked that its fingerprint matches the panel's signed paper summary
//     (keyBlocking: unconfirmedKey); another key for the same device is refused unless a
//     person accepts it the same way; either pin records who accepted it and when;
//   - backups are not pinned.
// Pin ids derive from what they pin, so importing in any order pins the same records.
import { canonicalJson } from '../../../shared/bundle/canonicalJson';
import type { TrustedKey } from '../../../shared/domain/types';
import { fnv1a64 } from '../../../shared/sync/digest';
import { importError } from './importErrors';
import type { ImportError } from './importErrors';
import type { ImportableBundle, KeyCheck } from './types';

/** A pin keeps the keys it replaced, up to this many (so a backup row stays small). */
const MAX_REPLACED = 20;

export function secretariatPinId(roundId: string): string {
  return `key-${fnv1a64(canonicalJson(['secretariat', roundId]))}`;
}

export function devicePinId(roundId: string, panelId: string, deviceId: string): string {
  return `key-${fnv1a64(canonicalJson(['panelDevice', roundId, panelId, deviceId]))}`;
}

/** How the bundle's signer stands against the pins of its round (`pins`: that round's). */
export function checkKey(opened: ImportableBundle, pins: readonly TrustedKey[]): KeyCheck {
  const { publicKey, fingerprint } = opened.signer;
  const deviceId = opened.manifest.deviceId;
  const base = { publicKey, fingerprint, deviceId };
  if (opened.kind === 'backup') {
    return {
      ...base,
      role: 'backup',
      status: 'notPinned',
      note: `备份包由指纹为 ${fingerprint} 的密钥签名，恢复将替换本机的全部数据。`,
    };
  }
  const { roundId } = opened.manifest;
  if (opened.kind === 'scores') {
    const { panelId } = opened.manifest;
    const pin = pins.find((p) => p.id === devicePinId(roundId, panelId, deviceId));
    if (pin === undefined) {
      const others = pins
        .filter((p) => p.role === 'panelDevice' && p.panelId === panelId)
        .map((p) => p.fingerprint)
        .sort();
      return {
        ...base,
        role: 'panelDevice',
        status: 'newDevice',
        otherDeviceFingerprints: others,
        note: `新密钥：首次收到该评审组设备“${deviceId}”的数据包，请将指纹 ${fingerprint} 与评审组签字的纸质汇总单核对。`,
      };
    }
    return compared(base, 'panelDevice', pin);
  }
  const pin = pins.find((p) => p.id === secretariatPinId(roundId));
  if (pin === undefined) {
    return {
      ...base,
      role: 'secretariat',
      status: 'newSecretariat',
      note: `首次收到此轮次秘书处签名的数据包，将信任指纹为 ${fingerprint} 的密钥，请与秘书处核对。`,
    };
  }
  return compared(base, 'secretariat', pin);
}

function compared(
  base: { publicKey: string; fingerprint: string; deviceId: string },
  role: 'secretariat' | 'panelDevice',
  pin: TrustedKey,
): KeyCheck {
  if (pin.publicKey === base.publicKey) {
    return {
      ...base,
      role,
      status: 'pinned',
      note: `签名密钥与本机此前信任的密钥一致（指纹 ${base.fingerprint}）。`,
    };
  }
  return {
    ...base,
    role,
    status: 'mismatch',
    pinnedFingerprint: pin.fingerprint,
    note: `签名密钥（指纹 ${base.fingerprint}）与此前信任的密钥（指纹 ${pin.fingerprint}）不同，请核对后再决定是否接受。`,
  };
}

/** The refusal for a mismatched key, or undefined when the key may be used. */
export function keyRefusal(
  fileName: string,
  opened: ImportableBundle,
  check: KeyCheck,
): ImportError | undefined {
  if (check.status !== 'mismatch') return undefined;
  return importError(fileName, 'untrustedKey', {
    ...(opened.kind === 'backup' ? {} : { roundId: opened.manifest.roundId }),
    fingerprint: check.fingerprint,
    ...(check.pinnedFingerprint === undefined
      ? {}
      : { pinnedFingerprint: check.pinnedFingerprint }),
  });
}

/**
 * What keeps the key from being used until a person ticks that its fingerprint matches the
 * one on the panel's signed paper summary: a key other than the pinned one (untrustedKey), or
 * the first key of a panel's device (unconfirmedKey). Undefined when it may be used as it is.
 */
export function keyBlocking(
  fileName: string,
  opened: ImportableBundle,
  check: KeyCheck,
): ImportError | undefined {
  if (opened.kind === 'scores' && check.status === 'newDevice') {
    return importError(fileName, 'unconfirmedKey', {
      roundId: opened.manifest.roundId,
      record: check.deviceId,
      fingerprint: check.fingerprint,
    });
  }
  return keyRefusal(fileName, opened, check);
}

export type PinContext = { now: string; actor: string; acceptNewKey: boolean };

/**
 * The pin record to write after a successful import: a new pin, an accepted replacement,
 * or undefined (nothing to write). Call only after keyRefusal said yes or the key was accepted.
 */
export function pinToWrite(
  opened: ImportableBundle,
  check: KeyCheck,
  pins: readonly TrustedKey[],
  context: PinContext,
): TrustedKey | undefined {
  if (opened.kind === 'backup' || check.status === 'pinned' || check.status === 'notPinned') {
    return undefined;
  }
  const { roundId } = opened.manifest;
  const id =
    opened.kind === 'scores'
      ? devicePinId(roundId, opened.manifest.panelId, check.deviceId)
      : secretariatPinId(roundId);
  const existing = pins.find((p) => p.id === id);
  if (check.status === 'mismatch') {
    if (!context.acceptNewKey || existing === undefined) return undefined;
    const previous = { publicKey: existing.publicKey, fingerprint: existing.fingerprint };
    return {
      ...existing,
      deviceId: check.deviceId,
      publicKey: check.publicKey,
      fingerprint: check.fingerprint,
      acceptedBy: context.actor,
      acceptedAt: context.now,
      replaced: [...(existing.replaced ?? []), { ...previous, until: context.now }].slice(
        -MAX_REPLACED,
      ),
    };
  }
  const pin: TrustedKey = {
    id,
    roundId,
    role: opened.kind === 'scores' ? 'panelDevice' : 'secretariat',
    deviceId: check.deviceId,
    publicKey: check.publicKey,
    fingerprint: check.fingerprint,
    firstSeenAt: context.now,
  };
  if (opened.kind !== 'scores') return pin;
  const accepted = context.acceptNewKey
    ? { acceptedBy: context.actor, acceptedAt: context.now }
    : {};
  return { ...pin, panelId: opened.manifest.panelId, ...accepted };
}
