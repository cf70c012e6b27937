import { describe, expect, it } from 'vitest';
import { isSafeFileName, withExtension } from '../../../shared/ipc/fileNames';

describe('file names proposed by the renderer', () => {
  it.each(['评估结果.xlsx', 'round-2024 (final).pgb', '大连组_李明.pgb', 'a'])(
    'accepts the ordinary name %j',
    (name) => expect(isSafeFileName(name)).toBe(true),
  );

  it.each([
    ['a forward slash', 'x/y.pgb'],
    ['a backslash', 'x\\y.pgb'],
    ['a drive colon', 'C:x.pgb'],
    ['a parent reference', '..'],
    ['a control character', 'a\nb.pgb'],
    ['a NUL byte', 'a\0.pgb'],
    ['a Windows device name', 'CON.pgb'],
    ['a trailing dot', 'report.'],
    ['surrounding spaces', ' report.pgb'],
    ['nothing at all', ''],
  ])('refuses a name with %s', (_label, name) => {
    expect(isSafeFileName(name)).toBe(false);
  });

  it('adds the extension only when it is missing', () => {
    expect(withExtension('结果', 'xlsx')).toBe('结果.xlsx');
    expect(withExtension('结果.XLSX', 'xlsx')).toBe('结果.XLSX');
    expect(withExtension('结果.csv', 'xlsx')).toBe('结果.csv.xlsx');
  });
});
