// Reading single roster cells: the 基地类型 cell (new code, new or legacy name, or a legacy
// name with the chosen C code beside it), the 批建年份 cell, the 基地编号 cell and the cells
// of extra columns kept as key figures. Each returns a value or a Chinese message.
import { baseTypeByCode, compactText, isBaseTypeCode, resolveBaseType } from '../domain/taxonomy';
import type { BaseTypeCode, LegacyTypeCode } from '../domain/types';

export const MIN_YEAR = 1950;
export const MAX_YEAR = 2100;
/** Longest name, host, director or field a bundle carries (shared/bundle/schemas.ts NAME_MAX). */
export const MAX_TEXT_CHARS = 200;
export const MAX_CODE_CHARS = 64;
/** Longest key-figure text a bundle carries. */
export const MAX_FIGURE_CHARS = 2000;

/** Object keys that must never be written into a record built from a file. */
export const RESERVED_KEYS: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
]);

/** A legacy type that goes to several new types, and those types (the C-category platforms). */
export type TypeChoice = { legacyType?: LegacyTypeCode; candidates: BaseTypeCode[] };

export type TypeReading =
  | { ok: true; type: BaseTypeCode; legacyType?: LegacyTypeCode }
  | { ok: false; message: string; choice?: TypeChoice };

export function describeTypes(codes: readonly BaseTypeCode[]): string {
  return codes.map((c) => `${c} ${baseTypeByCode(c).nameZh}`).join('、');
}

const typeOk = (type: BaseTypeCode, legacyType: LegacyTypeCode | undefined): TypeReading =>
  legacyType === undefined ? { ok: true, type } : { ok: true, type, legacyType };

/**
 * Reads a 基地类型 cell. A legacy type that maps to several new types (the C-category
 * platforms) needs the chosen code written in the same cell, e.g. 科技创新资源共享服务平台（C2）,
 * or a choice made in the preview; without one the reading says which types are possible.
 */
export function readTypeCell(cell: string): TypeReading {
  const text = cell.trim();
  if (compactText(text) === '') return { ok: false, message: '基地类型不能为空' };

  const direct = resolveBaseType(text);
  if (direct?.type !== undefined) return typeOk(direct.type, direct.legacyType);

  // A new type code written next to a legacy name: 科技创新资源共享服务平台（C2）, …/C2, C2-….
  const compact = compactText(text);
  const codeMatch = /(?<![A-Za-z0-9])([ABCabc][1-5])(?![0-9])/u.exec(compact);
  const statedRaw = codeMatch?.[1]?.toUpperCase();
  const stated = isBaseTypeCode(statedRaw) ? statedRaw : undefined;
  const rest =
    codeMatch === null
      ? compact
      : compact.replace(codeMatch[0], '').replace(/[()[\]【】/／\\\-—→:：,，、]/gu, '');
  const resolved = direct ?? (stated === undefined ? undefined : resolveBaseType(rest));

  if (resolved === undefined) {
    return {
      ok: false,
      message: `无法识别基地类型「${text}」，请填写新类型代码（A1、B1–B5、C1–C3）或原基地类型名称`,
    };
  }
  const candidates = resolved.candidateTypes;
  if (stated !== undefined && candidates.includes(stated))
    return typeOk(stated, resolved.legacyType);
  if (stated !== undefined) {
    return {
      ok: false,
      message: `基地类型「${text}」中注明的 ${stated} 不是该原类型可归入的类型，应为：${describeTypes(candidates)}`,
    };
  }
  const choice: TypeChoice =
    resolved.legacyType === undefined
      ? { candidates }
      : { legacyType: resolved.legacyType, candidates };
  return {
    ok: false,
    message: `原基地类型「${text}」可归入多个新类型，请选择其一，或在表中注明：${describeTypes(candidates)}（如「${text}（${candidates[0] ?? 'C1'}）」）`,
    choice,
  };
}

/** An integer year in [MIN_YEAR, MAX_YEAR]; accepts 2008, 2008.0 (Excel numbers), 2008年. */
export function readYearCell(cell: string): number | undefined {
  const text = compactText(cell);
  const match = /^(\d{4})(?:\.0+)?年?$/u.exec(text);
  if (match?.[1] === undefined) return undefined;
  const year = Number(match[1]);
  return year >= MIN_YEAR && year <= MAX_YEAR ? year : undefined;
}

export type CodeReading = { ok: true; code?: string } | { ok: false; message: string };

/** A 基地编号: optional; one line of at most MAX_CODE_CHARS characters without spaces. */
export function readCodeCell(cell: string): CodeReading {
  const code = cell.normalize('NFKC').trim();
  if (code === '') return { ok: true };
  if (/\s/u.test(code)) return { ok: false, message: `基地编号「${code}」不能包含空格或换行` };
  if (code.length > MAX_CODE_CHARS) {
    return { ok: false, message: `基地编号不能超过 ${MAX_CODE_CHARS} 个字符` };
  }
  if (RESERVED_KEYS.has(code)) return { ok: false, message: `「${code}」不能用作基地编号` };
  return { ok: true, code };
}

/** A key-figure cell: a plain number becomes a number, anything else stays text. */
export function readFigureCell(cell: string): number | string | undefined {
  const text = cell.trim();
  if (text === '') return undefined;
  const compact = compactText(text);
  const isPlain = /^-?\d+(?:\.\d+)?$/u.test(compact);
  const isGrouped = /^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/u.test(compact);
  const digits = compact.replace(/,/gu, '');
  return (isPlain || isGrouped) && digits.length <= 16 ? Number(digits) : text;
}
