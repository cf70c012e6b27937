// The four changes after issue (轮次变更) as drafts: who and what each concerns, the
// assignment changes that carry it out and the expert × base pairs whose sheets it voids.
// roundChangePlans.ts checks what all share (round, reason, person) and turns a draft into
// the stored record. Pure.
import { replacedExpertIds, withdrawnBaseIds } from '../domain/roundChanges';
import type { Base, Round, RoundChange, Scoresheet } from '../domain/types';
import type { Outcome } from './assignment';
import { groupByPair, recusalFor, roundConflictChecker } from './assignmentChanges';
import type { AssignmentChanges, PlannedPair, RoundAssignmentRecords } from './assignmentChanges';
import { planBaseMove } from './assignmentEdits';
import { pairKey } from './conflicts';

/** A round's records as the change planners read them. */
export type ChangeRecords = RoundAssignmentRecords & {
  round: Round;
  changes: readonly RoundChange[];
};

export type RoundChangeInput =
  | { kind: 'replaceExpert'; expertId: string; replacementExpertId: string; reason: string }
  | { kind: 'withdrawBase'; baseId: string; reason: string }
  | { kind: 'moveBase'; baseId: string; panelId: string; reason: string; expertsPerBase?: number }
  | { kind: 'declareConflict'; expertId: string; baseId: string; reason: string };

export const refuse = <T>(message: string): Outcome<T> => ({ ok: false, message });

export type Pair = { expertId: string; baseId: string };

const startedOf = (sheets: readonly Scoresheet[], keep: (s: Scoresheet) => boolean): Pair[] =>
  sheets.filter((s) => keep(s)).map((s) => ({ expertId: s.expertId, baseId: s.baseId }));

export type DraftFields = {
  expertId?: string;
  replacementExpertId?: string;
  baseId?: string;
  fromPanelId?: string | undefined;
  toPanelId?: string | undefined;
};

export type Draft = {
  kind: RoundChange['kind'];
  fields: DraftFields;
  changes: AssignmentChanges;
  voids: Pair[];
  bases: Base[];
};

/** The fields that are set (an optional field is absent, never undefined, in a record). */
export function definedFields(fields: DraftFields): Partial<RoundChange> {
  const out: Partial<RoundChange> = {};
  if (fields.expertId !== undefined) out.expertId = fields.expertId;
  if (fields.replacementExpertId !== undefined) {
    out.replacementExpertId = fields.replacementExpertId;
  }
  if (fields.baseId !== undefined) out.baseId = fields.baseId;
  if (fields.fromPanelId !== undefined) out.fromPanelId = fields.fromPanelId;
  if (fields.toPanelId !== undefined) out.toPanelId = fields.toPanelId;
  return out;
}

const noChanges = (): AssignmentChanges => ({ moves: [], add: [], update: [], remove: [] });

function replaceExpert(
  records: ChangeRecords,
  input: Extract<RoundChangeInput, { kind: 'replaceExpert' }>,
): Outcome<Draft> {
  const expert = records.experts.find((e) => e.id === input.expertId);
  if (!expert) return refuse(`本轮次中找不到被替换的专家：${input.expertId}`);
  const replacement = records.experts.find((e) => e.id === input.replacementExpertId);
  if (!replacement) return refuse(`本轮次中找不到替换的专家：${input.replacementExpertId}`);
  if (replacement.id === expert.id) return refuse('替换的专家不能是被替换的专家本人。');
  const panel = records.panels.find((p) => p.id === expert.panelId);
  const panelName = panel?.name ?? expert.panelId;
  if (replacement.panelId !== expert.panelId) {
    return refuse(
      `${replacement.name}不在“${panelName}”：请先在“专家组与专家”中把替换的专家加入该组。`,
    );
  }
  if (panel?.chairExpertId === expert.id) {
    return refuse(
      `${expert.name}是“${panelName}”的组长：请先在“专家组与专家”中更换组长，再替换该专家。`,
    );
  }
  const own = records.assignments
    .filter((a) => a.expertId === expert.id)
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  if (own.length === 0) return refuse(`${expert.name}没有评审任务，无需替换。`);
  const checker = roundConflictChecker(records);
  const { byPair } = groupByPair(records.assignments);
  const baseById = new Map(records.bases.map((b) => [b.id, b]));
  const changes = noChanges();
  changes.remove.push(...own);
  const taken = new Set<string>();
  for (const a of [...own].sort((x, y) => (x.baseId < y.baseId ? -1 : 1))) {
    const key = pairKey(replacement.id, a.baseId);
    const base = baseById.get(a.baseId);
    // A base the replacement already has (or a record of a base no longer stored) stays as it is.
    if (!base || byPair.has(key) || taken.has(key)) continue;
    taken.add(key);
    const recusal = recusalFor(checker.of(replacement, base), undefined);
    const pair: PlannedPair = {
      panelId: a.panelId,
      expertId: replacement.id,
      baseId: a.baseId,
      ...(recusal ? { recusal } : {}),
    };
    changes.add.push(pair);
  }
  return {
    ok: true,
    value: {
      kind: 'replaceExpert',
      fields: { expertId: expert.id, replacementExpertId: replacement.id },
      changes,
      voids: [...own, ...startedOf(records.scoresheets, (s) => s.expertId === expert.id)],
      bases: [],
    },
  };
}

function baseOf(records: ChangeRecords, baseId: string): Outcome<Base> {
  const base = records.bases.find((b) => b.id === baseId);
  if (!base) return refuse(`本轮次中找不到该基地：${baseId}`);
  if (withdrawnBaseIds(records.changes).has(base.id)) {
    return refuse(`“${base.name}”已撤出本轮评估。`);
  }
  return { ok: true, value: base };
}

function withdrawBase(
  records: ChangeRecords,
  input: Extract<RoundChangeInput, { kind: 'withdrawBase' }>,
): Outcome<Draft> {
  const found = baseOf(records, input.baseId);
  if (!found.ok) return found;
  const base = found.value;
  const changes = noChanges();
  changes.remove.push(...records.assignments.filter((a) => a.baseId === base.id));
  // The base stays stored, in no panel: no round bundle carries it, no assignment reaches it.
  const { panelId: _panelId, ...withoutPanel } = base;
  return {
    ok: true,
    value: {
      kind: 'withdrawBase',
      fields: { baseId: base.id, fromPanelId: base.panelId },
      changes,
      voids: [...changes.remove, ...startedOf(records.scoresheets, (s) => s.baseId === base.id)],
      bases: base.panelId === undefined ? [] : [withoutPanel],
    },
  };
}

function moveBase(
  records: ChangeRecords,
  input: Extract<RoundChangeInput, { kind: 'moveBase' }>,
): Outcome<Draft> {
  const found = baseOf(records, input.baseId);
  if (!found.ok) return found;
  const base = found.value;
  // Scoring may have begun: the old panel's records all go (their sheets are voided), so the
  // move is planned as if none of the base's sheets were started.
  // Experts replaced by a standing change take no new assignment.
  const replaced = replacedExpertIds(records.changes);
  const relaxed: RoundAssignmentRecords = {
    ...records,
    experts: records.experts.filter((e) => !replaced.has(e.id)),
    scoresheets: records.scoresheets.filter((s) => s.baseId !== base.id || s.recusal),
  };
  const planned = planBaseMove(
    relaxed,
    base.id,
    input.panelId,
    input.expertsPerBase === undefined ? {} : { expertsPerBase: input.expertsPerBase },
  );
  if (!planned.ok) return planned;
  const { changes } = planned.value;
  const scoringAfter = new Set(
    [...changes.add, ...changes.update.map((u) => u.after)]
      .filter((p) => !p.recusal)
      .map((p) => pairKey(p.expertId, p.baseId)),
  );
  const old = [
    ...records.assignments.filter((a) => a.baseId === base.id),
    ...startedOf(records.scoresheets, (s) => s.baseId === base.id),
  ];
  return {
    ok: true,
    value: {
      kind: 'moveBase',
      fields: { baseId: base.id, fromPanelId: base.panelId, toPanelId: input.panelId },
      changes,
      voids: old.filter((p) => !scoringAfter.has(pairKey(p.expertId, p.baseId))),
      bases: [],
    },
  };
}

function declareConflict(
  records: ChangeRecords,
  input: Extract<RoundChangeInput, { kind: 'declareConflict' }>,
): Outcome<Draft> {
  const expert = records.experts.find((e) => e.id === input.expertId);
  if (!expert) return refuse(`本轮次中找不到该专家：${input.expertId}`);
  const found = baseOf(records, input.baseId);
  if (!found.ok) return found;
  const base = found.value;
  if (base.panelId === undefined || base.panelId !== expert.panelId) {
    return refuse(`${expert.name}不在“${base.name}”所在的专家组，不会评审该基地，无需声明回避。`);
  }
  const key = pairKey(expert.id, base.id);
  const existing = groupByPair(records.assignments).byPair.get(key);
  const recusedSheet = records.scoresheets.some(
    (s) => s.expertId === expert.id && s.baseId === base.id && s.recusal,
  );
  if (existing?.recusal || recusedSheet) return refuse(`${expert.name}对“${base.name}”已回避。`);
  const want: PlannedPair = {
    panelId: base.panelId,
    expertId: expert.id,
    baseId: base.id,
    recusal: { reason: input.reason.trim(), source: 'secretariat' },
  };
  const changes = noChanges();
  if (existing) changes.update.push({ before: existing, after: want });
  else changes.add.push(want);
  return {
    ok: true,
    value: {
      kind: 'declareConflict',
      fields: { expertId: expert.id, baseId: base.id },
      changes,
      voids: [{ expertId: expert.id, baseId: base.id }],
      bases: [],
    },
  };
}

/** Plans one change after issue; refused without a reason, a person or a valid target. */

/** The draft of one change, or why it is refused. */
export function draftChange(records: ChangeRecords, input: RoundChangeInput): Outcome<Draft> {
  switch (input.kind) {
    case 'replaceExpert':
      return replaceExpert(records, input);
    case 'withdrawBase':
      return withdrawBase(records, input);
    case 'moveBase':
      return moveBase(records, input);
    case 'declareConflict':
      return declareConflict(records, input);
  }
}
