// Bundles opened from outside (command line, file manager, macOS 'open-file', a second
// launch) reach the renderer through here. Files are read at once (with the contract's size
// limits), then held until the renderer says it listens (app:rendererReady), because they
// may arrive before the window exists or while the page reloads.
import type { OpenedFile } from '../../shared/ipc/contract';
import type { DesktopEventPayloads } from '../../shared/ipc/shellEvents';
import type { DesktopResult } from '../../shared/ipc/result';

type OpenBundlesPayload = DesktopEventPayloads['shell:openBundles'];

export type BundleInboxDeps = {
  /** readFilesWithinLimits for one path. */
  readonly readFile: (filePath: string) => Promise<DesktopResult<OpenedFile[]>>;
  /** webContents.send('shell:openBundles', payload) to the main window. */
  readonly send: (payload: OpenBundlesPayload) => void;
};

export type BundleInbox = {
  /** Reads the files and sends them now, or once the renderer is ready. */
  receive(filePaths: readonly string[]): Promise<void>;
  /** The renderer subscribed: everything queued is sent, in order. */
  markReady(): void;
  /** The page is (re)loading: hold files until it is ready again. */
  markNotReady(): void;
  isReady(): boolean;
};

export const createBundleInbox = (deps: BundleInboxDeps): BundleInbox => {
  let ready = false;
  const queue: OpenBundlesPayload[] = [];

  const deliver = (payload: OpenBundlesPayload): void => {
    if (ready) deps.send(payload);
    else queue.push(payload);
  };

  return {
    receive: async (filePaths) => {
      if (filePaths.length === 0) return;
      const files: OpenedFile[] = [];
      const problems: string[] = [];
      // One at a time, so one unreadable file does not keep the others out.
      for (const filePath of filePaths) {
        const read = await deps.readFile(filePath);
        if (read.ok) files.push(...read.value);
        else problems.push(read.error.message);
      }
      deliver({ files, problems });
    },
    markReady: () => {
      ready = true;
      for (const payload of queue.splice(0)) deps.send(payload);
    },
    markNotReady: () => {
      ready = false;
    },
    isReady: () => ready,
  };
};
