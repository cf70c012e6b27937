// Which .pgb files a command line asks 评估通 to open: the first launch's process.argv, and
// the argv a second launch forwards through 'second-instance' (Windows and Linux file
// managers start the program with the file's path; so does `pinggu file.pgb`). macOS sends
// 'open-file' events instead, which main.ts handles directly.
//
// Skipped: the executable (argv[0]); in an unpackaged run the app path that follows it
// (`electron . x.pgb`); flags (`--inspect`, `--foo=bar`, `-psn_0_123` from old macOS
// Finder, the switches Chromium adds to a forwarded argv); the `--` separator itself
// (everything after it is a path, even if it starts with a dash). Only existing files whose
// name ends in .pgb remain, as absolute paths, each once.
import path from 'node:path';
import { isBundleFileName } from '../../shared/ipc/openLimits';

export type ArgvContext = {
  readonly isPackaged: boolean;
  readonly platform: NodeJS.Platform;
  /** Relative paths are resolved against it: process.cwd(), or the second instance's. */
  readonly cwd: string;
  /** Whether the path is an existing regular file (fs.statSync in main). */
  readonly isFile: (filePath: string) => boolean;
};

/** More than this many files on one command line is not a file manager's doing. */
export const MAX_ARGV_BUNDLES = 100;

export const bundlePathsFromArgv = (argv: readonly string[], context: ArgvContext): string[] => {
  const paths = context.platform === 'win32' ? path.win32 : path.posix;
  const positional: string[] = [];
  let afterSeparator = false;
  for (const arg of argv.slice(1)) {
    if (afterSeparator) positional.push(arg);
    else if (arg === '--') afterSeparator = true;
    else if (!arg.startsWith('-')) positional.push(arg);
  }
  // `electron . x.pgb` or `electron dist-electron/main.cjs x.pgb`: the first is the app.
  const candidates = context.isPackaged ? positional : positional.slice(1);
  const found: string[] = [];
  for (const candidate of candidates) {
    if (candidate === '' || candidate.includes('\0') || !isBundleFileName(candidate)) continue;
    const absolute = paths.resolve(context.cwd, candidate);
    if (found.includes(absolute) || !context.isFile(absolute)) continue;
    found.push(absolute);
    if (found.length >= MAX_ARGV_BUNDLES) break;
  }
  return found;
};
