// The rows of the secretariat's list of trusted panel keys: every panel device's pin of the
// round, in the panels' order (as the trust file lists them), with who checked it and when;
// a pin nobody checked (pinned before a tick was asked for) is listed as such, and is left out
// of the trust file and the printout.
import { isConfirmedPanelPin } from '../../../../shared/bundle/trustFile';
import type { Panel, TrustedKey } from '../../../../shared/domain/types';

export type TrustRow = {
  id: string;
  panelName: string;
  deviceId: string;
  fingerprint: string;
  /** When a person checked it (or, unchecked, when it was first seen). */
  pinnedAt: string;
  pinnedBy: string | undefined;
  isConfirmed: boolean;
};

export function trustRows(
  pins: readonly TrustedKey[],
  panels: readonly Pick<Panel, 'id' | 'name'>[],
): TrustRow[] {
  const order = new Map(panels.map((p, i) => [p.id, i]));
  const names = new Map(panels.map((p) => [p.id, p.name]));
  const rank = (pin: TrustedKey) => order.get(pin.panelId ?? '') ?? order.size;
  return pins
    .filter((pin) => pin.role === 'panelDevice')
    .sort(
      (a, b) =>
        rank(a) - rank(b) ||
        (a.panelId ?? '').localeCompare(b.panelId ?? '') ||
        (a.deviceId ?? '').localeCompare(b.deviceId ?? ''),
    )
    .map((pin) => ({
      id: pin.id,
      panelName: names.get(pin.panelId ?? '') ?? pin.panelId ?? '—',
      deviceId: pin.deviceId ?? '—',
      fingerprint: pin.fingerprint,
      pinnedAt: pin.acceptedAt ?? pin.firstSeenAt,
      pinnedBy: pin.acceptedBy,
      isConfirmed: isConfirmedPanelPin(pin),
    }));
}
