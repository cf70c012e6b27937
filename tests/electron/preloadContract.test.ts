// The preload against the DesktopApi contract, at both levels:
//  - types: the preload's exposed object is built as a DesktopApi (tsc checks preload.ts;
//    expectTypeOf below pins buildDesktopApi's type), and
//  - behaviour: the BUILT preload.cjs is run against a stand-in for 'electron', and every
//    `api.<domain>.<verb>` the renderer's code uses (found with the TypeScript checker, by
//    type, so `getDesktopApi()\n  .app.getInfo()` counts too) must be among the functions it
//    exposed. A channel added to the renderer but not to the preload fails here.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import ts from 'typescript';
import { createBuilder } from 'vite';
import { beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { buildDesktopApi } from '../../shared/ipc/buildDesktopApi';
import { DESKTOP_CHANNELS } from '../../shared/ipc/channels';
import type { DesktopApi } from '../../shared/ipc/contract';
import { DESKTOP_EVENT_SUBSCRIPTIONS } from '../../shared/ipc/shellEvents';
import { makeTempDirOutsideTest } from '../helpers/desktop';

type Listener = (...args: unknown[]) => unknown;

let exposedName = '';
let exposed: Record<string, Record<string, unknown>> = {};
const invoked: { channel: string; args: unknown[] }[] = [];
const listeners = new Map<string, Listener>();
const removed: string[] = [];

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

beforeAll(async () => {
  const outDir = await makeTempDirOutsideTest('pinggu-preload-');
  const builder = await createBuilder({
    configFile: path.resolve('vite.electron.config.ts'),
    logLevel: 'silent',
    environments: { main: { build: { outDir } }, preload: { build: { outDir } } },
  });
  await builder.buildApp();
  const code = await readFile(path.join(outDir, 'preload.cjs'), 'utf8');
  const electron = {
    contextBridge: {
      exposeInMainWorld: (name: string, value: unknown) => {
        exposedName = name;
        if (!isRecord(value)) throw new Error('exposed a non-object');
        exposed = Object.fromEntries(
          Object.entries(value).map(([domain, group]) => [domain, isRecord(group) ? group : {}]),
        );
      },
    },
    ipcRenderer: {
      invoke: async (channel: string, ...args: unknown[]) => {
        invoked.push({ channel, args });
        return { ok: true, value: null };
      },
      on: (channel: string, listener: Listener) => listeners.set(channel, listener),
      removeListener: (channel: string) => removed.push(channel),
    },
  };
  const module = { exports: {} };
  const run = new Function('require', 'module', 'exports', code);
  run(
    (id: string) => {
      if (id === 'electron') return electron;
      throw new Error(`the preload required ${id}`);
    },
    module,
    module.exports,
  );
}, 60_000);

/** `domain.verb` for every DesktopApi call in renderer/, found through the type checker. */
const rendererUsages = (): Set<string> => {
  const configPath = path.resolve('tsconfig.web.json');
  const config = ts.getParsedCommandLineOfConfigFile(
    configPath,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: () => undefined,
    },
  );
  if (config === undefined) throw new Error('tsconfig.web.json did not parse');
  const program = ts.createProgram({ rootNames: config.fileNames, options: config.options });
  const checker = program.getTypeChecker();
  const contract = program.getSourceFile(path.resolve('shared/ipc/contract.ts'));
  const apiSymbol =
    contract &&
    checker.getSymbolAtLocation(contract)?.exports?.get(ts.escapeLeadingUnderscores('DesktopApi'));
  if (apiSymbol === undefined) throw new Error('DesktopApi not found in contract.ts');
  const apiType = checker.getDeclaredTypeOfSymbol(apiSymbol);
  const groups = new Map<ts.Type, string>();
  for (const property of checker.getPropertiesOfType(apiType)) {
    groups.set(checker.getTypeOfSymbol(property), property.getName());
  }
  const domains = new Set(groups.values());
  const used = new Set<string>();
  const visit = (node: ts.Node): void => {
    // Only `<something>.<domain>.<verb>` is looked at; asking the checker about every
    // property access in the renderer would type-check all of it.
    if (
      ts.isPropertyAccessExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      domains.has(node.expression.name.text)
    ) {
      const owner = checker.getTypeAtLocation(node.expression);
      const domain = groups.get(owner) ?? groups.get(checker.getNonNullableType(owner));
      if (domain !== undefined) used.add(`${domain}.${node.name.text}`);
    }
    ts.forEachChild(node, visit);
  };
  for (const file of program.getSourceFiles()) {
    if (file.fileName.startsWith(path.resolve('renderer'))) visit(file);
  }
  return used;
};

describe('the built preload', () => {
  it('exposes window.pinggu with one function per contract channel and per event', () => {
    expect(exposedName).toBe('pinggu');
    const calls = Object.entries(exposed)
      .filter(([domain]) => domain !== 'events')
      .flatMap(([domain, group]) => Object.keys(group).map((verb) => `${domain}:${verb}`));
    expect(calls.sort()).toEqual([...DESKTOP_CHANNELS].sort());
    expect(Object.keys(exposed.events ?? {}).sort()).toEqual(
      Object.keys(DESKTOP_EVENT_SUBSCRIPTIONS).sort(),
    );
  });

  it('sends each call on its channel through ipcRenderer.invoke', async () => {
    const list = exposed.backup?.list;
    if (typeof list !== 'function') throw new Error('backup.list is missing');
    await list();
    expect(invoked.at(-1)).toEqual({ channel: 'backup:list', args: [] });
  });

  it('hands event listeners the payload only, never the IPC event, and unsubscribes', () => {
    const subscribe = exposed.events?.onMenuAction;
    if (typeof subscribe !== 'function') throw new Error('events.onMenuAction is missing');
    const received: unknown[][] = [];
    const stop = subscribe((...args: unknown[]) => received.push(args));
    const forward = listeners.get('shell:menuAction');
    forward?.({ sender: 'the IPC event with its sender' }, { action: 'backups' });
    expect(received).toEqual([[{ action: 'backups' }]]);
    if (typeof stop !== 'function') throw new Error('no unsubscribe function');
    stop();
    expect(removed).toEqual(['shell:menuAction']);
  });

  it('exposes every DesktopApi call the renderer uses', () => {
    const used = rendererUsages();
    // The scan finds real usages (a broken scan must not pass by finding nothing).
    for (const known of [
      'app.getInfo',
      'backup.write',
      'backup.list',
      'device.getIdentity',
      'events.onOpenBundles',
    ]) {
      expect(used).toContain(known);
    }
    const missing = [...used].filter((usage) => {
      const [domain = '', verb = ''] = usage.split('.');
      return typeof exposed[domain]?.[verb] !== 'function';
    });
    expect(missing).toEqual([]);
  }, 120_000);

  it('is typed as the DesktopApi (what window.pinggu declares)', () => {
    expectTypeOf(buildDesktopApi).returns.toEqualTypeOf<DesktopApi>();
    expectTypeOf<NonNullable<Window['pinggu']>>().toEqualTypeOf<DesktopApi>();
  });
});
