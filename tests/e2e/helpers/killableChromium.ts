// A Chromium this test starts itself, so it can crash it: spawned in its own process group
// on a given profile folder, driven over CDP through playwright-core, and killed with
// SIGKILL (the whole group: browser, renderer, utility processes) like a crash or a power
// button held down. Playwright's own launchers keep the process to themselves, and
// closing a context or page is an orderly shutdown, not a crash.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { CHROMIUM_PATH } from './browser';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--remote-debugging-port=0',
];

export type KillableChromium = {
  browser: Browser;
  page: Page;
  /** SIGKILL to every process of this Chromium; resolves once they are all gone. */
  kill: () => Promise<void>;
  /** An orderly shutdown (flushes everything), for preparing a profile. */
  close: () => Promise<void>;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The DevTools endpoint Chromium prints on stderr once it listens. */
function endpointOf(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not start: ${seen}`)), 30_000);
    child.stderr?.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(seen);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Chromium exited (${code}): ${seen}`));
    });
  });
}

const launched = new Set<number>();

/** After a failed test: SIGKILL to every Chromium this module started that still runs. */
export function killLeftovers(): void {
  for (const pid of launched) if (groupAlive(pid)) process.kill(-pid, 'SIGKILL');
  launched.clear();
}

/** Whether any process of the group led by `pid` is still alive. */
function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function launchKillable(userDataDir: string): Promise<KillableChromium> {
  const child = spawn(CHROMIUM_PATH, [...ARGS, `--user-data-dir=${userDataDir}`, 'about:blank'], {
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error('Chromium did not start');
  launched.add(pid);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const browser = await chromium.connectOverCDP(await endpointOf(child));
  const context = browser.contexts()[0];
  if (!context) throw new Error('no default context');
  const page = context.pages()[0] ?? (await context.newPage());
  const gone = async () => {
    await exited;
    // Children that outlive the browser process a moment (they notice its death).
    for (let i = 0; i < 200 && groupAlive(pid); i += 1) await sleep(25);
    child.stderr?.destroy();
    launched.delete(pid);
  };
  return {
    browser,
    page,
    kill: async () => {
      if (groupAlive(pid)) process.kill(-pid, 'SIGKILL');
      await gone();
    },
    close: async () => {
      // Browser.close shuts Chromium down in order; browser.close() would only disconnect.
      const session = await browser.newBrowserCDPSession();
      await session.send('Browser.close').catch(() => undefined);
      await Promise.race([exited, sleep(20_000)]);
      if (groupAlive(pid)) process.kill(-pid, 'SIGKILL');
      await gone();
    },
  };
}
