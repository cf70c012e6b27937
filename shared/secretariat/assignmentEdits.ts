// The secretariat's manual changes to an assignment, each checked and turned into the same
// kind of change list the automatic assignment produces: move one base to another panel,
// add or remove one expert × base pair, declare a conflict of interest. A refused change
// comes back with a Chinese message and no changes. Pure.
//
// A declared conflict is stored as the pair's Assignment with a recusal (source 'declared'),
// the record an expert's own 回避 on the scoring laptop also writes: the round bundle then
// carries it, every matrix shows 回避 there, and completeness counts it as done. The pair
// must therefore be inside one panel; an expert only ever scores bases of their own panel.
import type { Base, Expert } from '../domain/types';
import { assignExpertsToBases } from './assignment';
import type { Outcome } from './assignment';
import { pairKey } from './conflicts';
import {
  diffRecords,
  groupByPair,
  recusalFor,
  roundConflictChecker,
  roundConflicts,
  startedPairs,
} from './assignmentChanges';
import type {
  AssignmentChanges,
  AssignmentWarning,
  PlannedPair,
  RoundAssignmentRecords,
} from './assignmentChanges';

export type EditPlan = { changes: AssignmentChanges; warnings: AssignmentWarning[] };

const refuse = <T>(message: string): Outcome<T> => ({ ok: false, message });

const noChanges = (): AssignmentChanges => ({ moves: [], add: [], update: [], remove: [] });

function findPair(
  records: RoundAssignmentRecords,
  expertId: string,
  baseId: string,
): Outcome<{ expert: Expert; base: Base }> {
  const expert = records.experts.find((e) => e.id === expertId);
  if (!expert) return refuse(`本轮次中找不到该专家：${expertId}`);
  const base = records.bases.find((b) => b.id === baseId);
  if (!base) return refuse(`本轮次中找不到该基地：${baseId}`);
  return { ok: true, value: { expert, base } };
}

/**
 * Moves a base to another panel: its records in the old panel go, and the new panel's
 * experts are given to it as the automatic assignment would (least loaded first, never a
 * conflicted one; conflicted ones recorded as 回避). Refused once an expert started a sheet.
 */
export function planBaseMove(
  records: RoundAssignmentRecords,
  baseId: string,
  panelId: string,
  options: { expertsPerBase?: number } = {},
): Outcome<EditPlan> {
  const base = records.bases.find((b) => b.id === baseId);
  if (!base) return refuse(`本轮次中找不到该基地：${baseId}`);
  const panel = records.panels.find((p) => p.id === panelId);
  if (!panel) return refuse(`本轮次中找不到该专家组：${panelId}`);
  if (base.panelId === panelId) return refuse(`“${base.name}”已在“${panel.name}”中。`);
  const started = records.scoresheets.filter((s) => s.baseId === baseId && !s.recusal).length;
  if (started > 0) {
    return refuse(`已有专家开始评审“${base.name}”（${started} 张评分表），不能再调整它的专家组。`);
  }
  const checker = roundConflictChecker(records);
  const expertById = new Map(records.experts.map((e) => [e.id, e]));
  const conflictsOf = (expertId: string) => {
    const expert = expertById.get(expertId);
    return expert ? checker.of(expert, base) : [];
  };
  const experts = records.experts.filter((e) => e.panelId === panelId);
  const initialLoad = new Map<string, number>();
  for (const a of records.assignments) {
    if (a.panelId === panelId && a.baseId !== baseId && !a.recusal) {
      initialLoad.set(a.expertId, (initialLoad.get(a.expertId) ?? 0) + 1);
    }
  }
  const result = assignExpertsToBases([{ ...base, panelId }], experts, {
    ...(options.expertsPerBase === undefined ? {} : { expertsPerBase: options.expertsPerBase }),
    isConflicted: (expertId) => conflictsOf(expertId).length > 0,
    initialLoad,
  });
  if (!result.ok) return result;
  const { byPair } = groupByPair(records.assignments);
  const desired = new Map<string, PlannedPair>();
  for (const p of result.value.pairs) desired.set(pairKey(p.expertId, p.baseId), { ...p, panelId });
  for (const p of result.value.recused) {
    const key = pairKey(p.expertId, p.baseId);
    const recusal = recusalFor(conflictsOf(p.expertId), byPair.get(key)?.recusal);
    desired.set(key, { ...p, panelId, ...(recusal ? { recusal } : {}) });
  }
  const ofBase = records.assignments.filter((a) => a.baseId === baseId);
  const diff = diffRecords(desired, ofBase, records.scoresheets);
  return {
    ok: true,
    value: {
      changes: { moves: [{ baseId, from: base.panelId, to: panelId }], ...diff.changes },
      warnings: diff.warnings,
    },
  };
}

/** Gives one base to one more expert of its panel; refused for a conflicted expert. */
export function planAddPair(
  records: RoundAssignmentRecords,
  expertId: string,
  baseId: string,
): Outcome<EditPlan> {
  const found = findPair(records, expertId, baseId);
  if (!found.ok) return found;
  const { expert, base } = found.value;
  if (base.panelId === undefined || base.panelId !== expert.panelId) {
    return refuse(`${expert.name}不在“${base.name}”所在的专家组，不能评审该基地。`);
  }
  const conflict = roundConflicts({
    ...records,
    experts: [expert],
    bases: [base],
  })[0];
  if (conflict) {
    return refuse(`${expert.name}与“${base.name}”存在利益冲突（${conflict.reason}），不能分配。`);
  }
  const existing = groupByPair(records.assignments).byPair.get(pairKey(expertId, baseId));
  if (existing?.recusal) return refuse(`${expert.name}已对“${base.name}”回避。`);
  if (existing) return refuse(`${expert.name}已分配评审“${base.name}”。`);
  const changes = noChanges();
  changes.add.push({ panelId: base.panelId, expertId, baseId });
  return { ok: true, value: { changes, warnings: [] } };
}

/** Takes one base away from one expert; refused once the expert started its sheet. */
export function planRemovePair(
  records: RoundAssignmentRecords,
  expertId: string,
  baseId: string,
): Outcome<EditPlan> {
  const found = findPair(records, expertId, baseId);
  if (!found.ok) return found;
  const { expert, base } = found.value;
  const existing = records.assignments.filter(
    (a) => a.expertId === expertId && a.baseId === baseId,
  );
  if (existing.length === 0) return refuse(`${expert.name}没有分配评审“${base.name}”。`);
  if (existing.some((a) => a.recusal)) {
    return refuse(`${expert.name}对“${base.name}”的回避记录不能取消分配。`);
  }
  if (startedPairs(records.scoresheets).has(pairKey(expertId, baseId))) {
    return refuse(`${expert.name}已开始评审“${base.name}”，不能取消分配。`);
  }
  const changes = noChanges();
  changes.remove.push(...existing);
  return { ok: true, value: { changes, warnings: [] } };
}

export type DeclarationInput = { expertId: string; baseId: string; reason: string };

/**
 * Records that an expert must not score a base, for a reason (回避声明). The pair's record
 * becomes (or is created as) a recusal with source 'declared'.
 */
export function planDeclaration(
  records: RoundAssignmentRecords,
  input: DeclarationInput,
): Outcome<EditPlan> {
  const reason = input.reason.trim();
  if (reason === '') return refuse('请填写回避原因。');
  const found = findPair(records, input.expertId, input.baseId);
  if (!found.ok) return found;
  const { expert, base } = found.value;
  if (base.panelId === undefined || base.panelId !== expert.panelId) {
    return refuse(`${expert.name}不在“${base.name}”所在的专家组，不会评审该基地，无需声明回避。`);
  }
  const key = pairKey(expert.id, base.id);
  const existing = groupByPair(records.assignments).byPair.get(key);
  const sheet = records.scoresheets.find((s) => s.expertId === expert.id && s.baseId === base.id);
  const declared = [existing?.recusal, sheet?.recusal].some(
    (r) => r !== undefined && r.source !== 'institution',
  );
  if (declared) return refuse(`${expert.name}已对“${base.name}”声明回避。`);
  if (startedPairs(records.scoresheets).has(key)) {
    return refuse(
      `${expert.name}已开始评审“${base.name}”：请由专家本人在评分表上声明回避，评分表随之锁定。`,
    );
  }
  const want: PlannedPair = {
    panelId: base.panelId,
    expertId: expert.id,
    baseId: base.id,
    recusal: { reason, source: 'declared' },
  };
  const changes = noChanges();
  if (existing) changes.update.push({ before: existing, after: want });
  else changes.add.push(want);
  return { ok: true, value: { changes, warnings: [] } };
}
