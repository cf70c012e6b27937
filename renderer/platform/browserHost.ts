// What the browser implementation needs from the page: a file picker and a download. The
// logic (cancel detection, cleanup, delayed URL revocation) works on a narrow DOM port so it
// can be tested in Node; documentDom() binds that port to the real document.

export type PickRequest = {
  readonly multiple: boolean;
  /** Pick a folder (webkitdirectory); the browser returns every file inside it. */
  readonly directory: boolean;
  readonly accept: string;
};

export type BrowserHost = {
  /** The picked files, or null when the user cancelled. */
  pickFiles(request: PickRequest): Promise<readonly File[] | null>;
  /** Starts a download of blob under fileName. */
  download(fileName: string, blob: Blob): void;
  /** A production build (import.meta.env.PROD). */
  readonly isProduction: boolean;
};

export type FileInputPort = EventTarget & {
  type: string;
  multiple: boolean;
  accept: string;
  webkitdirectory: boolean;
  readonly files: ArrayLike<File> | null;
  click(): void;
  remove(): void;
};

export type AnchorPort = {
  href: string;
  download: string;
  rel: string;
  click(): void;
  remove(): void;
};

export type DomPort = {
  /** A hidden <input> attached to the document. */
  mountFileInput(): FileInputPort;
  /** A hidden <a> attached to the document. */
  mountAnchor(): AnchorPort;
  createObjectUrl(blob: Blob): string;
  revokeObjectUrl(url: string): void;
  later(run: () => void, milliseconds: number): void;
};

// Revoking a blob URL right after click() can cancel the download in some browsers.
export const REVOKE_DELAY_MS = 60_000;

export const createBrowserHost = (dom: DomPort, isProduction: boolean): BrowserHost => ({
  isProduction,
  pickFiles: (request) =>
    new Promise((resolve) => {
      const input = dom.mountFileInput();
      input.type = 'file';
      input.multiple = request.multiple;
      input.accept = request.accept;
      input.webkitdirectory = request.directory;
      let isSettled = false;
      const settle = (files: readonly File[] | null): void => {
        if (isSettled) return;
        isSettled = true;
        input.remove();
        resolve(files);
      };
      input.addEventListener('change', () => {
        const files = input.files === null ? [] : Array.from(input.files);
        settle(files.length === 0 ? null : files);
      });
      // Fired when the picker is dismissed (Chromium 113+, Firefox 91+, Safari 16.4+).
      input.addEventListener('cancel', () => settle(null));
      input.click();
    }),
  download: (fileName, blob) => {
    const url = dom.createObjectUrl(blob);
    const anchor = dom.mountAnchor();
    anchor.href = url;
    anchor.download = fileName;
    anchor.rel = 'noopener';
    anchor.click();
    anchor.remove();
    dom.later(() => dom.revokeObjectUrl(url), REVOKE_DELAY_MS);
  },
});

/** The DomPort of a real page. */
export const documentDom = (doc: Document): DomPort => ({
  mountFileInput: () => {
    const input = doc.createElement('input');
    input.hidden = true;
    doc.body.append(input);
    return input;
  },
  mountAnchor: () => {
    const anchor = doc.createElement('a');
    anchor.hidden = true;
    doc.body.append(anchor);
    return anchor;
  },
  createObjectUrl: (blob) => URL.createObjectURL(blob),
  revokeObjectUrl: (url) => URL.revokeObjectURL(url),
  later: (run, milliseconds) => {
    setTimeout(run, milliseconds);
  },
});
