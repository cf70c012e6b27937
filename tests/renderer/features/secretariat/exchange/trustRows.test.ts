// The secretariat's list of trusted panel keys: panel devices only, in the panels' order, with
// who checked each and when; a key nobody checked is listed as such (and is left out of the
// trust file, which isConfirmedPanelPin decides for both).
import { describe, expect, it } from 'vitest';
import { trustRows } from '../../../../../renderer/features/secretariat/exchange/trustRows';
import type { TrustedKey } from '../../../../../shared/domain/types';

const pin = (overrides: Partial<TrustedKey> & Pick<TrustedKey, 'id'>): TrustedKey => ({
  roundId: 'round-1',
  role: 'panelDevice',
  publicKey: 'A'.repeat(43) + '=',
  fingerprint: '56A7-ADA6-525D-D92B',
  firstSeenAt: '2024-05-12T08:00:00.000Z',
  ...overrides,
});

describe('trustRows', () => {
  it('lists panel devices in the panels’ order with who checked each, and flags unchecked ones', () => {
    const rows = trustRows(
      [
        pin({
          id: 'k3',
          panelId: 'p2',
          deviceId: 'laptop-b',
          acceptedBy: '王芳',
          acceptedAt: '2024-05-13T09:00:00.000Z',
        }),
        pin({ id: 'k1', panelId: 'p1', deviceId: 'laptop-a' }),
        pin({
          id: 'k2',
          panelId: 'p2',
          deviceId: 'laptop-a',
          acceptedBy: '李强',
          acceptedAt: '2024-05-13T10:00:00.000Z',
        }),
        pin({ id: 'k0', role: 'secretariat' }),
        pin({ id: 'k4', panelId: 'gone', deviceId: 'laptop-z', acceptedBy: ' ' }),
      ],
      [
        { id: 'p2', name: '沈阳组' },
        { id: 'p1', name: '大连组' },
      ],
    );
    expect(
      rows.map((r) => [r.id, r.panelName, r.deviceId, r.pinnedBy, r.pinnedAt, r.isConfirmed]),
    ).toEqual([
      ['k2', '沈阳组', 'laptop-a', '李强', '2024-05-13T10:00:00.000Z', true],
      ['k3', '沈阳组', 'laptop-b', '王芳', '2024-05-13T09:00:00.000Z', true],
      ['k1', '大连组', 'laptop-a', undefined, '2024-05-12T08:00:00.000Z', false],
      // A panel deleted since keeps its id as its name; a blank name is no check.
      ['k4', 'gone', 'laptop-z', ' ', '2024-05-12T08:00:00.000Z', false],
    ]);
  });
});
