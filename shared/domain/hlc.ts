// A hybrid logical clock (Kulkarni et al.): timestamps that follow the wall clock when it
// moves forward, never go backwards on one device, and always sort after any timestamp
// the device has received. Bundle merge orders concurrent edits of a scoresheet with it.
//
// Format: `<ms, 15 digits>-<counter, 5 digits>-<deviceId>`, e.g.
// `001764152400000-00003-laptop-7`. The fixed-width numbers make plain string comparison
// equal to (ms, counter, deviceId) order, so timestamps sort lexicographically.

export type HlcClock = {
  /** A new timestamp for a local event, later than every one issued or received. */
  now(): string;
  /** Merges a timestamp from another device and returns a new local one after both. */
  receive(remote: string): string;
};

export type HlcParts = { ms: number; counter: number; deviceId: string };

const MS_DIGITS = 15;
const COUNTER_DIGITS = 5;
const MAX_MS = 10 ** MS_DIGITS - 1;
const MAX_COUNTER = 10 ** COUNTER_DIGITS - 1;
const HLC_PATTERN = new RegExp(`^(\\d{${MS_DIGITS}})-(\\d{${COUNTER_DIGITS}})-(.+)$`, 's');

export function formatHlc(parts: HlcParts): string {
  const ms = String(parts.ms).padStart(MS_DIGITS, '0');
  const counter = String(parts.counter).padStart(COUNTER_DIGITS, '0');
  return `${ms}-${counter}-${parts.deviceId}`;
}

export function parseHlc(text: string): HlcParts | undefined {
  const match = HLC_PATTERN.exec(text);
  if (!match) return undefined;
  const [, ms, counter, deviceId] = match;
  if (ms === undefined || counter === undefined || deviceId === undefined) return undefined;
  return { ms: Number(ms), counter: Number(counter), deviceId };
}

export function isHlc(text: unknown): text is string {
  return typeof text === 'string' && parseHlc(text) !== undefined;
}

/** Orders two timestamps: negative if a is earlier, 0 if equal, positive if later. */
export function compareHlc(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A clock for one device. `wallClock` returns milliseconds since the epoch (Date.now in
 * the app, a fake in tests). `last`, when given, is the latest timestamp this device
 * persisted, so a restarted app never issues an earlier one even if the wall clock was
 * set back. A malformed remote timestamp is ignored (the clock keeps ticking); bundle
 * validation is where malformed data is reported.
 */
export function createHlc(deviceId: string, wallClock: () => number, last?: string): HlcClock {
  if (deviceId === '') throw new Error('createHlc needs a non-empty deviceId');
  const seed = last === undefined ? undefined : parseHlc(last);
  // -1: before any timestamp, so the first one issued at wall time 0 is 0-00000.
  let ms = seed?.ms ?? -1;
  let counter = seed?.counter ?? 0;

  const physical = (): number => {
    const wall = wallClock();
    return Number.isFinite(wall) && wall > 0 ? Math.min(Math.floor(wall), MAX_MS) : 0;
  };
  const issue = (): string => {
    // Counter exhausted within one millisecond: borrow the next millisecond.
    if (counter > MAX_COUNTER) {
      ms = Math.min(ms + 1, MAX_MS);
      counter = 0;
    }
    return formatHlc({ ms, counter, deviceId });
  };

  const now = (): string => {
    const wall = physical();
    if (wall > ms) {
      ms = wall;
      counter = 0;
    } else {
      counter += 1;
    }
    return issue();
  };

  const receive = (remoteText: string): string => {
    const remote = parseHlc(remoteText);
    if (!remote) return now();
    const wall = physical();
    const next = Math.max(ms, remote.ms, wall);
    if (next === ms && next === remote.ms) counter = Math.max(counter, remote.counter) + 1;
    else if (next === ms) counter += 1;
    else if (next === remote.ms) counter = remote.counter + 1;
    else counter = 0;
    ms = next;
    return issue();
  };

  return { now, receive };
}
