// Bundles a screen asks to open (the panel overview's 导入评分包…), handed to the desktop
// shell's import dialog. The shell loads once the page is idle (DeferredDesktopShell), so a
// request made before it listens waits for it.
import type { OpenedFile } from '../../shared/ipc/contract';

type Listener = (files: readonly OpenedFile[]) => void;

let listener: Listener | undefined;
const waiting: OpenedFile[][] = [];

export function requestOpenBundles(files: readonly OpenedFile[]): void {
  if (files.length === 0) return;
  if (listener) listener(files);
  else waiting.push([...files]);
}

/** The shell's subscription: requests made before it are delivered at once. */
export function onOpenBundleRequest(next: Listener): () => void {
  listener = next;
  for (const files of waiting.splice(0)) next(files);
  return () => {
    if (listener === next) listener = undefined;
  };
}
