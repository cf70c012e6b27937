// CSV as the department's spreadsheets save it: RFC 4180 parsing of already-decoded text,
// and the choice between a UTF-8 and a GBK reading of the same bytes (older Excel saves
// CSV in GBK). Decoding itself stays with the caller, which has TextDecoder; this module
// is pure.

/**
 * Parses RFC 4180 CSV: quoted fields may hold commas, quotes (written "") and line breaks;
 * records end with CRLF, LF or a lone CR; a leading BOM is dropped and a final line break
 * does not make an extra empty record.
 */
export function parseCsv(text: string): string[][] {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let inQuotes = false;
  let i = 0;
  while (i < source.length) {
    const ch = source[i];
    if (inQuotes) {
      if (ch === '"') {
        if (source[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
      } else {
        field += ch;
      }
      i += 1;
      continue;
    }
    if (ch === '"' && field === '') {
      inQuotes = true;
    } else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\r' || ch === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      if (ch === '\r' && source[i + 1] === '\n') i += 1;
    } else {
      field += ch;
    }
    i += 1;
  }
  // The last record, unless the text ended with its line break (or was empty).
  if (field !== '' || record.length > 0 || inQuotes) {
    record.push(field);
    records.push(record);
  }
  return records;
}

const REPLACEMENT = '\uFFFD';

function countReplacements(text: string): number {
  let n = 0;
  for (const ch of text) if (ch === REPLACEMENT) n += 1;
  return n;
}

/** Counts CJK unified ideographs (including extension A and compatibility ideographs). */
export function countCjk(text: string): number {
  const matches = text.match(/[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]/gu);
  return matches === null ? 0 : matches.length;
}

/** True when a decoding went wrong: the decoder had to emit U+FFFD for bytes it could not read. */
export function looksLikeMojibake(text: string): boolean {
  return text.includes(REPLACEMENT);
}

export type DecodingChoice = { encoding: 'utf-8' | 'gbk'; text: string };

/**
 * Picks between the UTF-8 and the GBK reading of the same bytes. A reading with U+FFFD is
 * wrong. When both are clean, UTF-8 wins if it reads any CJK at all: valid multi-byte
 * UTF-8 is almost never produced by GBK text, whereas UTF-8 bytes read as GBK often give
 * clean but meaningless ideographs (and more of them), so counting alone would mislead.
 * GBK wins a clean tie only when UTF-8 reads no CJK but GBK does (GBK that happens to be
 * valid UTF-8, such as 联通). With errors in both, fewer U+FFFD wins, then more CJK.
 */
export function chooseDecoding(utf8Text: string, gbkText: string): DecodingChoice {
  const utf8: DecodingChoice = { encoding: 'utf-8', text: utf8Text };
  const gbk: DecodingChoice = { encoding: 'gbk', text: gbkText };
  const utf8Bad = countReplacements(utf8Text);
  const gbkBad = countReplacements(gbkText);
  if (utf8Bad === 0 && gbkBad === 0) {
    return countCjk(utf8Text) === 0 && countCjk(gbkText) > 0 ? gbk : utf8;
  }
  if (utf8Bad !== gbkBad) return utf8Bad < gbkBad ? utf8 : gbk;
  return countCjk(gbkText) > countCjk(utf8Text) ? gbk : utf8;
}
