// Turning a cell's stored value into the text a person sees in Excel, as far as a roster
// needs it: numbers as their shortest spelling at Excel's 15 significant digits, booleans
// as TRUE/FALSE, and numbers under a date style as an ISO date (yyyy-mm-dd, with hh:mm[:ss]
// when the style shows a time). Other number formats (thousands separators, percent…) are
// not applied: the value itself is more useful to an importer than its decoration.

/** Built-in number formats that show a date, a time or both (ECMA-376 18.8.30 and CJK locales). */
const BUILTIN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51,
  52, 53, 54, 55, 56, 57, 58,
]);
const BUILTIN_TIME_ONLY = new Set([18, 19, 20, 21, 45, 46, 47]);
const BUILTIN_DATE_TIME = new Set([22]);

export type DateStyle = 'date' | 'dateTime' | 'time';

/** Which date style, if any, a number format shows. */
export function dateStyleOf(
  numFmtId: number,
  customCode: string | undefined,
): DateStyle | undefined {
  if (customCode === undefined) {
    if (!BUILTIN_DATE_FORMATS.has(numFmtId)) return undefined;
    if (BUILTIN_TIME_ONLY.has(numFmtId)) return 'time';
    return BUILTIN_DATE_TIME.has(numFmtId) ? 'dateTime' : 'date';
  }
  // Only the first section (positive numbers) matters; quoted text, escapes and [colour]
  // or [$-locale] brackets are not format letters ([h] elapsed hours still mean time).
  const section = (customCode.split(';')[0] ?? '')
    .replace(/"[^"]*"/gu, '')
    .replace(/\\./gu, '')
    .replace(/\[(?![hms]+\])[^\]]*\]/giu, '')
    .toLowerCase();
  const hasDate = /[dy]/u.test(section) || /[年月日]/u.test(customCode);
  const hasTime = /[hs]/u.test(section);
  if (hasDate && hasTime) return 'dateTime';
  if (hasDate) return 'date';
  if (hasTime) return 'time';
  // "m" alone or with others is a month only when nothing else makes it a minute.
  return /m/u.test(section) && !/[0#?]/u.test(section) ? 'date' : undefined;
}

/** The number as Excel's General format would show it, within 15 significant digits. */
export function numberText(raw: string): string {
  const value = Number(raw.trim());
  if (raw.trim() === '' || !Number.isFinite(value)) return raw.trim();
  const rounded = Number(value.toPrecision(15));
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

const MS_PER_DAY = 86_400_000;
/** 1899-12-30: serial 0 of the 1900 system once Excel's fictional 1900-02-29 is skipped. */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** An Excel serial date as ISO text, or undefined for serials outside 0001–9999. */
export function serialDateText(
  serial: number,
  style: DateStyle,
  date1904: boolean,
): string | undefined {
  if (!Number.isFinite(serial) || serial < 0 || serial > 2_958_465) return undefined;
  // Serials below 61 in the 1900 system sit before Excel's fictional 29 February 1900.
  const days = !date1904 && serial < 61 ? serial + 1 : serial;
  const ms = Math.round(days * MS_PER_DAY) + (date1904 ? EPOCH_1904 : EPOCH_1900);
  // Rounded to the second, as Excel displays it.
  const at = new Date(Math.round(ms / 1000) * 1000);
  const date = `${pad(at.getUTCFullYear(), 4)}-${pad(at.getUTCMonth() + 1)}-${pad(at.getUTCDate())}`;
  const seconds = at.getUTCSeconds();
  const time = `${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}${seconds === 0 ? '' : `:${pad(seconds)}`}`;
  if (style === 'time') return time;
  if (style === 'dateTime') return `${date} ${time}`;
  return date;
}

/** Decodes Excel's `_xHHHH_` escapes in strings (control characters; `_x005F_` is "_"). */
export function decodeExcelEscapes(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/gu, (_whole, hex: string) =>
    String.fromCharCode(parseInt(hex, 16)),
  );
}
