import { describe, expect, it } from 'vitest';
import { checkScoreValue } from '../../../../shared/domain/scoresheetTotals';
import {
  formatScoreText,
  normalizeScoreText,
  parseScoreText,
  stepScore,
} from '../../../../renderer/features/scoring/scoreInput';

describe('what a score input accepts', () => {
  it('accepts multiples of 0.5 from 0 to the maximum', () => {
    expect(parseScoreText('7.5', 10)).toEqual({ kind: 'valid', value: 7.5 });
    expect(parseScoreText('0', 10)).toEqual({ kind: 'valid', value: 0 });
    expect(parseScoreText('10', 10)).toEqual({ kind: 'valid', value: 10 });
    expect(parseScoreText(' 8 ', 10)).toEqual({ kind: 'valid', value: 8 });
    expect(parseScoreText('.5', 10)).toEqual({ kind: 'valid', value: 0.5 });
  });

  it('reads full-width digits typed with a Chinese input method', () => {
    expect(normalizeScoreText('７．５')).toBe('7.5');
    expect(parseScoreText('９。５', 10)).toEqual({ kind: 'valid', value: 9.5 });
  });

  it('treats a blank input as "not scored"', () => {
    expect(parseScoreText('', 10)).toEqual({ kind: 'empty' });
    expect(parseScoreText('   ', 10)).toEqual({ kind: 'empty' });
  });

  it("refuses a score above the maximum with the domain's Chinese message, never clamping", () => {
    const parsed = parseScoreText('12', 10);
    expect(parsed).toMatchObject({ kind: 'invalid', code: 'aboveMax' });
    const check = checkScoreValue(12, 10);
    expect(parsed.kind === 'invalid' && !check.ok && parsed.message).toBe(
      !check.ok && check.message,
    );
  });

  it('refuses negative, off-step and non-numeric input', () => {
    expect(parseScoreText('-1', 10)).toMatchObject({ kind: 'invalid', code: 'negative' });
    expect(parseScoreText('7.3', 10)).toMatchObject({ kind: 'invalid', code: 'notOnStep' });
    expect(parseScoreText('abc', 10)).toMatchObject({ kind: 'invalid', code: 'notANumber' });
    expect(parseScoreText('1e1', 10)).toMatchObject({ kind: 'invalid', code: 'notANumber' });
    expect(parseScoreText('.', 10)).toMatchObject({ kind: 'invalid', code: 'notANumber' });
  });
});

describe('arrow keys', () => {
  it('move by 0.5 within [0, max]', () => {
    expect(stepScore(7, 1, 10)).toBe(7.5);
    expect(stepScore(7.5, -1, 10)).toBe(7);
    expect(stepScore(10, 1, 10)).toBe(10);
    expect(stepScore(0, -1, 10)).toBe(0);
  });

  it('start from a blank input at 0.5 going up and 0 going down', () => {
    expect(stepScore(null, 1, 10)).toBe(0.5);
    expect(stepScore(null, -1, 10)).toBe(0);
  });

  it('bring an out-of-range or off-step value back onto the scale', () => {
    expect(stepScore(12, -1, 10)).toBe(10);
    expect(stepScore(-2, 1, 10)).toBe(0);
    expect(stepScore(7.3, 1, 10)).toBe(7.5);
    expect(stepScore(7.3, -1, 10)).toBe(7);
  });
});

describe('showing a stored score', () => {
  it('writes halves and whole numbers as people do', () => {
    expect(formatScoreText(7.5)).toBe('7.5');
    expect(formatScoreText(10)).toBe('10');
    expect(formatScoreText(undefined)).toBe('');
  });
});
