// The six dispositions a panel may recommend for a base (纳入, 保留并调整方向, 限期整改,
// 合并, 转, 撤销), what each needs, and the checks a recommendation or final decision must
// pass before it is accepted. Re-exported from taxonomy.ts.
import { deepFreeze } from './freeze';
import { baseTypeByCode, isBaseTypeCode } from './taxonomy';
import type { BaseTypeCode, DispositionCode, DispositionDecision } from './types';

export type DispositionTarget = 'type' | 'base' | 'none';

export type DispositionInfo = {
  code: DispositionCode;
  nameZh: string;
  nameEn: string;
  /** 纳入 and 转 name a base type, 合并 names another base. */
  target: DispositionTarget;
  /** Every disposition that changes or ends a base must say why. */
  requiresReason: boolean;
};

export const DISPOSITIONS: readonly DispositionInfo[] = deepFreeze([
  { code: 'include', nameZh: '纳入', nameEn: 'Include', target: 'type', requiresReason: false },
  {
    code: 'keepAdjust',
    nameZh: '保留并调整方向',
    nameEn: 'Keep, re-set direction',
    target: 'none',
    requiresReason: false,
  },
  {
    code: 'rectify',
    nameZh: '限期整改',
    nameEn: 'Rectify within a deadline',
    target: 'none',
    requiresReason: true,
  },
  { code: 'merge', nameZh: '合并', nameEn: 'Merge', target: 'base', requiresReason: true },
  { code: 'convert', nameZh: '转', nameEn: 'Convert', target: 'type', requiresReason: true },
  { code: 'revoke', nameZh: '撤销', nameEn: 'Revoke', target: 'none', requiresReason: true },
]);

export function dispositionByCode(code: DispositionCode): DispositionInfo | undefined {
  return DISPOSITIONS.find((d) => d.code === code);
}

export function isDispositionCode(x: unknown): x is DispositionCode {
  return typeof x === 'string' && DISPOSITIONS.some((d) => d.code === x);
}

export type DispositionProblemCode =
  | 'unknownDisposition'
  | 'reasonRequired'
  | 'targetTypeMissing'
  | 'convertToSameType'
  | 'mergeTargetMissing'
  | 'mergeTargetUnknown'
  | 'mergeTargetSelf';

export type DispositionProblem = { code: DispositionProblemCode; message: string };

export type DispositionContext = {
  /** The base's current type; 转 to the same type is refused. */
  baseType?: BaseTypeCode;
  /** Bases of the round; when given, a 合并 target must be one of them. */
  existingBaseIds?: ReadonlySet<string>;
  /** The base being decided on; it cannot be merged into itself. */
  selfBaseId?: string;
};

/**
 * Problems that stop a recommendation or decision from being accepted; empty when fine.
 * Decisions may come from imported bundles, so the disposition is checked at run time too.
 */
export function validateDispositionDecision(
  decision: DispositionDecision,
  context: DispositionContext = {},
): DispositionProblem[] {
  const { disposition } = decision;
  const info = isDispositionCode(disposition.code)
    ? dispositionByCode(disposition.code)
    : undefined;
  if (!info) return [{ code: 'unknownDisposition', message: '未知的处理建议类型' }];

  const problems: DispositionProblem[] = [];
  switch (disposition.code) {
    case 'include':
    case 'convert': {
      const target: unknown = disposition.targetType;
      if (!isBaseTypeCode(target)) {
        problems.push({
          code: 'targetTypeMissing',
          message: `请选择“${info.nameZh}”的目标基地类型`,
        });
      } else if (disposition.code === 'convert' && target === context.baseType) {
        problems.push({
          code: 'convertToSameType',
          message: `该基地已是${baseTypeByCode(target).nameZh}，不能“转”为同一类型`,
        });
      }
      break;
    }
    case 'merge': {
      const target: unknown = disposition.targetBaseId;
      if (typeof target !== 'string' || target.trim() === '') {
        problems.push({ code: 'mergeTargetMissing', message: '请选择合并到的基地' });
      } else if (context.selfBaseId !== undefined && target === context.selfBaseId) {
        problems.push({ code: 'mergeTargetSelf', message: '基地不能合并到其自身' });
      } else if (context.existingBaseIds && !context.existingBaseIds.has(target)) {
        problems.push({ code: 'mergeTargetUnknown', message: '合并目标不是本轮评估中的基地' });
      }
      break;
    }
    default:
      break;
  }

  const reason: unknown = decision.reason;
  if (info.requiresReason && (typeof reason !== 'string' || reason.trim() === '')) {
    problems.push({ code: 'reasonRequired', message: `“${info.nameZh}”须填写理由` });
  }
  return problems;
}
