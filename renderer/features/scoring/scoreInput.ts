// What a score input accepts while the expert types: text is parsed, checked against the
// indicator's maximum with the domain's checkScoreValue, and either accepted (saved) or
// refused with a reason (shown, never saved, never clamped). Arrow keys step by 0.5.
import { checkScoreValue, SCORE_STEP } from '../../../shared/domain/scoresheetTotals';
import type { ScoreValueErrorCode } from '../../../shared/domain/scoresheetTotals';

export type ParsedScore =
  | { kind: 'empty' }
  | { kind: 'valid'; value: number }
  | { kind: 'invalid'; code: ScoreValueErrorCode; message: string };

const FULL_WIDTH = /[０-９．－]/g;
const NUMBER_TEXT = /^-?(\d+(\.\d*)?|\.\d+)$/;

/** Full-width digits, point and minus (typed with a Chinese IME) as their ASCII forms. */
export function normalizeScoreText(text: string): string {
  return text
    .replace(FULL_WIDTH, (ch) =>
      ch === '．' ? '.' : ch === '－' ? '-' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
    )
    .replace(/。/g, '.')
    .trim();
}

/** Parses what is in a score input. Blank means "not scored" (clears a saved score). */
export function parseScoreText(text: string, max: number): ParsedScore {
  const normalized = normalizeScoreText(text);
  if (normalized === '') return { kind: 'empty' };
  const value = NUMBER_TEXT.test(normalized) ? Number(normalized) : Number.NaN;
  const check = checkScoreValue(value, max);
  if (!check.ok) return { kind: 'invalid', code: check.code, message: check.message };
  return { kind: 'valid', value: value + 0 };
}

/**
 * The value an arrow key moves to: the next multiple of 0.5 up or down, within [0, max].
 * From blank, up starts at 0.5 and down at 0; a value outside the range comes back to the
 * nearest bound. Returns the same value at a bound (the key does nothing there).
 */
export function stepScore(current: number | null, direction: 1 | -1, max: number): number {
  if (current === null || !Number.isFinite(current)) return direction > 0 ? SCORE_STEP : 0;
  if (current > max) return direction < 0 ? max : current;
  if (current < 0) return direction > 0 ? 0 : current;
  const steps = current / SCORE_STEP;
  const next =
    direction > 0
      ? (Number.isInteger(steps) ? steps + 1 : Math.ceil(steps)) * SCORE_STEP
      : (Number.isInteger(steps) ? steps - 1 : Math.floor(steps)) * SCORE_STEP;
  return Math.min(max, Math.max(0, next));
}

/** How a stored score is shown in its input ("7.5", "10"). */
export function formatScoreText(value: number | undefined): string {
  return value === undefined ? '' : String(value);
}
