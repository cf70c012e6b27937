// The width of an element, kept up to date as the window or layout changes, so charts
// are drawn at the size of their card (Recharts needs a number).
import { useLayoutEffect, useRef, useState } from 'react';
import type { RefObject } from 'react';

export function useContainerWidth<T extends HTMLElement>(
  fallback = 960,
): [RefObject<T | null>, number] {
  const ref = useRef<T | null>(null);
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return undefined;
    const update = () => {
      const next = Math.floor(element.clientWidth);
      if (next > 0) setWidth((current) => (current === next ? current : next));
    };
    update();
    const observer = new ResizeObserver(update);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}
