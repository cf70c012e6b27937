// Writes panels (评审组): create, rename and delete them and choose the chair, each in one
// transaction with its audit entry. Expert writes live in expertRepository and are
// re-exported here, so panels and experts are written through one module.
import { validatePanelName } from '../../../shared/domain/panels';
import type { Panel } from '../../../shared/domain/types';
import type { PingguDatabase } from '../database';
import { appendAudit } from './audit';
import type { Clock } from './audit';
import { fail, ok } from './errors';
import type { RepositoryResult } from './errors';
import { getPanel, issuedAmong, panelNotFound, panelTables, writableRound } from './panelAccess';
import type { PanelDeps, PanelWrite } from './panelAccess';

export type { PanelDeps, PanelWrite } from './panelAccess';
export * from './expertRepository';

// ---- panels -------------------------------------------------------------------------------

export function createPanel(
  db: PingguDatabase,
  input: { roundId: string; name: string },
  actor: string,
  deps: PanelDeps,
): Promise<RepositoryResult<Panel>> {
  return db.transaction('rw', panelTables(db), async () => {
    const checked = await writableRound<Panel>(db, input.roundId);
    if ('refusal' in checked) return checked.refusal;
    const others = await db.panels.where('roundId').equals(input.roundId).toArray();
    const problem = validatePanelName(input.name, others)[0];
    if (problem !== undefined) return fail<Panel>('editRejected', problem);
    const panel: Panel = { id: deps.newId(), roundId: input.roundId, name: input.name.trim() };
    await db.panels.add(panel);
    await appendAudit(
      db,
      {
        roundId: panel.roundId,
        action: 'panel.create',
        entityId: panel.id,
        actor,
        detail: panel.name,
      },
      deps,
    );
    return ok(panel);
  });
}

export function renamePanel(
  db: PingguDatabase,
  panelId: string,
  name: string,
  actor: string,
  clock: Clock,
): Promise<RepositoryResult<Panel>> {
  return db.transaction('rw', panelTables(db), async () => {
    const panel = await getPanel(db, panelId);
    if (!panel) return panelNotFound<Panel>(panelId);
    const checked = await writableRound<Panel>(db, panel.roundId);
    if ('refusal' in checked) return checked.refusal;
    const others = (await db.panels.where('roundId').equals(panel.roundId).toArray()).filter(
      (p) => p.id !== panelId,
    );
    const problem = validatePanelName(name, others)[0];
    if (problem !== undefined) return fail<Panel>('editRejected', problem);
    const renamed: Panel = { ...panel, name: name.trim() };
    if (renamed.name === panel.name) return ok(panel);
    await db.panels.put(renamed);
    await appendAudit(
      db,
      {
        roundId: panel.roundId,
        action: 'panel.update',
        entityId: panelId,
        actor,
        detail: `更名：${panel.name} → ${renamed.name}`,
      },
      clock,
    );
    return ok(renamed);
  });
}

export type DeletedPanel = { experts: number; assignments: number; basesUnassigned: number };

/**
 * Deletes a panel. One with experts or assignments is only deleted with `withMembers`
 * (the screen's explicit confirmation), and then its experts and assignments go with it and
 * its bases lose their panel. Never deletes a panel whose experts already have scoresheets.
 */
export function deletePanel(
  db: PingguDatabase,
  panelId: string,
  options: { withMembers: boolean },
  actor: string,
  clock: Clock,
): Promise<RepositoryResult<DeletedPanel>> {
  const tables = [...panelTables(db), db.assignments, db.bases, db.scoresheets];
  return db.transaction('rw', tables, async () => {
    const panel = await getPanel(db, panelId);
    if (!panel) return panelNotFound<DeletedPanel>(panelId);
    const { roundId } = panel;
    const checked = await writableRound<DeletedPanel>(db, roundId);
    if ('refusal' in checked) return checked.refusal;
    const experts = (await db.experts.where('roundId').equals(roundId).toArray()).filter(
      (e) => e.panelId === panelId,
    );
    const assignments = (await db.assignments.where('roundId').equals(roundId).toArray()).filter(
      (a) => a.panelId === panelId,
    );
    const expertIds = new Set(experts.map((e) => e.id));
    const sheets = (await db.scoresheets.where('roundId').equals(roundId).toArray()).filter((s) =>
      expertIds.has(s.expertId),
    );
    if (sheets.length > 0) {
      return fail<DeletedPanel>(
        'editRejected',
        `评审组“${panel.name}”的专家已有 ${sheets.length} 份评分表，不能删除该组`,
      );
    }
    if (!options.withMembers && (experts.length > 0 || assignments.length > 0)) {
      return fail<DeletedPanel>(
        'editRejected',
        `评审组“${panel.name}”还有 ${experts.length} 位专家、${assignments.length} 项评审分配，须确认连同删除`,
      );
    }
    const bases = (await db.bases.where('roundId').equals(roundId).toArray()).filter(
      (b) => b.panelId === panelId,
    );
    await db.assignments.bulkDelete(assignments.map((a) => a.id));
    await db.experts.bulkDelete(experts.map((e) => e.id));
    await db.bases.bulkPut(bases.map(({ panelId: _panel, ...base }) => base));
    await db.panels.delete(panelId);
    await appendAudit(
      db,
      {
        roundId,
        action: 'panel.delete',
        entityId: panelId,
        actor,
        detail: `${panel.name}（专家 ${experts.length} 位，评审分配 ${assignments.length} 项）`,
      },
      clock,
    );
    return ok({
      experts: experts.length,
      assignments: assignments.length,
      basesUnassigned: bases.length,
    });
  });
}

/** Makes one of the panel's experts its chair (组长); `null` clears the choice. */
export function setPanelChair(
  db: PingguDatabase,
  panelId: string,
  expertId: string | null,
  actor: string,
  clock: Clock,
): Promise<RepositoryResult<PanelWrite<Panel>>> {
  type R = PanelWrite<Panel>;
  return db.transaction('rw', panelTables(db), async () => {
    const panel = await getPanel(db, panelId);
    if (!panel) return panelNotFound<R>(panelId);
    const checked = await writableRound<R>(db, panel.roundId);
    if ('refusal' in checked) return checked.refusal;
    const expert = expertId === null ? undefined : await db.experts.get(expertId);
    if (expertId !== null && expert?.panelId !== panelId) {
      return fail<R>('editRejected', `只能从评审组“${panel.name}”的专家中选择组长`);
    }
    const { chairExpertId: _old, ...rest } = panel;
    const updated: Panel = expertId === null ? rest : { ...rest, chairExpertId: expertId };
    if (updated.chairExpertId === panel.chairExpertId) {
      return ok({ value: panel, needsNewBundle: [] });
    }
    await db.panels.put(updated);
    await appendAudit(
      db,
      {
        roundId: panel.roundId,
        action: 'panel.update',
        entityId: panelId,
        actor,
        detail: expert ? `${panel.name} 组长：${expert.name}` : `${panel.name} 取消组长`,
      },
      clock,
    );
    return ok({ value: updated, needsNewBundle: await issuedAmong(db, panel.roundId, [panelId]) });
  });
}
