// How a share is written when it is compared with its limit (a quota's ceiling or floor), on
// the results tab, the chair's dashboard and in the report: percent to at most one decimal
// ("15.4", "19", "9.9"), never rounded to the whole percent, which turned 9.9% into "10%,
// below the 10% floor". Where even one decimal would show a share equal to a limit it is not
// equal to (9.96% against 10%), as many more decimals as it takes are shown ("9.96").
// Texts carry no "%": the sentences around them add it.

/** A share (0.1538) as percent text with at most `digits` decimals ("15.4"; 0.19 → "19"). */
export function percentText(share: number, digits = 1): string {
  const scale = 10 ** digits;
  const scaled = Math.round(share * 100 * scale);
  return String(scaled / scale);
}

const MOST_DIGITS = 6;

/** A share and its limit as percent texts that never read as equal unless they are. */
export function shareAgainstLimit(share: number, limit: number): { share: string; limit: string } {
  const limitText = percentText(limit);
  let digits = 1;
  let shareText = percentText(share, digits);
  while (share !== limit && shareText === limitText && digits < MOST_DIGITS) {
    digits += 1;
    shareText = percentText(share, digits);
  }
  return { share: shareText, limit: limitText };
}
