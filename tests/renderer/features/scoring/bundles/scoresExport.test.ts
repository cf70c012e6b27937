import { describe, expect, it } from 'vitest';
import {
  countExportedSheets,
  scoresBundleFileName,
} from '../../../../../renderer/features/scoring/bundles/scoresExport';
import { isSafeFileName } from '../../../../../shared/ipc/fileNames';
import { buildRoundRecords, buildScoresheet } from '../../../../helpers/builders';

describe('the exported score bundle', () => {
  it('reports how many sheets of each state it holds', () => {
    const r = buildRoundRecords();
    const [base] = r.bases;
    const [e1, e2, e3] = r.experts;
    if (!base || !e1 || !e2 || !e3) throw new Error('round not built');
    const recusal = { reason: '回避', source: 'declared' as const, at: '2024-05-10T09:00:00.000Z' };
    const counts = countExportedSheets([
      buildScoresheet(base, e1, { status: 'submitted' }),
      buildScoresheet(base, e2),
      buildScoresheet(base, e3, { recusal }),
    ]);
    expect(counts).toEqual({ total: 3, submitted: 1, draft: 1, recused: 1 });
  });

  it('gets a file name naming year, panel and time that every file system accepts', () => {
    const at = new Date(2023, 9, 15, 17, 30);
    expect(scoresBundleFileName(2023, '大连组', at)).toBe('评分包-2023-大连组-20231015-1730.pgb');
    const odd = scoresBundleFileName(2023, '沈阳/一组: "A"', at);
    expect(isSafeFileName(odd)).toBe(true);
    expect(odd).toBe('评分包-2023-沈阳_一组_ _A_-20231015-1730.pgb');
  });
});
