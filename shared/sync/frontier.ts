// Which copies of one logical scoresheet still matter, and which of them the table shows.
//
// The frontier of a set of copies is every copy no other copy supersedes. It is the whole
// merge state: the frontier of (old frontier ∪ new copies) equals the frontier of all copies
// ever seen, so importing bundles in any order, with repeats, reaches the same frontier.
// The winner is the frontier's greatest copy under one fixed total order, so it does not
// depend on order either; every other frontier copy is kept in a conflict record.
import { compareHlc } from '../domain/hlc';
import type { Scoresheet } from '../domain/types';
import { versionKey } from './content';
import { compareVersions } from './versions';

/** Recusal is final and a submitted sheet is never reverted by an import: they rank higher. */
export function statusRank(sheet: Scoresheet): number {
  if (sheet.recusal) return 2;
  return sheet.status === 'submitted' ? 1 : 0;
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The winner rule, a total order on distinct copies: positive when a wins over b. Recused
 * beats submitted beats draft; then the later hybrid logical clock; then the device id;
 * finally the canonical JSON of the whole copy, so two different copies never tie.
 */
export function compareForWinner(a: Scoresheet, b: Scoresheet): number {
  return (
    statusRank(a) - statusRank(b) ||
    compareHlc(a.hlc, b.hlc) ||
    compareText(a.deviceId, b.deviceId) ||
    compareText(versionKey(a), versionKey(b))
  );
}

/** The copy the scoresheets table shows, or undefined for no copies. */
export function pickWinner(copies: readonly Scoresheet[]): Scoresheet | undefined {
  let best: Scoresheet | undefined;
  for (const copy of copies)
    if (best === undefined || compareForWinner(copy, best) > 0) best = copy;
  return best;
}

/**
 * The copies no other copy supersedes, best first. Of copies that are 'equal' (same clock,
 * same content, different bookkeeping such as two untouched drafts under different ids) the
 * winner rule keeps one.
 */
export function frontier(copies: readonly Scoresheet[]): Scoresheet[] {
  // One copy is its own frontier: no key to build (a version key is the whole sheet's JSON).
  if (copies.length <= 1) return [...copies];
  const distinct = [...new Map(copies.map((copy) => [versionKey(copy), copy])).values()];
  const maximal = distinct.filter((copy) =>
    distinct.every((other) => {
      if (other === copy) return true;
      const order = compareVersions(other, copy);
      if (order === 'descends') return false;
      return !(order === 'equal' && compareForWinner(other, copy) > 0);
    }),
  );
  return maximal.sort((a, b) => compareForWinner(b, a));
}
