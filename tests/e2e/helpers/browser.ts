// Launches Debian's Chromium through playwright-core against the built renderer served on
// 127.0.0.1. Each launch uses a fresh user-data dir, so every test starts on a clean machine.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { serveStatic, type StaticServer } from '../../../scripts/serve.mjs';

export const CHROMIUM_PATH = process.env.PINGGU_CHROMIUM ?? '/usr/bin/chromium';
export const ARTIFACTS_DIR = resolve('tests/e2e/artifacts');
// PINGGU_RENDERER_DIR lets parallel work serve its own build instead of dist/renderer.
const RENDERER_DIR = resolve(process.env.PINGGU_RENDERER_DIR ?? 'dist/renderer');

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export type Machine = {
  context: BrowserContext;
  page: Page;
  close: () => Promise<void>;
  /** Uncaught page errors, collected so a test can assert there were none. */
  errors: string[];
};

export const startServer = async (): Promise<StaticServer> => {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    throw new Error('dist/renderer is missing: run `npm run build:renderer` (npm test does it).');
  }
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}: apt-get install -y chromium fonts-noto-cjk`,
    );
  }
  return serveStatic(RENDERER_DIR, 0);
};

/** One simulated machine: its own Chromium profile, so its IndexedDB is its own. */
export const launchMachine = async (
  options: { width?: number; height?: number } = {},
): Promise<Machine> => {
  const userDataDir = mkdtempSync(join(tmpdir(), 'pinggu-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    viewport: { width: options.width ?? 1366, height: options.height ?? 768 },
    locale: 'zh-CN',
    acceptDownloads: true,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const close = async () => {
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
  };
  return { context, page, close, errors };
};

export const screenshotPath = (name: string) => {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  return join(ARTIFACTS_DIR, `${name}.png`);
};
