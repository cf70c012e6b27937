// The shell as it ships: dist-electron/main.cjs and preload.cjs (what electron-builder packs)
// must not weaken the window. `npm test` builds the shell before the unit tests; when the
// files are missing or older than their sources (a unit test run on its own), this test
// builds them first with the project's vite.electron.config.ts.
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { createBuilder } from 'vite';
import { beforeAll, describe, expect, it } from 'vitest';

const OUT_DIR = path.resolve('dist-electron');
const BUILT = ['main.cjs', 'preload.cjs'] as const;
const SOURCE_DIRS = ['electron', 'shared'].map((dir) => path.resolve(dir));

/** Settings that switch off a protection; any one in the built code fails the test. */
const FORBIDDEN_SETTINGS: readonly RegExp[] = [
  /\bnodeIntegration\w*["']?\s*:\s*(?:true|!0)\b/,
  /\bcontextIsolation["']?\s*:\s*(?:false|!1)\b/,
  /\bsandbox["']?\s*:\s*(?:false|!1)\b/,
  /\bwebSecurity["']?\s*:\s*(?:false|!1)\b/,
];

const forbiddenSettingsIn = (code: string): string[] =>
  FORBIDDEN_SETTINGS.flatMap((pattern) => {
    const match = pattern.exec(code);
    return match === null ? [] : [match[0]];
  });

const newestSource = async (dir: string): Promise<number> => {
  let newest = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
    newest = Math.max(newest, (await stat(path.join(entry.parentPath, entry.name))).mtimeMs);
  }
  return newest;
};

const isStale = async (): Promise<boolean> => {
  const sources = Math.max(...(await Promise.all(SOURCE_DIRS.map(newestSource))));
  for (const file of BUILT) {
    const built = await stat(path.join(OUT_DIR, file)).catch(() => null);
    if (built === null || built.mtimeMs < sources) return true;
  }
  return false;
};

const code: Record<(typeof BUILT)[number], string> = { 'main.cjs': '', 'preload.cjs': '' };

beforeAll(async () => {
  if (await isStale()) {
    const builder = await createBuilder({
      configFile: path.resolve('vite.electron.config.ts'),
      logLevel: 'silent',
    });
    await builder.buildApp();
  }
  for (const file of BUILT) code[file] = await readFile(path.join(OUT_DIR, file), 'utf8');
}, 120_000);

describe('the built shell in dist-electron', () => {
  it.each(BUILT)('%s switches off no protection of the window', (file) => {
    expect(code[file].length).toBeGreaterThan(0);
    expect(forbiddenSettingsIn(code[file])).toEqual([]);
  });

  it('main.cjs sets every protection explicitly', () => {
    for (const setting of [
      /\bsandbox:\s*true\b/,
      /\bcontextIsolation:\s*true\b/,
      /\bnodeIntegration:\s*false\b/,
      /\bwebSecurity:\s*true\b/,
    ]) {
      expect(code['main.cjs']).toMatch(setting);
    }
  });
});

describe('the check itself', () => {
  it.each([
    'webPreferences: { nodeIntegration: true }',
    '{"nodeIntegrationInWorker":true}',
    'contextIsolation: false',
    'sandbox:!1',
    "'webSecurity': false",
  ])('catches %j', (snippet) => {
    expect(forbiddenSettingsIn(snippet)).not.toEqual([]);
  });

  it('lets the safe settings through', () => {
    expect(
      forbiddenSettingsIn(
        'sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true',
      ),
    ).toEqual([]);
  });
});
