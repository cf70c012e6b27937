// Launches Debian's Chromium through playwright-core against the built renderer served on
// 127.0.0.1. Each launch uses a fresh user-data dir, so every test starts on a clean machine.
// useMachine() is the usual harness of a describe block: one server, one such machine.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { serveStatic, type StaticServer } from '../../../scripts/serve.mjs';

export const CHROMIUM_PATH = process.env.PINGGU_CHROMIUM ?? '/usr/bin/chromium';
/**
 * Where screenshots and other artifacts go: the git-ignored tests/e2e/artifacts, or the folder
 * PINGGU_ARTIFACTS_DIR names (scripts/screenshots.mjs gives each run a fresh one). Tests never
 * write to tracked paths: the README's screenshots are copied by `npm run screenshots`.
 */
export const ARTIFACTS_DIR = resolve(process.env.PINGGU_ARTIFACTS_DIR ?? 'tests/e2e/artifacts');
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
  /** Messages the page logged with console.error, for tests that assert there were none. */
  consoleErrors: string[];
};

/**
 * Installed in every page of the e2e machines (diagnostics only, read by describePage): the
 * last input events with their targets, and every element with a data-testid that left the
 * DOM, so a click that did nothing can be told apart from a button replaced under the mouse.
 */
const INPUT_LOG_SCRIPT = `(() => {
  const log = [];
  const push = (entry) => { log.push(Math.round(performance.now()) + ' ' + entry); if (log.length > 60) log.shift(); };
  const describe = (node) => {
    if (!(node instanceof Element)) return String(node && node.nodeName);
    const tagged = node.closest('[data-testid]');
    return node.tagName.toLowerCase() + (tagged ? '@' + tagged.getAttribute('data-testid') : '');
  };
  for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click', 'keydown']) {
    window.addEventListener(type, (event) => push(type + ' ' + describe(event.target) + (event.defaultPrevented ? ' (prevented)' : '')), true);
  }
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.removedNodes) {
        if (!(node instanceof Element)) continue;
        const ids = [node, ...node.querySelectorAll('[data-testid]')]
          .map((el) => el.getAttribute && el.getAttribute('data-testid'))
          .filter((id) => id);
        if (ids.length > 0) push('removed ' + ids.slice(0, 5).join(','));
      }
    }
  }).observe(document, { childList: true, subtree: true });
  window.__pingguInputLog = log;
})();`;

export type LaunchOptions = {
  width?: number;
  height?: number;
  /**
   * The system's reduce-motion setting (default 'reduce', which the app honours by turning
   * Ant Design's animations off): a dialog or dropdown is then where it stays from its first
   * frame. With animations, a click sent while a dialog zooms in can press on its button and
   * release on the field above it, which clicks neither (seen in CI's input logs).
   */
  reducedMotion?: 'reduce' | 'no-preference';
};

/**
 * Options of expect.poll for a state that arrives asynchronously (a live query after a
 * commit, a chart drawn in several passes): as patient as Playwright's own waits, where
 * vitest's default gives up after one second, too soon on a slow, busy CI machine.
 */
export const SETTLED = { timeout: 30_000 } as const;

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
export const launchMachine = async (options: LaunchOptions = {}): Promise<Machine> => {
  const userDataDir = mkdtempSync(join(tmpdir(), 'pinggu-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    viewport: { width: options.width ?? 1366, height: options.height ?? 768 },
    locale: 'zh-CN',
    acceptDownloads: true,
    reducedMotion: options.reducedMotion ?? 'reduce',
  });
  await context.addInitScript(INPUT_LOG_SCRIPT);
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  const close = async () => {
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
  };
  return { context, page, close, errors, consoleErrors };
};

/** The machine of a describe block, with the address of the app it serves. */
export type UsedMachine = Readonly<Omit<Machine, 'close'>> & {
  /** The app's address on the block's static server (the renderer build). */
  readonly url: string;
};

/**
 * Registers, in the calling describe block, a beforeAll that starts the static server and a
 * Chromium on a fresh profile, and an afterAll that closes both. The fields of the returned
 * object are read from what beforeAll started, so read them inside tests and hooks only.
 * `defaultTimeout` is given to the page's setDefaultTimeout, for a block with slow steps.
 */
export const useMachine = (
  options: LaunchOptions & { defaultTimeout?: number } = {},
): UsedMachine => {
  const { defaultTimeout, ...launch } = options;
  let server: StaticServer | undefined;
  let machine: Machine | undefined;

  beforeAll(async () => {
    server = await startServer();
    machine = await launchMachine(launch);
    if (defaultTimeout !== undefined) machine.page.setDefaultTimeout(defaultTimeout);
  });

  afterAll(async () => {
    await machine?.close();
    await server?.close();
  });

  const started = (): { server: StaticServer; machine: Machine } => {
    if (server === undefined || machine === undefined) {
      throw new Error('useMachine(): the machine starts in beforeAll; use it in tests and hooks');
    }
    return { server, machine };
  };
  return {
    get url() {
      return started().server.url;
    },
    get context() {
      return started().machine.context;
    },
    get page() {
      return started().machine.page;
    },
    get errors() {
      return started().machine.errors;
    },
    get consoleErrors() {
      return started().machine.consoleErrors;
    },
  };
};

export const screenshotPath = (name: string) => {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  return join(ARTIFACTS_DIR, `${name}.png`);
};

/**
 * What the page shows and holds, for a failure message: the save state, messages, open
 * dialogs and dropdowns (with their classes, to tell a stuck animation from a lost click),
 * alerts, whether the page is visible and focused, and the stored scoresheets' states.
 */
export async function describePage(page: Page): Promise<string> {
  const shown = await page
    .evaluate(async () => {
      const texts = (selector: string) =>
        [...document.querySelectorAll<HTMLElement>(selector)]
          .map((el) => el.innerText.trim())
          .filter((text) => text !== '');
      const overlays = [
        ...document.querySelectorAll<HTMLElement>('.ant-modal-wrap, .ant-select-dropdown'),
      ].map((el) => ({
        classes: el.className,
        style: el.getAttribute('style') ?? '',
        buttons: [...el.querySelectorAll<HTMLElement>('button')].map((b) => b.className),
        text: el.innerText.trim().slice(0, 80),
      }));
      const sheets = await new Promise<unknown>((resolve) => {
        const request = indexedDB.open('pinggu');
        request.onerror = () => resolve(String(request.error));
        request.onsuccess = () => {
          const db = request.result;
          if (!db.objectStoreNames.contains('scoresheets')) {
            db.close();
            resolve('no scoresheets store');
            return;
          }
          const all = db.transaction('scoresheets').objectStore('scoresheets').getAll();
          all.onerror = () => resolve(String(all.error));
          all.onsuccess = () => {
            db.close();
            resolve(
              (
                all.result as {
                  baseId: string;
                  expertId: string;
                  state: string;
                  revision: number;
                }[]
              ).map((s) => `${s.expertId}/${s.baseId}: ${s.state} r${s.revision}`),
            );
          };
        };
      });
      return {
        url: location.href,
        visibility: document.visibilityState,
        focused: document.hasFocus(),
        active: document.activeElement?.outerHTML.slice(0, 120) ?? null,
        saveState: texts('[data-testid="save-state"]'),
        sheetState: texts('[data-testid="sheet-state"]'),
        messages: texts('.ant-message-notice'),
        overlays,
        alerts: texts('.ant-alert'),
        sheets,
        inputLog: (window as { __pingguInputLog?: string[] }).__pingguInputLog ?? [],
      };
    })
    .catch((reason: unknown) => ({ unreadable: String(reason) }));
  return JSON.stringify(shown);
}

/**
 * Waits for `locator`; when it does not come, fails with what the page says instead (see
 * describePage), and saves a screenshot, so a failure in CI's log tells what went wrong.
 */
export async function waitForOrExplain(
  page: Page,
  locator: Locator,
  what: string,
  options: { timeout?: number; state?: 'visible' | 'hidden' | 'attached' } = {},
): Promise<void> {
  try {
    await locator.waitFor(options);
  } catch (error) {
    const shown = await describePage(page);
    await page.screenshot({ path: screenshotPath(`failure-${Date.now()}`) }).catch(() => undefined);
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new Error(`${what} did not happen (${reason}); the page shows ${shown}`, {
      cause: error,
    });
  }
}

/**
 * Picks the option with this text in an Ant Design select, and waits until the select shows
 * it; when the pick does not take, it fails with what the page shows instead of trying again.
 *
 * Why picks were lost (CI, before the e2e browsers ran with reduced motion): antd animates a
 * dropdown (slide-up) and the dialog or drawer around it (zoom, slide) as they open, so a click
 * sent mid-animation pressed on one element and released on another, which clicks neither
 * (the input log showed pointerdown and pointerup on different targets). The machines now run
 * with reduce-motion, which the app honours; this helper does not rely on it and waits, before
 * clicking, until the dropdown that belongs to this select (found through the input's
 * aria-controls, not any dropdown on the page) is open, aligned (antd first renders it at
 * -1000vw) and out of its enter motion. `search` types the text first: a long list is
 * virtual, and typing brings the option into the rendered rows.
 */
export async function chooseOption(
  page: Page,
  select: Locator,
  text: string,
  options: { search?: boolean } = {},
): Promise<void> {
  const input = select.locator('input[role="combobox"]').first();
  await select.click();
  await waitForOrExplain(
    page,
    select.locator('input[role="combobox"][aria-controls]').first(),
    `the dropdown of the select for ${text} opening`,
    { state: 'attached' },
  );
  const listId = (await input.getAttribute('aria-controls')) ?? '';
  const dropdown = page.locator('.ant-select-dropdown', { has: page.locator(`[id="${listId}"]`) });
  const isSettled = () =>
    dropdown.evaluate(
      (element) =>
        !/-hidden\b|-(appear|enter|leave)(-prepare|-start|-active)?\b/.test(element.className) &&
        !(element.getAttribute('style') ?? '').includes('-1000v'),
    );
  await expect
    .poll(isSettled, { ...SETTLED, message: `the dropdown for ${text} open and in place` })
    .toBe(true);
  if (options.search === true) await page.keyboard.type(text);
  const option = dropdown.locator('.ant-select-item-option').filter({ hasText: text }).first();
  await waitForOrExplain(page, option, `the option ${text}`);
  expect(await option.getAttribute('aria-disabled'), `the option ${text} is disabled`).not.toBe(
    'true',
  );
  await option.click();
  await waitForOrExplain(
    page,
    select.filter({ hasText: text.trim() }),
    `the select showing ${text} after its option was clicked`,
  );
}
