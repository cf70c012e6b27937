// Whether the system asks for less motion (Windows: "Show animations in Windows" off; the
// `prefers-reduced-motion` media query). The app then turns Ant Design's animations off:
// dialogs and dropdowns appear at once, which also suits the slow laptops of a meeting room.
//
// Read once, when the app starts: Ant Design wraps the whole tree in a new provider the
// first time its motion setting changes, which would remount every screen (an open dialog,
// a sheet's last keystrokes not yet written) in the middle of work. A change of the system
// setting therefore takes effect at the next start.
import { useState } from 'react';

const QUERY = '(prefers-reduced-motion: reduce)';

function isReducedNow(): boolean {
  return typeof globalThis.matchMedia === 'function' && globalThis.matchMedia(QUERY).matches;
}

export function usePrefersReducedMotion(): boolean {
  const [isReduced] = useState(isReducedNow);
  return isReduced;
}
