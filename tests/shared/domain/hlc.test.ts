import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareHlc, createHlc, formatHlc, isHlc, parseHlc } from '../../../shared/domain/hlc';

/** A wall clock the test moves by hand. */
function manualClock(start: number): { read: () => number; set: (ms: number) => void } {
  let t = start;
  return { read: () => t, set: (ms) => (t = ms) };
}

const T = 1_715_331_600_000; // 2024-05-10T09:00:00Z

describe('format', () => {
  it('writes fixed-width numbers and the device id, and reads them back', () => {
    const text = formatHlc({ ms: T, counter: 3, deviceId: 'laptop-7' });
    expect(text).toBe('001715331600000-00003-laptop-7');
    expect(parseHlc(text)).toEqual({ ms: T, counter: 3, deviceId: 'laptop-7' });
    expect(isHlc(text)).toBe(true);
    for (const bad of ['', '1715331600000-3-x', '001715331600000-00003-', 'garbage']) {
      expect(isHlc(bad), bad).toBe(false);
    }
  });

  it('orders by time, then counter, then device', () => {
    const a = formatHlc({ ms: T, counter: 9, deviceId: 'z' });
    const b = formatHlc({ ms: T + 1, counter: 0, deviceId: 'a' });
    const c = formatHlc({ ms: T + 1, counter: 0, deviceId: 'b' });
    expect(compareHlc(a, b)).toBeLessThan(0);
    expect(compareHlc(c, b)).toBeGreaterThan(0);
    expect(compareHlc(b, b)).toBe(0);
  });

  it('string order equals (ms, counter, device) order for any two timestamps (law)', () => {
    const parts = fc.record({
      ms: fc.integer({ min: 0, max: 4_102_444_800_000 }),
      counter: fc.integer({ min: 0, max: 99_999 }),
      deviceId: fc.constantFrom('a', 'b', 'laptop-1', 'laptop-10'),
    });
    fc.assert(
      fc.property(parts, parts, (x, y) => {
        const byParts =
          x.ms !== y.ms
            ? x.ms - y.ms
            : x.counter !== y.counter
              ? x.counter - y.counter
              : x.deviceId < y.deviceId
                ? -1
                : x.deviceId > y.deviceId
                  ? 1
                  : 0;
        expect(Math.sign(compareHlc(formatHlc(x), formatHlc(y)))).toBe(Math.sign(byParts));
      }),
    );
  });
});

describe('createHlc', () => {
  it('follows the wall clock when it moves forward', () => {
    const wall = manualClock(T);
    const clock = createHlc('laptop-1', wall.read);
    expect(clock.now()).toBe(formatHlc({ ms: T, counter: 0, deviceId: 'laptop-1' }));
    wall.set(T + 5);
    expect(clock.now()).toBe(formatHlc({ ms: T + 5, counter: 0, deviceId: 'laptop-1' }));
  });

  it('counts up within one millisecond and never goes back when the wall clock does', () => {
    const wall = manualClock(T);
    const clock = createHlc('laptop-1', wall.read);
    const first = clock.now();
    const second = clock.now();
    wall.set(T - 60_000);
    const third = clock.now();
    expect(parseHlc(second)).toEqual({ ms: T, counter: 1, deviceId: 'laptop-1' });
    expect(parseHlc(third)).toEqual({ ms: T, counter: 2, deviceId: 'laptop-1' });
    expect(compareHlc(first, second)).toBeLessThan(0);
    expect(compareHlc(second, third)).toBeLessThan(0);
  });

  it('sorts after a timestamp received from a laptop whose clock runs ahead', () => {
    const clock = createHlc('secretariat', () => T);
    const remote = formatHlc({ ms: T + 3_600_000, counter: 4, deviceId: 'laptop-2' });
    const merged = clock.receive(remote);
    expect(parseHlc(merged)).toEqual({ ms: T + 3_600_000, counter: 5, deviceId: 'secretariat' });
    expect(compareHlc(clock.now(), remote)).toBeGreaterThan(0);
  });

  it('keeps following its own clock after receiving an older timestamp', () => {
    const clock = createHlc('secretariat', () => T);
    expect(parseHlc(clock.receive(formatHlc({ ms: T - 10, counter: 7, deviceId: 'x' })))).toEqual({
      ms: T,
      counter: 0,
      deviceId: 'secretariat',
    });
  });

  it('ignores a malformed remote timestamp and keeps ticking', () => {
    const clock = createHlc('d', () => T);
    const a = clock.now();
    expect(compareHlc(clock.receive('not a clock'), a)).toBeGreaterThan(0);
  });

  it('resumes after the last persisted timestamp when the app restarts with its clock set back', () => {
    const last = formatHlc({ ms: T, counter: 12, deviceId: 'laptop-1' });
    const clock = createHlc('laptop-1', () => T - 86_400_000, last);
    expect(compareHlc(clock.now(), last)).toBeGreaterThan(0);
  });

  it('borrows the next millisecond when the counter runs out', () => {
    const clock = createHlc('d', () => T, formatHlc({ ms: T, counter: 99_999, deviceId: 'd' }));
    expect(parseHlc(clock.now())).toEqual({ ms: T + 1, counter: 0, deviceId: 'd' });
  });

  it('treats a broken wall clock as time zero rather than failing', () => {
    const clock = createHlc('d', () => Number.NaN);
    expect(parseHlc(clock.now())).toEqual({ ms: 0, counter: 0, deviceId: 'd' });
  });

  it('refuses an empty device id', () => {
    expect(() => createHlc('', () => T)).toThrow();
  });

  it('issues strictly increasing timestamps for any mix of ticks, clock jumps and receipts (law)', () => {
    const step = fc.oneof(
      fc.record({
        kind: fc.constant('tick' as const),
        wall: fc.integer({ min: T - 1000, max: T + 1000 }),
      }),
      fc.record({
        kind: fc.constant('receive' as const),
        wall: fc.integer({ min: T - 1000, max: T + 1000 }),
        remoteMs: fc.integer({ min: T - 2000, max: T + 2000 }),
        remoteCounter: fc.integer({ min: 0, max: 50 }),
      }),
    );
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 60 }), (steps) => {
        const wall = manualClock(T);
        const clock = createHlc('me', wall.read);
        let previous = '';
        for (const s of steps) {
          wall.set(s.wall);
          let next: string;
          if (s.kind === 'tick') {
            next = clock.now();
          } else {
            const remote = formatHlc({
              ms: s.remoteMs,
              counter: s.remoteCounter,
              deviceId: 'other',
            });
            next = clock.receive(remote);
            expect(compareHlc(next, remote)).toBeGreaterThan(0);
          }
          expect(compareHlc(next, previous)).toBeGreaterThan(0);
          expect((parseHlc(next)?.ms ?? 0) >= s.wall).toBe(true);
          previous = next;
        }
      }),
    );
  });
});
