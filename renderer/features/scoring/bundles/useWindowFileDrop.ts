// Dropping a bundle anywhere on the window opens it (while the calling screen is shown).
import { useEffect, useRef } from 'react';
import type { BundleFile } from './useRoundBundleImport';
import { carriesFiles } from '../../../app/fileDrag';

export function useWindowFileDrop(onFile: (file: BundleFile) => void): void {
  const latest = useRef(onFile);
  useEffect(() => {
    latest.current = onFile;
  }, [onFile]);

  useEffect(() => {
    const onDragOver = (event: DragEvent) => {
      if (!carriesFiles(event.dataTransfer)) return;
      // Without this the browser would navigate to the dropped file.
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const onDrop = (event: DragEvent) => {
      if (!carriesFiles(event.dataTransfer)) return;
      event.preventDefault();
      const file = event.dataTransfer?.files[0];
      if (!file) return;
      const { name } = file;
      void file.arrayBuffer().then(
        (buffer) => latest.current({ name, bytes: new Uint8Array(buffer) }),
        // An unreadable file is opened as empty, so the import says it is not a bundle.
        () => latest.current({ name, bytes: new Uint8Array() }),
      );
    };
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('drop', onDrop);
    };
  }, []);
}
