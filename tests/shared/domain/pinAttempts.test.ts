import { describe, expect, it } from 'vitest';
import {
  afterWrongPin,
  FREE_PIN_TRIES,
  pinPauseMs,
  pinWaitMs,
} from '../../../shared/domain/pinAttempts';

const T0 = '2024-05-11T08:00:00.000Z';
const at = (ms: number) => Date.parse(T0) + ms;

describe('wrong PIN pauses', () => {
  it('lets five tries go free, then pauses 30 s, doubling up to 15 min', () => {
    expect([0, 1, 4].map(pinPauseMs)).toEqual([0, 0, 0]);
    expect(FREE_PIN_TRIES).toBe(5);
    expect([5, 6, 7, 8, 9, 10, 11, 40].map((n) => pinPauseMs(n) / 1000)).toEqual([
      30, 60, 120, 240, 480, 900, 900, 900,
    ]);
  });

  it('counts failures and makes the next try wait from the last one', () => {
    let failures = undefined as ReturnType<typeof afterWrongPin> | undefined;
    for (let i = 0; i < 4; i += 1) failures = afterWrongPin(failures, T0);
    expect(pinWaitMs(failures, at(0))).toBe(0); // four wrong: the fifth try is free
    failures = afterWrongPin(failures, T0);
    expect(failures).toEqual({ count: 5, lastAt: T0 });
    expect(pinWaitMs(failures, at(0))).toBe(30_000);
    expect(pinWaitMs(failures, at(29_000))).toBe(1_000);
    expect(pinWaitMs(failures, at(30_000))).toBe(0);
    expect(pinWaitMs(afterWrongPin(failures, T0), at(30_000))).toBe(30_000);
  });

  it('never waits for nothing recorded or an unreadable time, nor longer than a pause when the clock went back', () => {
    expect(pinWaitMs(undefined, at(0))).toBe(0);
    expect(pinWaitMs({ count: 9, lastAt: 'yesterday' }, at(0))).toBe(0);
    expect(pinWaitMs({ count: 5, lastAt: T0 }, at(-3_600_000))).toBe(30_000);
  });
});
