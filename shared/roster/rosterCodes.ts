// Registry codes (基地编号) for imported bases that have none in the file. The code links the
// same base across rounds (history charts), so it is derived from what identifies a base,
// its name and host institution, rather than from its position in this year's file:
// LN-<CRC-32 of name and host, 8 hex digits>. The same base imported next year gets the same
// code. A code already taken (a collision, or a code written in the file) gets -2, -3, ….
import { strToU8 } from 'fflate';
import { crc32 } from '../bundle/crc32';
import { baseIdentityKey } from './roster';

export function derivedBaseCode(base: { name: string; hostInstitution: string }): string {
  const hash = crc32(strToU8(baseIdentityKey(base)))
    .toString(16)
    .toUpperCase()
    .padStart(8, '0');
  return `LN-${hash}`;
}

/**
 * The code each row gets, in order: its own when it has one, else the derived code made
 * unique against `taken` (the round's codes) and the codes given before it.
 */
export function assignBaseCodes(
  rows: readonly { name: string; hostInstitution: string; code?: string }[],
  taken: Iterable<string>,
): string[] {
  const used = new Set(taken);
  // Codes written in the file are claimed first, so a derived code never takes one of them.
  for (const row of rows) if (row.code !== undefined) used.add(row.code);
  return rows.map((row) => {
    if (row.code !== undefined) return row.code;
    const derived = derivedBaseCode(row);
    let code = derived;
    for (let n = 2; used.has(code); n += 1) code = `${derived}-${n}`;
    used.add(code);
    return code;
  });
}
