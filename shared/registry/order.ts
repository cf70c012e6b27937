// The orders the registry fold depends on, in one place: which stored version of a round
// stands, the order rounds apply in, and the rectification deadline. Everything compares
// plain strings and numbers (never locale collation), so every machine gets the same order.
import type { AcceptedRound } from './types';

/** Code-point order of two strings (not locale collation: the same on every machine). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Two ISO instants in time order; unparsable ones after parsable ones, then as text. */
export function compareInstants(a: string, b: string): number {
  const ma = Date.parse(a);
  const mb = Date.parse(b);
  const fa = Number.isFinite(ma);
  const fb = Number.isFinite(mb);
  if (fa && fb && ma !== mb) return ma - mb;
  if (fa !== fb) return fa ? -1 : 1;
  return compareText(a, b);
}

/**
 * Positive when `a` is the version of a round that stands over `b` (same round id): the
 * higher closure version, then the later closing, then the larger bundle hash. Equal bundles
 * stored twice keep the first acceptance (earlier acceptedAt, then acceptedBy); the last
 * resort compares the records' JSON so that the order is total.
 */
export function compareRoundVersions(a: AcceptedRound, b: AcceptedRound): number {
  if (a.version !== b.version) return a.version - b.version;
  const closed = compareInstants(a.closedAt, b.closedAt);
  if (closed !== 0) return closed;
  const sha = compareText(a.bundleSha256, b.bundleSha256);
  if (sha !== 0) return sha;
  const accepted = compareInstants(b.acceptedAt, a.acceptedAt);
  if (accepted !== 0) return accepted;
  const by = compareText(b.acceptedBy, a.acceptedBy);
  if (by !== 0) return by;
  return compareText(JSON.stringify(a), JSON.stringify(b));
}

/** The standing version of each round id, in the order rounds apply (year, closing, id). */
export function standingRounds(rounds: readonly AcceptedRound[]): AcceptedRound[] {
  const byId = new Map<string, AcceptedRound>();
  for (const round of rounds) {
    const held = byId.get(round.roundId);
    if (held === undefined || compareRoundVersions(round, held) > 0) byId.set(round.roundId, round);
  }
  return [...byId.values()].sort(compareRoundOrder);
}

/** The order rounds apply in: year, then closing time, then round id. */
export function compareRoundOrder(a: AcceptedRound, b: AcceptedRound): number {
  if (a.year !== b.year) return a.year - b.year;
  const closed = compareInstants(a.closedAt, b.closedAt);
  return closed !== 0 ? closed : compareText(a.roundId, b.roundId);
}

const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/u;

/**
 * The calendar date (YYYY-MM-DD) in Beijing (UTC+8) of an ISO instant; a plain date is
 * returned as it is. Undefined when neither.
 */
export function beijingDate(instant: string): string | undefined {
  if (ISO_DATE.test(instant)) return instant;
  const ms = Date.parse(instant);
  if (!Number.isFinite(ms)) return undefined;
  return new Date(ms + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

/** "2024-05-10 17:00" in Beijing time for an ISO instant; the text itself when not one. */
export function beijingMinute(instant: string): string {
  const ms = Date.parse(instant);
  if (!Number.isFinite(ms)) return instant;
  const shifted = new Date(ms + BEIJING_OFFSET_MS).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 16)}`;
}

const isLeapYear = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * `date` (YYYY-MM-DD) plus whole months; a day past the end of the target month becomes its
 * last day (2024-01-31 + 1 month = 2024-02-29).
 */
export function addMonths(date: string, months: number): string {
  const match = ISO_DATE.exec(date);
  if (!match) throw new RangeError(`不是有效的日期：${date}`);
  const [, ys, ms, ds] = match;
  const index = Number(ys) * 12 + (Number(ms) - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  const day = Math.min(Number(ds), daysInMonth(year, month));
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/**
 * The deadline of a 限期整改 decided by a round closed at `closedAt`: the Beijing date of
 * the closing plus `months`. A closing time that is not an instant (never from a checked
 * bundle) counts as the last day of the round's year.
 */
export function rectifyDeadline(closedAt: string, year: number, months: number): string {
  return addMonths(beijingDate(closedAt) ?? `${String(year).padStart(4, '0')}-12-31`, months);
}
