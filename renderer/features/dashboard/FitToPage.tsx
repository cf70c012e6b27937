// Scales a print section down (CSS zoom, which also shrinks its layout box) until it fits
// one A4 landscape page, so each chart prints on its own page instead of spilling over.
// The screen preview shows the same scale, so what the chair sees is what prints.
import { useLayoutEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';

/** 190 mm of printable height (A4 landscape, 10 mm margins) at 96 px per inch, with slack. */
export const PAGE_CONTENT_HEIGHT_PX = 700;
/** Below this the text would be too small to read on paper; the section then spills over. */
const MIN_ZOOM = 0.55;

export const FitToPage = ({ children }: { children: ReactNode }) => {
  const innerRef = useRef<HTMLDivElement | null>(null);
  const [zoom, setZoom] = useState(1);
  useLayoutEffect(() => {
    const inner = innerRef.current;
    if (!inner) return undefined;
    const update = () => {
      // Layout height in the section's own (unzoomed) pixels.
      const natural = inner.offsetHeight;
      if (natural <= 0) return;
      const next = Math.max(MIN_ZOOM, Math.min(1, PAGE_CONTENT_HEIGHT_PX / natural));
      setZoom((current) => (Math.abs(current - next) < 0.01 ? current : next));
    };
    update();
    const observer = new ResizeObserver(update);
    observer.observe(inner);
    return () => observer.disconnect();
  }, []);
  return (
    <div style={{ zoom }} data-zoom={zoom.toFixed(2)}>
      <div ref={innerRef}>{children}</div>
    </div>
  );
};
