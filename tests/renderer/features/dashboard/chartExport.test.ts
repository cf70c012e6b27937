import { describe, expect, it } from 'vitest';
import { safeFileName } from '../../../../renderer/features/dashboard/chartExport';

describe('safeFileName', () => {
  it('keeps Chinese titles and replaces the characters Windows refuses', () => {
    expect(safeFileName('省重点实验室得分排名', 'png')).toBe('省重点实验室得分排名.png');
    expect(safeFileName('A/B: 排名 *最新*?', 'svg')).toBe('A_B_排名_最新.svg');
  });

  it('falls back to a plain name when nothing is left', () => {
    expect(safeFileName(' <>|', 'png')).toBe('chart.png');
  });
});
