// How a cell that differs between the two copies is marked: a light red background, and an
// attribute so tests and assistive tools need not rely on colour.
import type { HTMLAttributes } from 'react';

export const DIFF_BACKGROUND = '#fff1f0';

const MARKED = { style: { background: DIFF_BACKGROUND }, 'data-different': 'true' };

export const diffCell = (isDifferent: boolean): HTMLAttributes<HTMLElement> =>
  isDifferent ? MARKED : {};
