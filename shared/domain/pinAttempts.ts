// How often a wrong PIN may be typed on a panel laptop: five tries are free, then each further
// failure imposes a pause that doubles (30 s, 1 min, 2 min … at most 15 min). The count is
// stored, so closing the window does not reset it; the right PIN, or a reset confirmed by the
// chair, clears it. Guessing a 4-digit PIN by hand then takes days, not an afternoon.
export type PinFailures = { count: number; lastAt: string };

export const FREE_PIN_TRIES = 5;
const FIRST_PAUSE_MS = 30_000;
const LONGEST_PAUSE_MS = 15 * 60_000;

/** The pause after `count` consecutive failures (0 while tries are free). */
export function pinPauseMs(count: number): number {
  if (count < FREE_PIN_TRIES) return 0;
  const doublings = Math.min(count - FREE_PIN_TRIES, 10);
  return Math.min(FIRST_PAUSE_MS * 2 ** doublings, LONGEST_PAUSE_MS);
}

/** Milliseconds to wait before the next try at `nowMs` (0: the PIN may be typed now). */
export function pinWaitMs(failures: PinFailures | undefined, nowMs: number): number {
  if (failures === undefined) return 0;
  const last = Date.parse(failures.lastAt);
  if (Number.isNaN(last)) return 0;
  // A clock set back on the laptop must not lock the expert out for longer than one pause.
  const elapsed = Math.max(0, nowMs - last);
  return Math.max(0, pinPauseMs(failures.count) - elapsed);
}

/** The record after one more wrong PIN at `now` (ISO time). */
export function afterWrongPin(failures: PinFailures | undefined, now: string): PinFailures {
  return { count: (failures?.count ?? 0) + 1, lastAt: now };
}
