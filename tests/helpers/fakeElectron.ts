// A stand-in for the 'electron' module, recording what the built main process asks of it,
// so the bundle's wiring (scheme before ready, guards, IPC, window) can be checked in Node.
// Only the calls main.ts makes exist here; anything else would throw, which is the point.
import { builtinModules, createRequire } from 'node:module';

type Listener = (...args: unknown[]) => unknown;

export type ElectronRecord = {
  readonly calls: string[];
  readonly appListeners: Map<string, Listener>;
  readonly ipcListeners: Map<string, Listener>;
  readonly protocolHandlers: Map<string, Listener>;
  readonly windowOptions: unknown[];
  readonly loadedUrls: string[];
  privilegedSchemes: unknown;
  permissionRequestHandler: Listener | null;
  beforeRequest: Listener | null;
  /** The template main.ts built its application menu from. */
  menuTemplate: unknown;
  readonly windows: FakeWindow[];
};

export type FakeWindow = {
  readonly listeners: Map<string, Listener>;
  readonly contentsListeners: Map<string, Listener>;
  /** Main → renderer events: webContents.send(channel, payload). */
  readonly sent: { channel: string; payload: unknown }[];
  closeCalls: number;
};

export const createFakeElectron = (appPath: string) => {
  const record: ElectronRecord = {
    calls: [],
    appListeners: new Map(),
    ipcListeners: new Map(),
    protocolHandlers: new Map(),
    windowOptions: [],
    loadedUrls: [],
    privilegedSchemes: null,
    permissionRequestHandler: null,
    beforeRequest: null,
    menuTemplate: null,
    windows: [],
  };
  let resolveReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    resolveReady = resolve;
  });

  class BrowserWindow {
    static getFocusedWindow = (): null => null;
    static getAllWindows = (): BrowserWindow[] => [];
    readonly fake: FakeWindow = {
      listeners: new Map(),
      contentsListeners: new Map(),
      sent: [],
      closeCalls: 0,
    };
    readonly webContents = {
      on: (event: string, listener: Listener) => this.fake.contentsListeners.set(event, listener),
      send: (channel: string, payload: unknown) => this.fake.sent.push({ channel, payload }),
      isDestroyed: () => false,
      printToPDF: async () => new Uint8Array([0x25, 0x50, 0x44, 0x46]),
    };
    constructor(options: unknown) {
      record.calls.push('new BrowserWindow');
      record.windowOptions.push(options);
      record.windows.push(this.fake);
    }
    once(): void {}
    on(event: string, listener: Listener): void {
      this.fake.listeners.set(event, listener);
    }
    isDestroyed(): boolean {
      return false;
    }
    isMinimized(): boolean {
      return false;
    }
    restore(): void {}
    focus(): void {}
    close(): void {
      this.fake.closeCalls += 1;
    }
    loadURL(url: string): Promise<void> {
      record.loadedUrls.push(url);
      return Promise.resolve();
    }
  }

  const electron = {
    app: {
      isPackaged: true,
      enableSandbox: () => record.calls.push('app.enableSandbox'),
      requestSingleInstanceLock: () => {
        record.calls.push('app.requestSingleInstanceLock');
        return true;
      },
      setAppUserModelId: () => undefined,
      quit: () => record.calls.push('app.quit'),
      on: (event: string, listener: Listener) => record.appListeners.set(event, listener),
      whenReady: () => ready,
      getAppPath: () => appPath,
      getPath: (name: string) => `/fake/${name}`,
      getVersion: () => '0.1.0',
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown) => {
        record.calls.push('protocol.registerSchemesAsPrivileged');
        record.privilegedSchemes = schemes;
      },
      handle: (scheme: string, handler: Listener) => {
        record.calls.push(`protocol.handle ${scheme}`);
        record.protocolHandlers.set(scheme, handler);
      },
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: Listener) => {
          record.permissionRequestHandler = handler;
        },
        setPermissionCheckHandler: () => undefined,
        webRequest: {
          onBeforeRequest: (handler: Listener) => {
            record.beforeRequest = handler;
          },
        },
      },
    },
    ipcMain: {
      handle: (channel: string, listener: Listener) => record.ipcListeners.set(channel, listener),
    },
    BrowserWindow,
    Menu: {
      buildFromTemplate: (template: unknown) => {
        record.menuTemplate = template;
        return { template };
      },
      setApplicationMenu: () => record.calls.push('Menu.setApplicationMenu'),
    },
    dialog: {},
    shell: {},
  };

  const nodeRequire = createRequire(import.meta.url);
  const requireForBundle = (id: string): unknown => {
    if (id === 'electron') return electron;
    const bare = id.replace(/^node:/, '');
    if (builtinModules.includes(bare)) return nodeRequire(id);
    throw new Error(`the bundle required ${id}`);
  };

  return {
    record,
    requireForBundle,
    /** Resolves app.whenReady(); the rest of start-up runs on the next ticks. */
    becomeReady: async () => {
      record.calls.push('ready');
      resolveReady();
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
  };
};
