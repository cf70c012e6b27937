// Files dropped on the window before the shell's code has loaded (DeferredDesktopShell): the
// browser is kept from opening them in place of the app, and they are dropped again, as the
// same files, once the shell listens, so an early drop is imported like any other.
import { carriesFiles } from './fileDrag';

export type DropBuffer = {
  /** Stops holding drops and drops the held files again on the window. */
  release: () => void;
  /** Stops holding drops and forgets the held files. */
  dispose: () => void;
};

export type HoldOptions = {
  /** Whether the shell would take this drop (it leaves drops on the scoring screen to it). */
  accepts: () => boolean;
  /** Told when a drop has been held. */
  onHeld: () => void;
};

export const holdDrops = (target: Window, { accepts, onHeld }: HoldOptions): DropBuffer => {
  const held: File[][] = [];
  const onDragOver = (event: DragEvent) => {
    if (!carriesFiles(event.dataTransfer)) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
  };
  const onDrop = (event: DragEvent) => {
    if (!carriesFiles(event.dataTransfer)) return;
    // Never let the browser open a dropped file in place of the app.
    event.preventDefault();
    if (!accepts()) return;
    // The event's DataTransfer is emptied once the event is over; the File objects are not.
    held.push([...(event.dataTransfer?.files ?? [])]);
    onHeld();
  };
  target.addEventListener('dragover', onDragOver);
  target.addEventListener('drop', onDrop);
  const dispose = () => {
    target.removeEventListener('dragover', onDragOver);
    target.removeEventListener('drop', onDrop);
    held.length = 0;
  };
  const release = () => {
    const drops = [...held];
    dispose();
    for (const files of drops) {
      const transfer = new DataTransfer();
      for (const file of files) transfer.items.add(file);
      target.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, cancelable: true }));
    }
  };
  return { release, dispose };
};
