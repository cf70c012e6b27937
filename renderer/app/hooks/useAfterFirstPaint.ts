// A screen that shows a lot at once (cards with tables, sections below the fold) can show its
// top part first: false until `isReady` (by default at once) and the render that first saw it
// ready is committed, then true in a render React starts in the background after that one
// (useDeferredValue), so the first content is painted without waiting for the rest.
import { useDeferredValue } from 'react';

export function useAfterFirstPaint(isReady: boolean = true): boolean {
  return useDeferredValue(isReady, false);
}
