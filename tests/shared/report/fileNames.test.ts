import { describe, expect, it } from 'vitest';
import { isSafeFileName } from '../../../shared/ipc/fileNames';
import { reportFileName } from '../../../shared/report/fileNames';

const AT = new Date(2024, 5, 1, 9, 5);

describe('report file names', () => {
  it('names each export after the round, with the local date and time', () => {
    const round = { year: 2023, name: '2023年度定期评估' };
    expect(reportFileName('xlsx', round, AT)).toBe(
      '评估报告-2023-2023年度定期评估-20240601-0905.xlsx',
    );
    expect(reportFileName('csv', round, AT)).toBe(
      '基地结果-2023-2023年度定期评估-20240601-0905.csv',
    );
    expect(reportFileName('pdf', round, AT)).toBe(
      '评估报告-2023-2023年度定期评估-20240601-0905.pdf',
    );
    expect(reportFileName('resultBundle', round, AT)).toBe(
      '结果包-2023-2023年度定期评估-20240601-0905.pgb',
    );
  });

  it('replaces characters a file system refuses and never proposes an unsafe name', () => {
    const name = reportFileName('xlsx', { year: 2023, name: '沈阳/大连:评估*?' }, AT);
    expect(name).toBe('评估报告-2023-沈阳_大连_评估__-20240601-0905.xlsx');
    for (const roundName of ['', '   ', 'x'.repeat(400), 'a\u0000b']) {
      expect(isSafeFileName(reportFileName('pdf', { year: 2023, name: roundName }, AT))).toBe(true);
    }
  });
});
