// Accepting a closed round's result bundle into the registry: condense the bundle's payload
// to the AcceptedRound the registry keeps (refusing, with the reason in Chinese, a round that
// is not closed and decisions that name bases the round does not have), then plan what
// storing it changes. The plan uses the same version rule as the fold, so what is stored
// (one record per round id) always folds to the registry the preview showed.
import type { ResultPayload } from '../bundle/payload';
import { computeRoundResults } from '../domain/results';
import type { BaseResult } from '../domain/results';
import { partitionSheets, withdrawnBaseIds } from '../domain/roundChanges';
import type { Base, FinalDecision } from '../domain/types';
import { registryChanges } from './changes';
import type { RegistryChange } from './changes';
import { buildRegistry } from './fold';
import { beijingMinute, compareInstants, compareRoundVersions, compareText } from './order';
import type {
  AcceptedBaseOutcome,
  AcceptedRound,
  RegistryApproval,
  RegistryOptions,
} from './types';

export type AcceptRefusalCode =
  | 'roundOpen'
  | 'noBases'
  | 'missingCode'
  | 'duplicateCode'
  | 'unknownBase'
  | 'unknownMergeTarget'
  | 'mergeTargetSelf'
  | 'olderVersion';

export type AcceptRefusal = { code: AcceptRefusalCode; message: string };

export type CondenseInput = {
  payload: ResultPayload;
  bundleSha256: string;
  signerFingerprint: string;
  acceptedAt: string;
  acceptedBy: string;
};

export type CondenseResult =
  { ok: true; round: AcceptedRound } | { ok: false; error: AcceptRefusal };

const refuse = (code: AcceptRefusalCode, message: string): CondenseResult => ({
  ok: false,
  error: { code, message },
});

const baseLabel = (base: Pick<Base, 'name' | 'code'>): string =>
  base.code === '' ? `“${base.name}”` : `“${base.name}”（${base.code}）`;

/** The decision that stands for each base: the latest, then the larger id (one is usual). */
function decisionsByBase(decisions: readonly FinalDecision[]): Map<string, FinalDecision> {
  const out = new Map<string, FinalDecision>();
  for (const d of decisions) {
    const held = out.get(d.baseId);
    const later =
      held === undefined ||
      (compareInstants(d.decidedAt, held.decidedAt) || compareText(d.id, held.id)) > 0;
    if (later) out.set(d.baseId, d);
  }
  return out;
}

/** The refusal of a payload whose bases or decisions the registry cannot take, if any. */
function payloadRefusal(payload: ResultPayload): CondenseResult | undefined {
  const { round, bases, decisions } = payload;
  const roundName = `评估轮次“${round.name}”（${String(round.year)}年）`;
  if (round.status !== 'closed' || round.closure === undefined) {
    return refuse(
      'roundOpen',
      `${roundName}尚未结束评估，不能收入基地库。请在秘书处结束评估后重新导出结果数据包。`,
    );
  }
  if (bases.length === 0) {
    return refuse('noBases', `${roundName}的结果数据包中没有任何基地，不能收入基地库。`);
  }
  const byCode = new Map<string, Base>();
  for (const base of bases) {
    if (base.code.trim() === '') {
      return refuse(
        'missingCode',
        `${roundName}中的基地“${base.name}”没有基地库编码，不能收入基地库。`,
      );
    }
    const held = byCode.get(base.code);
    if (held !== undefined) {
      return refuse(
        'duplicateCode',
        `${roundName}中的基地“${held.name}”和“${base.name}”使用同一个基地库编码“${base.code}”，不能收入基地库。`,
      );
    }
    byCode.set(base.code, base);
  }
  const byId = new Map(bases.map((b) => [b.id, b]));
  for (const decision of [...decisions].sort((a, b) => compareText(a.baseId, b.baseId))) {
    const base = byId.get(decision.baseId);
    if (base === undefined) {
      return refuse(
        'unknownBase',
        `${roundName}的最终决定指向了本轮基地名单中没有的基地（编号 ${decision.baseId}），不能收入基地库。`,
      );
    }
    const disposition = decision.disposition;
    if (disposition.code !== 'merge') continue;
    const target = byId.get(disposition.targetBaseId);
    if (target === undefined) {
      return refuse(
        'unknownMergeTarget',
        `${roundName}中基地${baseLabel(base)}的合并决定指向了本轮基地名单中没有的基地（编号 ${disposition.targetBaseId}），不能收入基地库。`,
      );
    }
    if (target.id === base.id) {
      return refuse(
        'mergeTargetSelf',
        `${roundName}中基地${baseLabel(base)}的合并决定指向了它自己，不能收入基地库。`,
      );
    }
  }
  return undefined;
}

/**
 * The AcceptedRound a closed round's result payload condenses to, or why the registry cannot
 * take it. Each base's aggregate, method, grade and sheets are those its final decision was
 * recorded on at closing (decision.basis); a base without one gets them from
 * computeRoundResults over the sheets that count, as closing computes them. A base withdrawn
 * by a standing change (撤出) is marked withdrawn and keeps no decision.
 */
export function condenseResult(input: CondenseInput): CondenseResult {
  const { payload } = input;
  const refusal = payloadRefusal(payload);
  if (refusal !== undefined) return refusal;
  const { round, bases } = payload;
  const closure = round.closure;
  if (closure === undefined) return refuse('roundOpen', '评估轮次尚未结束评估。');
  const decisions = decisionsByBase(payload.decisions);
  const withdrawn = withdrawnBaseIds(payload.changes);
  const codeById = new Map(bases.map((b) => [b.id, b.code]));
  let computed: Map<string, BaseResult> | undefined;
  const resultOf = (baseId: string): BaseResult | undefined => {
    if (computed === undefined) {
      const { counted } = partitionSheets(
        payload.scoresheets,
        payload.changes,
        payload.assignments,
      );
      computed = new Map(computeRoundResults(round, bases, counted).map((r) => [r.base.id, r]));
    }
    return computed.get(baseId);
  };

  const outcomes = bases.map((base): AcceptedBaseOutcome => {
    const decision = decisions.get(base.id);
    const basis = decision?.basis ?? resultOf(base.id);
    const isWithdrawn = withdrawn.has(base.id);
    const disposition = isWithdrawn ? undefined : decision?.disposition;
    const targetType =
      disposition?.code === 'include' || disposition?.code === 'convert'
        ? disposition.targetType
        : undefined;
    const mergedInto =
      disposition?.code === 'merge' ? codeById.get(disposition.targetBaseId) : undefined;
    return {
      code: base.code,
      name: base.name,
      type: base.type,
      ...(base.legacyType === undefined ? {} : { legacyType: base.legacyType }),
      hostInstitution: base.hostInstitution,
      city: base.city,
      director: base.director,
      yearEstablished: base.yearEstablished,
      field: base.field,
      baseId: base.id,
      aggregate: basis?.aggregate ?? null,
      method: basis?.method ?? round.aggregation.method,
      grade: basis?.grade ?? null,
      sheets: basis?.sheets ?? 0,
      ...(disposition === undefined ? {} : { disposition: disposition.code }),
      ...(targetType === undefined ? {} : { targetType }),
      ...(mergedInto === undefined ? {} : { mergedInto }),
      ...(isWithdrawn ? { withdrawn: true } : {}),
    };
  });
  outcomes.sort((a, b) => compareText(a.code, b.code));

  return {
    ok: true,
    round: {
      roundId: round.id,
      name: round.name,
      year: round.year,
      evaluationType: round.evaluationType,
      version: closure.version,
      closedAt: closure.closedAt,
      closedBy: closure.closedBy,
      bundleSha256: input.bundleSha256,
      signerFingerprint: input.signerFingerprint,
      acceptedAt: input.acceptedAt,
      acceptedBy: input.acceptedBy,
      bases: outcomes,
    },
  };
}

/**
 * What storing `incoming` does:
 * - 'unchanged': the same round, version and bundle is already stored (idempotent);
 * - 'older': a version that stands over it is stored, so nothing changes;
 * - 'replace': it stands over the stored version of its round (`previous`), which it replaces;
 * - 'new': the round was not stored.
 * `round` is the record to store ('new', 'replace') or the one kept; `changes` compares the
 * registry before and after (empty for 'unchanged' and 'older').
 */
export type AcceptPlan = {
  action: 'new' | 'replace' | 'unchanged' | 'older';
  round: AcceptedRound;
  previous?: AcceptedRound;
  changes: RegistryChange[];
};

export function planAcceptance(
  approvals: readonly RegistryApproval[],
  accepted: readonly AcceptedRound[],
  incoming: AcceptedRound,
  options?: Partial<RegistryOptions>,
): AcceptPlan {
  const same = accepted.filter((r) => r.roundId === incoming.roundId);
  const previous = same.reduce<AcceptedRound | undefined>(
    (held, r) => (held === undefined || compareRoundVersions(r, held) > 0 ? r : held),
    undefined,
  );
  if (
    previous !== undefined &&
    previous.version === incoming.version &&
    previous.bundleSha256 === incoming.bundleSha256
  ) {
    return { action: 'unchanged', round: previous, previous, changes: [] };
  }
  if (previous !== undefined && compareRoundVersions(previous, incoming) > 0) {
    return { action: 'older', round: previous, previous, changes: [] };
  }
  const before = buildRegistry(approvals, accepted, options);
  const others = accepted.filter((r) => r.roundId !== incoming.roundId);
  const after = buildRegistry(approvals, [...others, incoming], options);
  const changes = registryChanges(before, after);
  return previous === undefined
    ? { action: 'new', round: incoming, changes }
    : { action: 'replace', round: incoming, previous, changes };
}

/** The refusal the UI shows for an 'older' plan (a newer version of the round is stored). */
export function olderVersionRefusal(plan: AcceptPlan): AcceptRefusal {
  const kept = plan.previous ?? plan.round;
  return {
    code: 'olderVersion',
    message: `基地库中已有评估轮次“${kept.name}”的较新版本（第 ${String(kept.version)} 版，北京时间 ${beijingMinute(kept.closedAt)} 结束评估），本数据包较旧，未作任何更改。`,
  };
}
