// Test doubles for the desktop shell: real temporary folders on disk, a dialog service that
// answers with paths the test chose, an ipcMain that records its listeners, and sender
// frames as Electron would report them.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach } from 'vitest';
import type { DialogService, OpenRequest, SaveRequest } from '../../electron/main/services/dialogs';
import type { IpcInvokeEvent, IpcMainLike } from '../../electron/main/ipc/registerIpcHandlers';
import type { DesktopResult } from '../../shared/ipc/result';

const createdDirs: string[] = [];

/** A fresh folder under the OS temp dir, removed after the test. */
export const makeTempDir = async (prefix = 'pinggu-shell-'): Promise<string> => {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  createdDirs.push(dir);
  return dir;
};

afterEach(async () => {
  await Promise.all(createdDirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

export type ScriptedDialog = DialogService & {
  readonly openRequests: OpenRequest[];
  readonly saveRequests: SaveRequest[];
};

/** A dialog service whose answers are fixed by the test (null = the user cancelled). */
export const scriptedDialog = (answers: {
  open?: readonly string[] | null;
  save?: string | null;
}): ScriptedDialog => {
  const openRequests: OpenRequest[] = [];
  const saveRequests: SaveRequest[] = [];
  return {
    openRequests,
    saveRequests,
    chooseOpenPaths: async (request) => {
      openRequests.push(request);
      return answers.open ?? null;
    },
    chooseSavePath: async (request) => {
      saveRequests.push(request);
      return answers.save ?? null;
    },
  };
};

type Listener = (event: IpcInvokeEvent, ...args: unknown[]) => Promise<DesktopResult<unknown>>;

/** Records what registerIpcHandlers puts on ipcMain and lets a test invoke it. */
export const recordingIpcMain = (): IpcMainLike & {
  readonly channels: () => string[];
  invoke(
    channel: string,
    event: IpcInvokeEvent,
    ...args: unknown[]
  ): Promise<DesktopResult<unknown>>;
} => {
  const listeners = new Map<string, Listener>();
  return {
    handle: (channel, listener) => {
      if (listeners.has(channel)) throw new Error(`second handler for ${channel}`);
      listeners.set(channel, listener);
    },
    channels: () => [...listeners.keys()],
    invoke: (channel, event, ...args) => {
      const listener = listeners.get(channel);
      if (listener === undefined) throw new Error(`no handler for ${channel}`);
      return listener(event, ...args);
    },
  };
};

/** The app's own top-level frame. */
export const appFrameEvent = (url = 'app://pinggu/index.html'): IpcInvokeEvent => ({
  senderFrame: { url, parent: null },
});

/** A frame at `url`, optionally inside a parent frame. */
export const frameEvent = (url: string, parentUrl?: string): IpcInvokeEvent => ({
  senderFrame: { url, parent: parentUrl === undefined ? null : { url: parentUrl } },
});

const suiteDirs: string[] = [];

/** A temp folder for a beforeAll; removed when the test process exits. */
export const makeTempDirOutsideTest = async (prefix: string): Promise<string> => {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  suiteDirs.push(dir);
  return dir;
};

afterAll(async () => {
  await Promise.all(suiteDirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});
