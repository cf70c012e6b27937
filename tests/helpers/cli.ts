// Builders for CLI tests: an io that collects stdout and stderr, real temporary folders
// (removed after each test file), running `run(argv, io)` in one call, and demo bundles
// written once per test file by the demo command itself.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { openBundle } from '../../shared/bundle/bundle';
import type { OpenedBundle } from '../../shared/bundle/bundle';
import type { CliIo } from '../../cli/io';
import { run } from '../../cli/run';

export const CLI_NOW = '2024-06-01T08:00:00.000Z';

export type CliRun = { code: number; stdout: string; stderr: string };

export type CapturedIo = CliIo & { output: () => { stdout: string; stderr: string } };

export function captureIo(cwd: string, env: Record<string, string | undefined> = {}): CapturedIo {
  let stdout = '';
  let stderr = '';
  return {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    env,
    cwd,
    now: () => CLI_NOW,
    output: () => ({ stdout, stderr }),
  };
}

const created: string[] = [];
afterAll(async () => {
  await Promise.all(created.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A new empty folder under the system's temp folder, removed after the test file. */
export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'pinggu-cli-'));
  created.push(dir);
  return dir;
}

/**
 * Runs the CLI in-process. cwd: `options.cwd` or a new temp folder; PINGGU_HOME defaults to
 * a folder of its own so no test touches ~/.pinggu.
 */
export async function runCli(
  argv: readonly string[],
  options: { cwd?: string; env?: Record<string, string | undefined> } = {},
): Promise<CliRun> {
  const cwd = options.cwd ?? (await tempDir());
  const env = { PINGGU_HOME: path.join(cwd, '.pinggu-home'), ...options.env };
  const io = captureIo(cwd, env);
  const code = await run(argv, io);
  return { code, ...io.output() };
}

export const lines = (text: string): string[] => text.split('\n').filter((l) => l !== '');

/** True when the text holds a JavaScript stack trace. */
export const hasStackTrace = (text: string): boolean => /\n\s+at \S+/.test(text);

export type DemoFiles = { dir: string; rounds: string[]; scores: string[]; all: string[] };

/** `pinggu demo` into a new folder; the file names it printed, split by kind. */
export async function writeDemo(args: readonly string[] = []): Promise<DemoFiles> {
  const dir = await tempDir();
  const result = await runCli(['demo', '--out', 'demo', ...args], { cwd: dir });
  if (result.code !== 0) throw new Error(`demo failed: ${result.stderr}`);
  const all = lines(result.stdout).map((file) => path.join(dir, file));
  return {
    dir,
    rounds: all.filter((f) => path.basename(f).startsWith('round-')),
    scores: all.filter((f) => path.basename(f).startsWith('scores-')),
    all,
  };
}

export async function openFile(file: string): Promise<OpenedBundle> {
  const opened = await openBundle(new Uint8Array(await readFile(file)), {
    crypto: globalThis.crypto,
  });
  if (!opened.ok) throw new Error(`${file}: ${opened.error.messageEn}`);
  return opened;
}

/** Every file in a folder with its bytes, by name. */
export async function folderBytes(dir: string): Promise<Map<string, Buffer>> {
  const names = (await readdir(dir)).sort();
  return new Map(
    await Promise.all(names.map(async (n) => [n, await readFile(path.join(dir, n))] as const)),
  );
}
