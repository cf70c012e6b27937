// What a command may touch besides the file system: its two output streams, the
// environment, the working folder and the clock. main.ts passes the real ones; tests pass
// collectors, so every command runs in-process exactly as from a shell.
import os from 'node:os';
import path from 'node:path';
import type { CommandName } from './help';

export type CliIo = {
  /** Writes text to standard output as is (callers add the newline). */
  stdout: (text: string) => void;
  /** Writes text to standard error: progress, warnings, errors. */
  stderr: (text: string) => void;
  /** PINGGU_HOME, PINGGU_PASSPHRASE, HOME. */
  env: Readonly<Record<string, string | undefined>>;
  /** Relative paths on the command line resolve against this folder. */
  cwd: string;
  /** ISO 8601 instant: createdAt of the bundles merge writes. */
  now: () => string;
};

/** Exit codes: 0 success; 1 usage error or a failure (e.g. cannot write); 2 refused input. */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_REFUSED = 2;

/** A mistake on the command line: printed as one line plus the command's usage, exit 1. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(
    message: string,
    readonly command?: CommandName,
  ) {
    super(message);
  }
}

/** An expected failure with a sentence for the user (no stack trace), exit 1 unless given. */
export class CliFailure extends Error {
  override readonly name = 'CliFailure';
  constructor(
    message: string,
    readonly exitCode: number = EXIT_FAILURE,
  ) {
    super(message);
  }
}

export const printLine = (io: CliIo, line = ''): void => io.stdout(`${line}\n`);
export const printError = (io: CliIo, line: string): void => io.stderr(`${line}\n`);

export const resolvePath = (io: CliIo, file: string): string => path.resolve(io.cwd, file);

/** $PINGGU_HOME, else ~/.pinggu. */
export const pingguHome = (io: CliIo): string =>
  io.env.PINGGU_HOME !== undefined && io.env.PINGGU_HOME !== ''
    ? path.resolve(io.cwd, io.env.PINGGU_HOME)
    : path.join(io.env.HOME ?? os.homedir(), '.pinggu');

/** The process's own streams, environment and clock. */
export function nodeIo(): CliIo {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    env: process.env,
    cwd: process.cwd(),
    now: () => new Date().toISOString(),
  };
}

/** An error's code (ENOENT, EACCES…) or its message, for one-line reports. */
export function describeFsError(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = String(error.code);
    const known: Record<string, string> = {
      ENOENT: 'no such file or folder',
      EACCES: 'permission denied',
      EPERM: 'operation not permitted',
      EISDIR: 'is a folder, not a file',
      ENOTDIR: 'a parent is not a folder',
      ENOSPC: 'no space left on the device',
      EROFS: 'read-only file system',
      EEXIST: 'already exists',
    };
    return known[code] === undefined ? code : `${known[code]} (${code})`;
  }
  return error instanceof Error ? error.message : String(error);
}
