import { describe, expect, it } from 'vitest';
import { bundlePathsFromArgv } from '../../../electron/main/argv';
import type { ArgvContext } from '../../../electron/main/argv';

const existing = (paths: string[]) => (filePath: string) => paths.includes(filePath);

const linux = (files: string[], overrides: Partial<ArgvContext> = {}): ArgvContext => ({
  isPackaged: true,
  platform: 'linux',
  cwd: '/home/clerk',
  isFile: existing(files),
  ...overrides,
});

describe('bundlePathsFromArgv', () => {
  it('takes the .pgb a file manager passes to the installed program', () => {
    expect(
      bundlePathsFromArgv(
        ['/opt/评估通/pinggu', '/home/clerk/下载/大连组.pgb'],
        linux(['/home/clerk/下载/大连组.pgb']),
      ),
    ).toEqual(['/home/clerk/下载/大连组.pgb']);
  });

  it('skips the executable even when it is named like a bundle', () => {
    expect(bundlePathsFromArgv(['/tmp/evil.pgb'], linux(['/tmp/evil.pgb']))).toEqual([]);
  });

  it('skips the app path of an unpackaged run (`electron . x.pgb`)', () => {
    const context = linux(['/home/clerk/x.pgb', '/work/app.pgb'], {
      isPackaged: false,
      cwd: '/work',
    });
    expect(
      bundlePathsFromArgv(['/usr/bin/electron', 'app.pgb', '/home/clerk/x.pgb'], context),
    ).toEqual(['/home/clerk/x.pgb']);
    expect(
      bundlePathsFromArgv(
        ['/usr/bin/electron', '--inspect', '.', 'x.pgb'],
        linux(['/work/x.pgb'], { isPackaged: false, cwd: '/work' }),
      ),
    ).toEqual(['/work/x.pgb']);
  });

  it('skips flags, including the ones Chromium adds to a forwarded command line', () => {
    const argv = [
      '/opt/评估通/pinggu',
      '--allow-file-access-from-files',
      '--original-process-start-time=13370000000000000',
      '--user-data-dir=/tmp/x.pgb',
      '-psn_0_12345',
      '/home/clerk/a.pgb',
    ];
    expect(bundlePathsFromArgv(argv, linux(['/home/clerk/a.pgb', '/tmp/x.pgb']))).toEqual([
      '/home/clerk/a.pgb',
    ]);
  });

  it('treats everything after `--` as a path, even a name starting with a dash', () => {
    const argv = ['/opt/pinggu', '--', '-dash.pgb', '--double.pgb'];
    const files = ['/home/clerk/-dash.pgb', '/home/clerk/--double.pgb'];
    expect(bundlePathsFromArgv(argv, linux(files))).toEqual(files);
  });

  it('keeps only existing files whose name ends in .pgb (any case), each once', () => {
    const argv = ['/opt/pinggu', 'a.pgb', 'notes.txt', 'missing.pgb', 'B.PGB', 'a.pgb', './a.pgb'];
    const files = ['/home/clerk/a.pgb', '/home/clerk/notes.txt', '/home/clerk/B.PGB'];
    expect(bundlePathsFromArgv(argv, linux(files))).toEqual([
      '/home/clerk/a.pgb',
      '/home/clerk/B.PGB',
    ]);
  });

  it('resolves relative paths against the launching instance’s working folder', () => {
    const context = linux(['/srv/share/组1/x.pgb'], { cwd: '/srv/share' });
    expect(bundlePathsFromArgv(['/opt/pinggu', '组1/x.pgb'], context)).toEqual([
      '/srv/share/组1/x.pgb',
    ]);
  });

  it('understands Windows paths on Windows', () => {
    const context: ArgvContext = {
      isPackaged: true,
      platform: 'win32',
      cwd: 'C:\\Users\\clerk',
      isFile: existing(['D:\\评估\\大连组.pgb', 'C:\\Users\\clerk\\b.pgb']),
    };
    const argv = ['C:\\Program Files\\评估通\\pinggu.exe', 'D:\\评估\\大连组.pgb', 'b.pgb'];
    expect(bundlePathsFromArgv(argv, context)).toEqual([
      'D:\\评估\\大连组.pgb',
      'C:\\Users\\clerk\\b.pgb',
    ]);
  });

  it('ignores empty arguments and arguments with NUL bytes', () => {
    expect(
      bundlePathsFromArgv(['/opt/pinggu', '', 'a\0.pgb'], linux(['/home/clerk/a\0.pgb'])),
    ).toEqual([]);
  });
});
