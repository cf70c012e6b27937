// Writes experts: add, edit and remove one, and import a checked expert roster, each in one
// transaction with its audit entry. Results name the panels whose round bundle was already
// issued, so the screen can say those panels need a new bundle.
import { expertKey, tidyExpertFields, validateExpertFields } from '../../../shared/domain/panels';
import type { ExpertFields } from '../../../shared/domain/panels';
import type { Expert } from '../../../shared/domain/types';
import type { PingguDatabase } from '../database';
import { appendAudit } from './audit';
import type { Clock } from './audit';
import { fail, ok } from './errors';
import type { RepositoryResult } from './errors';
import { getPanel, issuedAmong, panelNotFound, panelTables, writableRound } from './panelAccess';
import type { PanelDeps, PanelWrite } from './panelAccess';

function fieldsRefusal<T>(fields: ExpertFields): RepositoryResult<T> | undefined {
  const problems = validateExpertFields(fields);
  const first = problems[0];
  return first === undefined ? undefined : fail<T>('editRejected', first.message, problems);
}

const alreadyInRound = <T>(expert: Pick<Expert, 'name' | 'institution'>): RepositoryResult<T> =>
  fail<T>('alreadyExists', `${expert.name}（${expert.institution}）已在本轮次的专家中`);

function duplicateRefusal<T>(
  fields: ExpertFields,
  others: readonly Expert[],
): RepositoryResult<T> | undefined {
  const key = expertKey(fields);
  const twin = others.find((e) => expertKey(e) === key);
  return twin === undefined ? undefined : alreadyInRound<T>(twin);
}

export function addExpert(
  db: PingguDatabase,
  input: { roundId: string; panelId: string; fields: ExpertFields },
  actor: string,
  deps: PanelDeps,
): Promise<RepositoryResult<PanelWrite<Expert>>> {
  type R = PanelWrite<Expert>;
  return db.transaction('rw', panelTables(db), async () => {
    const checked = await writableRound<R>(db, input.roundId);
    if ('refusal' in checked) return checked.refusal;
    const panel = await getPanel(db, input.panelId);
    if (panel?.roundId !== input.roundId) return panelNotFound<R>(input.panelId);
    const refusal = fieldsRefusal<R>(input.fields);
    if (refusal) return refusal;
    const fields = tidyExpertFields(input.fields);
    const others = await db.experts.where('roundId').equals(input.roundId).toArray();
    const duplicate = duplicateRefusal<R>(fields, others);
    if (duplicate) return duplicate;
    const expert: Expert = {
      id: deps.newId(),
      roundId: input.roundId,
      panelId: panel.id,
      ...fields,
    };
    await db.experts.add(expert);
    await appendAudit(
      db,
      {
        roundId: expert.roundId,
        action: 'expert.create',
        entityId: expert.id,
        actor,
        detail: `${expert.name}（${expert.institution}）→ ${panel.name}`,
      },
      deps,
    );
    return ok({ value: expert, needsNewBundle: await issuedAmong(db, panel.roundId, [panel.id]) });
  });
}

/**
 * Changes an expert's details and, optionally, panel. An expert with assignments stays in
 * their panel (the assignments are the panel's); a chair moved away stops being its chair.
 */
export function updateExpert(
  db: PingguDatabase,
  expertId: string,
  input: { fields: ExpertFields; panelId?: string },
  actor: string,
  clock: Clock,
): Promise<RepositoryResult<PanelWrite<Expert>>> {
  type R = PanelWrite<Expert>;
  return db.transaction('rw', [...panelTables(db), db.assignments], async () => {
    const expert = await db.experts.get(expertId);
    if (!expert) return fail<R>('notFound', `找不到专家：${expertId}`);
    const checked = await writableRound<R>(db, expert.roundId);
    if ('refusal' in checked) return checked.refusal;
    const refusal = fieldsRefusal<R>(input.fields);
    if (refusal) return refusal;
    const fields = tidyExpertFields(input.fields);
    const others = (await db.experts.where('roundId').equals(expert.roundId).toArray()).filter(
      (e) => e.id !== expertId,
    );
    const duplicate = duplicateRefusal<R>(fields, others);
    if (duplicate) return duplicate;
    const panelId = input.panelId ?? expert.panelId;
    const target = await getPanel(db, panelId);
    if (target?.roundId !== expert.roundId) return panelNotFound<R>(panelId);
    if (panelId !== expert.panelId) {
      const assigned = await db.assignments
        .where('[roundId+expertId]')
        .equals([expert.roundId, expertId])
        .count();
      if (assigned > 0) {
        return fail<R>(
          'editRejected',
          `${expert.name}已有 ${assigned} 项评审分配，须先取消分配，才能调到其他评审组`,
        );
      }
      const oldPanel = await getPanel(db, expert.panelId);
      if (oldPanel?.chairExpertId === expertId) {
        const { chairExpertId: _chair, ...withoutChair } = oldPanel;
        await db.panels.put(withoutChair);
      }
    }
    const { phone: _phone, ...kept } = expert;
    const updated: Expert = { ...kept, ...fields, panelId };
    await db.experts.put(updated);
    await appendAudit(
      db,
      {
        roundId: expert.roundId,
        action: 'expert.update',
        entityId: expertId,
        actor,
        detail:
          panelId === expert.panelId
            ? `${updated.name}（${updated.institution}）`
            : `${updated.name}（${updated.institution}）→ ${target.name}`,
      },
      clock,
    );
    const touched = [expert.panelId, panelId];
    return ok({ value: updated, needsNewBundle: await issuedAmong(db, expert.roundId, touched) });
  });
}

/**
 * Removes an expert with their assignments (and as chair). Refuses when the expert already
 * has scoresheets: scores are never deleted along with a person.
 */
export function removeExpert(
  db: PingguDatabase,
  expertId: string,
  actor: string,
  clock: Clock,
): Promise<RepositoryResult<PanelWrite<{ assignments: number }>>> {
  type R = PanelWrite<{ assignments: number }>;
  const tables = [...panelTables(db), db.assignments, db.scoresheets];
  return db.transaction('rw', tables, async () => {
    const expert = await db.experts.get(expertId);
    if (!expert) return fail<R>('notFound', `找不到专家：${expertId}`);
    const checked = await writableRound<R>(db, expert.roundId);
    if ('refusal' in checked) return checked.refusal;
    const sheets = await db.scoresheets
      .where('[expertId+baseId]')
      .between([expertId], [expertId, []])
      .count();
    if (sheets > 0) {
      return fail<R>('editRejected', `${expert.name}已有 ${sheets} 份评分表，不能删除`);
    }
    const assignments = await db.assignments
      .where('[roundId+expertId]')
      .equals([expert.roundId, expertId])
      .primaryKeys();
    await db.assignments.bulkDelete(assignments);
    const panel = await getPanel(db, expert.panelId);
    if (panel?.chairExpertId === expertId) {
      const { chairExpertId: _chair, ...withoutChair } = panel;
      await db.panels.put(withoutChair);
    }
    await db.experts.delete(expertId);
    await appendAudit(
      db,
      {
        roundId: expert.roundId,
        action: 'expert.delete',
        entityId: expertId,
        actor,
        detail: `${expert.name}（${expert.institution}），评审分配 ${assignments.length} 项`,
      },
      clock,
    );
    return ok({
      value: { assignments: assignments.length },
      needsNewBundle: await issuedAmong(db, expert.roundId, [expert.panelId]),
    });
  });
}

export type ImportedExpert = ExpertFields & { panelId: string };

/**
 * Adds a checked roster (readExpertRoster's experts) in one transaction: all or nothing.
 * Checks again what may have changed since the preview (panels, experts already stored).
 */
export function importExperts(
  db: PingguDatabase,
  input: { roundId: string; experts: readonly ImportedExpert[]; fileName: string },
  actor: string,
  deps: PanelDeps,
): Promise<RepositoryResult<PanelWrite<Expert[]>>> {
  type R = PanelWrite<Expert[]>;
  return db.transaction('rw', panelTables(db), async () => {
    const checked = await writableRound<R>(db, input.roundId);
    if ('refusal' in checked) return checked.refusal;
    if (input.experts.length === 0) return fail<R>('editRejected', '没有可导入的专家');
    const panels = await db.panels.where('roundId').equals(input.roundId).toArray();
    const panelIds = new Set(panels.map((p) => p.id));
    const seen = new Set(
      (await db.experts.where('roundId').equals(input.roundId).toArray()).map(expertKey),
    );
    const experts: Expert[] = [];
    for (const row of input.experts) {
      const refusal = fieldsRefusal<R>(row);
      if (refusal) return refusal;
      if (!panelIds.has(row.panelId)) return panelNotFound<R>(row.panelId);
      const fields = tidyExpertFields(row);
      const key = expertKey(fields);
      if (seen.has(key)) return alreadyInRound<R>(fields);
      seen.add(key);
      experts.push({ id: deps.newId(), roundId: input.roundId, panelId: row.panelId, ...fields });
    }
    await db.experts.bulkAdd(experts);
    await appendAudit(
      db,
      {
        roundId: input.roundId,
        action: 'expert.import',
        entityId: input.roundId,
        actor,
        detail: `从“${input.fileName}”导入专家 ${experts.length} 位`,
      },
      deps,
    );
    const touched = experts.map((e) => e.panelId);
    return ok({ value: experts, needsNewBundle: await issuedAmong(db, input.roundId, touched) });
  });
}
