// Panels (评审组) and their experts: the checks a panel name and an expert's details must
// pass before they are saved, by hand or from a roster sheet, and when a round's panels are
// locked.
import { compactText } from './taxonomy';
import type { Expert, Panel, Round } from './types';

export const PANEL_NAME_MAX = 40;
export const EXPERT_TEXT_MAX = 100;
/** Digits in a phone number: 7 (a local landline) to 15 (E.164 maximum). */
export const PHONE_MIN_DIGITS = 7;
export const PHONE_MAX_DIGITS = 15;

export type ExpertField = 'name' | 'institution' | 'title' | 'field' | 'phone';

/** The Chinese label of each field, used in messages and as the roster's canonical header. */
export const EXPERT_FIELD_LABELS: Readonly<Record<ExpertField, string>> = {
  name: '姓名',
  institution: '工作单位',
  title: '职称',
  field: '专业领域',
  phone: '联系电话',
};

export type ExpertFields = Pick<Expert, 'name' | 'institution' | 'title' | 'field'> & {
  phone?: string;
};

export type ExpertFieldProblem = { field: ExpertField; message: string };

/**
 * A phone number as stored: digits, with one leading + kept; spaces, hyphens, dots and
 * brackets dropped (024-2389 1234 → 02423891234). `undefined` for a blank cell, `null`
 * when anything else than those characters is in it or the digit count is off.
 */
export function normalisePhone(text: string): string | undefined | null {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const stripped = trimmed.replace(/[\s\-–—.()（）]/gu, '');
  if (!/^\+?\d+$/u.test(stripped)) return null;
  const digits = stripped.replace('+', '').length;
  return digits < PHONE_MIN_DIGITS || digits > PHONE_MAX_DIGITS ? null : stripped;
}

/** The expert's fields trimmed and the phone normalised (a blank phone is left out). */
export function tidyExpertFields(fields: ExpertFields): ExpertFields {
  const tidy: ExpertFields = {
    name: fields.name.trim(),
    institution: fields.institution.trim(),
    title: fields.title.trim(),
    field: fields.field.trim(),
  };
  const phone = normalisePhone(fields.phone ?? '');
  if (phone !== undefined) tidy.phone = phone ?? (fields.phone ?? '').trim();
  return tidy;
}

/** Everything wrong with an expert's details: name and institution required, phone digits. */
export function validateExpertFields(fields: ExpertFields): ExpertFieldProblem[] {
  const problems: ExpertFieldProblem[] = [];
  if (compactText(fields.name) === '') {
    problems.push({ field: 'name', message: '专家姓名不能为空' });
  }
  if (compactText(fields.institution) === '') {
    problems.push({ field: 'institution', message: '工作单位不能为空' });
  }
  for (const field of ['name', 'institution', 'title', 'field'] as const) {
    if (fields[field].trim().length > EXPERT_TEXT_MAX) {
      problems.push({
        field,
        message: `${EXPERT_FIELD_LABELS[field]}不能超过 ${EXPERT_TEXT_MAX} 个字`,
      });
    }
  }
  if (normalisePhone(fields.phone ?? '') === null) {
    problems.push({
      field: 'phone',
      message: `联系电话「${(fields.phone ?? '').trim()}」应为 ${PHONE_MIN_DIGITS}–${PHONE_MAX_DIGITS} 位数字（可含空格、“-”和括号）`,
    });
  }
  return problems;
}

/** The key two experts of a round must not share: same name at the same institution. */
export function expertKey(fields: Pick<Expert, 'name' | 'institution'>): string {
  return `${compactText(fields.name)}\u0000${compactText(fields.institution)}`;
}

/** Problems of a panel name: required, at most PANEL_NAME_MAX characters, unique in the round. */
export function validatePanelName(
  name: string,
  otherPanels: readonly Pick<Panel, 'name'>[],
): string[] {
  const trimmed = name.trim();
  if (trimmed === '') return ['评审组名称不能为空'];
  if (trimmed.length > PANEL_NAME_MAX) return [`评审组名称不能超过 ${PANEL_NAME_MAX} 个字`];
  if (otherPanels.some((p) => compactText(p.name) === compactText(trimmed))) {
    return [`已有名为“${trimmed}”的评审组`];
  }
  return [];
}

/** Why panels and experts of a round cannot be changed at all; undefined when they can. */
export function panelsLockedReason(round: Pick<Round, 'status' | 'archive'>): string | undefined {
  if (round.archive !== undefined) return '这是从结果包导入的归档轮次，只能查看，不能修改。';
  if (round.status === 'closed') return '本轮评估已结束，评审组与专家不能再修改。';
  return undefined;
}
