// Writes the indicator systems a round uses: save an edited template (a frozen, built-in or
// shared one becomes a new record, see reviseTemplate) and point the round's base type at
// it, or choose another stored or built-in template for a type. Each write is one
// transaction with its audit entry.
import { builtinTemplateById, validateTemplate } from '../../../shared/domain/templates';
import { reviseTemplate } from '../../../shared/domain/templateEditing';
import type { TemplateRevisionKind } from '../../../shared/domain/templateEditing';
import type { BaseTypeCode, IndicatorTemplate, Round } from '../../../shared/domain/types';
import type { PingguDatabase } from '../database';
import { appendAudit } from './audit';
import type { Clock } from './audit';
import { archivedRound, fail, ok } from './errors';
import type { RepositoryResult } from './errors';

export type TemplateDeps = Clock & { newId: () => string };

export type SaveTemplateInput = {
  roundId: string;
  baseType: BaseTypeCode;
  /** The edited template: a fresh copy, or a stored one with changes. */
  template: IndicatorTemplate;
};

export type SavedTemplate = {
  kind: TemplateRevisionKind;
  /** The record the round now points at for the type. */
  template: IndicatorTemplate;
  round: Round;
};

const KIND_TEXT: Readonly<Record<TemplateRevisionKind, string>> = {
  unchanged: '未修改',
  created: '新建',
  updated: '修改',
  newVersion: '已下发的版本不变，另存为新版本',
  newCopy: '另存为副本',
};

const roundNotFound = <T>(roundId: string): RepositoryResult<T> =>
  fail<T>('notFound', `找不到评估轮次：${roundId}`);

/** Why templates of a round cannot be written; undefined when they can. */
function lockedRound<T>(round: Round): RepositoryResult<T> | undefined {
  if (round.archive) return archivedRound<T>();
  if (round.status === 'closed') return fail<T>('locked', '本轮评估已结束，指标体系不能再修改。');
  return undefined;
}

/** Round ids other than `roundId` whose templateByType names `templateId`. */
function usedElsewhere(rounds: readonly Round[], roundId: string, templateId: string): boolean {
  return rounds.some(
    (r) => r.id !== roundId && Object.values(r.templateByType).includes(templateId),
  );
}

/**
 * Saves an edited template for a base type of a round and points the round at the saved
 * record. A template with frozenAt set is never changed: the change is stored as a new
 * record (version + 1). Refuses an invalid template with its problems as `cause`.
 */
export function saveTemplate(
  db: PingguDatabase,
  input: SaveTemplateInput,
  actor: string,
  deps: TemplateDeps,
): Promise<RepositoryResult<SavedTemplate>> {
  const { roundId, baseType, template } = input;
  return db.transaction('rw', [db.rounds, db.templates, db.auditLog], async () => {
    const round = await db.rounds.get(roundId);
    if (!round) return roundNotFound<SavedTemplate>(roundId);
    const locked = lockedRound<SavedTemplate>(round);
    if (locked) return locked;
    const stored = (await db.templates.get(template.id)) ?? builtinTemplateById(template.id);
    const rounds = await db.rounds.toArray();
    const revised = reviseTemplate(
      template,
      { stored, baseType, isUsedByOtherRounds: usedElsewhere(rounds, roundId, template.id) },
      deps,
    );
    if (!revised.ok) {
      const first = revised.problems[0];
      return fail<SavedTemplate>(
        'editRejected',
        first?.message ?? '指标体系有误',
        revised.problems,
      );
    }
    const { kind, template: saved } = revised.value;
    if (kind === 'unchanged' && round.templateByType[baseType] === saved.id) {
      return ok({ kind, template: saved, round });
    }
    if (kind === 'updated') await db.templates.put(saved);
    else if (kind !== 'unchanged') await db.templates.add(saved);
    const updatedRound: Round = {
      ...round,
      templateByType: { ...round.templateByType, [baseType]: saved.id },
    };
    await db.rounds.put(updatedRound);
    await appendAudit(
      db,
      {
        roundId,
        action: 'template.save',
        entityId: saved.id,
        actor,
        detail: `${baseType} ${saved.name}（第 ${saved.version} 版，${KIND_TEXT[kind]}）`,
      },
      deps,
    );
    return ok({ kind, template: saved, round: updatedRound });
  });
}

export type AssignTemplateInput = {
  roundId: string;
  baseType: BaseTypeCode;
  /** A stored template or a built-in of that type. */
  templateId: string;
};

/**
 * Makes a stored or built-in template the one a base type of the round is scored with
 * (a built-in is stored on first use). Refuses a template of another type or an invalid one.
 */
export function assignTemplate(
  db: PingguDatabase,
  input: AssignTemplateInput,
  actor: string,
  clock: Clock,
): Promise<RepositoryResult<Round>> {
  const { roundId, baseType, templateId } = input;
  return db.transaction('rw', [db.rounds, db.templates, db.auditLog], async () => {
    const round = await db.rounds.get(roundId);
    if (!round) return roundNotFound<Round>(roundId);
    const locked = lockedRound<Round>(round);
    if (locked) return locked;
    const stored = await db.templates.get(templateId);
    const builtin = builtinTemplateById(templateId);
    const template = stored ?? builtin;
    if (!template) return fail<Round>('notFound', `找不到指标体系：${templateId}`);
    if (template.baseType !== baseType) {
      return fail<Round>(
        'editRejected',
        `“${template.name}”是 ${template.baseType} 的指标体系，不能用于 ${baseType}`,
      );
    }
    const problems = validateTemplate(template);
    const first = problems[0];
    if (first) return fail<Round>('editRejected', first.message, problems);
    if (round.templateByType[baseType] === templateId) return ok(round);
    if (!stored && builtin) {
      await db.templates.add({
        ...builtin,
        primaries: builtin.primaries.map((p) => ({
          ...p,
          children: p.children.map((c) => ({ ...c })),
        })),
      });
    }
    const updated: Round = {
      ...round,
      templateByType: { ...round.templateByType, [baseType]: templateId },
    };
    await db.rounds.put(updated);
    await appendAudit(
      db,
      {
        roundId,
        action: 'template.assign',
        entityId: templateId,
        actor,
        detail: `${baseType} → ${template.name}（第 ${template.version} 版）`,
      },
      clock,
    );
    return ok(updated);
  });
}
