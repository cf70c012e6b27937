// Builds the shell with vite.electron.config.ts into a temporary folder and checks what a
// sandboxed preload and the main process would actually load.
import { readFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { createBuilder } from 'vite';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeTempDirOutsideTest } from '../helpers/desktop';

const requiredModules = (code: string): string[] =>
  [...code.matchAll(/\brequire\(\s*(["'`])([^"'`]+)\1\s*\)/g)].map((match) => match[2] ?? '');

let outDir: string;
let mainCode: string;
let preloadCode: string;

beforeAll(async () => {
  outDir = await makeTempDirOutsideTest('pinggu-bundle-');
  const builder = await createBuilder({
    configFile: path.resolve('vite.electron.config.ts'),
    logLevel: 'silent',
    environments: {
      main: { build: { outDir } },
      preload: { build: { outDir } },
    },
  });
  await builder.buildApp();
  mainCode = await readFile(path.join(outDir, 'main.cjs'), 'utf8');
  preloadCode = await readFile(path.join(outDir, 'preload.cjs'), 'utf8');
}, 60_000);

describe('the Electron bundles', () => {
  it('produce main.cjs and preload.cjs', () => {
    expect(mainCode.length).toBeGreaterThan(0);
    expect(preloadCode.length).toBeGreaterThan(0);
  });

  it('give the sandboxed preload nothing to require but electron', () => {
    expect(requiredModules(preloadCode)).toEqual(['electron']);
    expect(preloadCode).not.toMatch(/\bimport\s*\(/);
  });

  it('keep zod and the contract schemas out of the preload', () => {
    expect(preloadCode).not.toContain('safeParse');
    expect(preloadCode).toContain('exposeInMainWorld("pinggu"');
  });

  it('let main require only electron and Node built-ins', () => {
    const allowed = new Set([
      'electron',
      ...builtinModules,
      ...builtinModules.map((name) => `node:${name}`),
    ]);
    const required = requiredModules(mainCode);
    expect(required).toContain('electron');
    expect(required.filter((name) => !allowed.has(name))).toEqual([]);
  });

  it('bundle the contract into main, so arguments are validated there', () => {
    expect(mainCode).toContain('safeParse');
    expect(mainCode).toContain('registerSchemesAsPrivileged');
  });
});
