import { describe, expect, it } from 'vitest';
import {
  readDashboardState,
  writeDashboardState,
} from '../../../../renderer/features/dashboard/dashboardState';

describe('dashboard state in the URL', () => {
  it('opens on the ranking under the round rule when the URL says nothing', () => {
    expect(readDashboardState(new URLSearchParams())).toEqual({ method: 'rule', tab: 'ranking' });
  });

  it('reads back every filter it wrote, so a reload or the print view shows the same charts', () => {
    const state = {
      roundId: 'round-1',
      panelId: 'panel-2',
      category: 'A',
      type: 'A1',
      city: '沈阳',
      method: 'zScore',
      baseId: 'base-9',
      tab: 'methods',
    } as const;
    expect(readDashboardState(writeDashboardState(state))).toEqual(state);
  });

  it("keeps 'all types' apart from 'no type chosen yet'", () => {
    expect(readDashboardState(new URLSearchParams('type=all')).type).toBe('all');
    expect(readDashboardState(new URLSearchParams('')).type).toBeUndefined();
  });

  it('drops values it does not know instead of failing', () => {
    expect(
      readDashboardState(
        new URLSearchParams('type=Z9&category=D&city=北京&method=best&tab=secret&round='),
      ),
    ).toEqual({ method: 'rule', tab: 'ranking' });
  });

  it('leaves the defaults out of the URL', () => {
    expect(writeDashboardState({ method: 'rule', tab: 'ranking' }).toString()).toBe('');
  });
});
