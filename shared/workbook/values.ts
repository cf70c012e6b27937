// Reading the values a person typed into a scoresheet workbook. Excel, WPS and LibreOffice
// store a typed score as a number, but a cell formatted as text, or a value pasted in, holds
// the same digits as a string: both are read. Full-width digits and surrounding spaces are
// forgiven; anything else is refused by the caller with the cell named.
import { checkScoreValue } from '../domain/scoresheetTotals';
import { BASE_TYPES } from '../domain/taxonomy';
import { DISPOSITIONS } from '../domain/dispositions';
import type { Base, BaseTypeCode, DispositionCode } from '../domain/types';
import { NO, YES } from './layout';

/** Cell text as typed: NFKC (full-width digits and letters), trimmed. */
export const cleanText = (text: string | undefined): string =>
  (text ?? '').normalize('NFKC').trim();

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/u;

export type ScoreParse =
  | { kind: 'empty' }
  | { kind: 'score'; value: number }
  | { kind: 'bad'; message: string; messageEn: string };

/** A 得分 cell: empty, a score on the 0.5 step within 0..max, or why not. */
export function parseScore(text: string | undefined, max: number): ScoreParse {
  const clean = cleanText(text);
  if (clean === '') return { kind: 'empty' };
  if (!NUMBER.test(clean)) {
    return {
      kind: 'bad',
      message: `“${clean}”不是数字，分值须在 0 到 ${max} 之间`,
      messageEn: `"${clean}" is not a number (0 to ${max})`,
    };
  }
  const value = Number(clean) + 0;
  const check = checkScoreValue(value, max);
  if (!check.ok) {
    return {
      kind: 'bad',
      message: `分值 ${clean} 无效：${check.message}`,
      messageEn: `score ${clean} is invalid: it must be a multiple of 0.5 from 0 to ${max}`,
    };
  }
  return { kind: 'score', value };
}

/** A 是/否 cell: true, false, undefined when empty, or 'bad'. */
export function parseYesNo(text: string | undefined): boolean | undefined | 'bad' {
  const clean = cleanText(text);
  if (clean === '') return undefined;
  if (clean === YES) return true;
  if (clean === NO) return false;
  return 'bad';
}

/** A 处理建议 cell by its Chinese name (or the code another tool may write). */
export function parseDisposition(text: string | undefined): DispositionCode | undefined | 'bad' {
  const clean = cleanText(text);
  if (clean === '') return undefined;
  const found = DISPOSITIONS.find((d) => d.nameZh === clean || d.code === clean);
  return found === undefined ? 'bad' : found.code;
}

/** A base type by its code (B1) or Chinese name (省工程研究中心, with or without 省). */
export function parseBaseType(text: string): BaseTypeCode | undefined {
  const clean = cleanText(text).replace(/\s+/gu, '');
  const upper = clean.toUpperCase();
  const byCode = BASE_TYPES.find((t) => t.code === upper);
  if (byCode) return byCode.code;
  const withCode = BASE_TYPES.find((t) => upper.startsWith(t.code) && clean.slice(2) === t.nameZh);
  if (withCode) return withCode.code;
  const name = clean.replace(/^辽宁省/u, '省');
  const found = BASE_TYPES.find((t) => t.nameZh === name || t.nameZh === `省${name}`);
  return found?.code;
}

/** A base of the round by its registry code, or else by its exact name. */
export function parseBase(text: string, bases: readonly Base[]): Base | undefined {
  const clean = cleanText(text);
  return (
    bases.find((b) => cleanText(b.code) === clean) ?? bases.find((b) => cleanText(b.name) === clean)
  );
}
