// The app's connection to its shell (features/backups/DesktopShell: backup schedule, menu
// actions, bundles opened or dropped, the restore offer) is loaded once the first screen has
// been committed and the browser is idle, not before it: it brings the bundle reader and
// writer, zod and fflate, none of which the home page needs to paint. Until it listens, files
// dropped on the window are held and dropped again for it (dropBuffer.ts); the main process
// holds opened files and menu actions until the shell says it listens, and waits (with a
// timeout) for its quit backup.
import { Suspense, useEffect, useRef, useState } from 'react';
import { useLocation } from 'react-router';
import { ErrorBoundary } from './ErrorBoundary';
import { lazyNamed } from './lazyNamed';
import { holdDrops, type DropBuffer } from './dropBuffer';
import { ROUTES } from './routes';

const DesktopShell = lazyNamed(() => import('../features/backups/DesktopShell'), 'DesktopShell');

const whenIdle = (start: () => void): (() => void) => {
  if (typeof window.requestIdleCallback === 'function') {
    const id = window.requestIdleCallback(start, { timeout: 1000 });
    return () => window.cancelIdleCallback(id);
  }
  const id = window.setTimeout(start, 0);
  return () => window.clearTimeout(id);
};

/** Rendered after DesktopShell: its effect runs once the shell's own have subscribed. */
const ShellListening = ({ onListening }: { onListening: () => void }) => {
  useEffect(onListening, [onListening]);
  return null;
};

export const DeferredDesktopShell = () => {
  const [started, setStarted] = useState(false);
  const drops = useRef<DropBuffer | undefined>(undefined);
  const { pathname } = useLocation();
  const path = useRef(pathname);
  useEffect(() => {
    path.current = pathname;
  });

  useEffect(() => {
    const start = () => setStarted(true);
    const buffer = holdDrops(window, {
      // As DesktopShell: the scoring screen's round bundle opener takes drops there.
      accepts: () => path.current !== ROUTES.scoring,
      // A drop is the user waiting for the shell: load it at once.
      onHeld: start,
    });
    drops.current = buffer;
    const cancel = whenIdle(start);
    return () => {
      cancel();
      buffer.dispose();
    };
  }, []);

  const [onListening] = useState(() => () => drops.current?.release());

  if (!started) return null;
  // The shell draws nothing of its own but an import dialog; if its code cannot be loaded
  // the screens still work (and say so themselves when their own code is missing).
  return (
    <ErrorBoundary resetKey="shell" fallback={() => null}>
      <Suspense fallback={null}>
        <DesktopShell />
        <ShellListening onListening={onListening} />
      </Suspense>
    </ErrorBoundary>
  );
};
