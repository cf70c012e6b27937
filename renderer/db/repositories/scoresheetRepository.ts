// The only write path for scoresheets. Every change runs the pure edit function of
// shared/domain/scoresheet.ts on the stored sheet and writes the result together with an
// audit entry in ONE read-write transaction: either both land or neither does. Only Dexie
// calls are awaited inside the transactions (anything else would commit them early).
import {
  createScoresheet as newScoresheet,
  declareRecusal,
  reopenScoresheet as reopenSheet,
  setScore,
  submitScoresheet as submitSheet,
} from '../../../shared/domain/scoresheet';
import type {
  EditStamp,
  ScoresheetDeps,
  ScoresheetEditResult,
} from '../../../shared/domain/scoresheet';
import type {
  AuditAction,
  IndicatorTemplate,
  RecusalSource,
  Scoresheet,
} from '../../../shared/domain/types';
import type { PingguDatabase } from '../database';
import { appendAudit } from './audit';
import { describeSheetChange } from './sheetChanges';
import { archivedRound, fail, ok } from './errors';
import { closedRound, isClosedRound } from './frozenRound';
import { voidedPairRefusal, voidedSheetRefusal, voidedSheetTables } from './voidedSheets';
import type { RepositoryResult } from './errors';

/** What an edit function gets besides the sheet: the stamp to put on it and its template. */
export type EditContext = { stamp: EditStamp; template: IndicatorTemplate };

export type ScoresheetEdit = (sheet: Scoresheet, context: EditContext) => ScoresheetEditResult;

export type EditOptions = {
  /** Audit action for the change; 'scoresheet.update' unless said otherwise. */
  action?: AuditAction;
  /** Why, for the audit log (e.g. the chair's confirmation of a reopen). */
  note?: string;
};

/** Carries a refused recusal out of its transaction so the transaction rolls back. */
class RecusalRefused extends Error {
  constructor(readonly result: RepositoryResult<Scoresheet>) {
    super('recusal refused');
  }
}

function stampFrom(deps: ScoresheetDeps): EditStamp {
  return { now: deps.now(), hlc: deps.hlc(), deviceId: deps.deviceId };
}

function sheetTables(db: PingguDatabase) {
  return [db.scoresheets, db.templates, db.bases, db.rounds, db.auditLog, ...voidedSheetTables(db)];
}

/**
 * Reads the sheet, applies `edit`, and writes the new sheet and its audit entry
 * atomically. A refused edit writes nothing; an edit that changes nothing writes nothing
 * and returns the stored sheet.
 */
export function applyScoresheetEdit(
  db: PingguDatabase,
  sheetId: string,
  edit: ScoresheetEdit,
  actor: string,
  deps: ScoresheetDeps,
  options: EditOptions = {},
): Promise<RepositoryResult<Scoresheet>> {
  const tables = [db.scoresheets, db.templates, db.rounds, db.auditLog, ...voidedSheetTables(db)];
  return db.transaction('rw', tables, async () => {
    const sheet = await db.scoresheets.get(sheetId);
    if (!sheet) return fail<Scoresheet>('notFound', `找不到评分表：${sheetId}`);
    const round = await db.rounds.get(sheet.roundId);
    if (round?.archive) return archivedRound<Scoresheet>();
    if (isClosedRound(round)) return closedRound<Scoresheet>('评分');
    const voided = await voidedSheetRefusal(db, sheet);
    if (voided) return voided;
    const template = await db.templates.get(sheet.templateId);
    if (!template)
      return fail<Scoresheet>('notFound', `找不到评分表所用的指标体系：${sheet.templateId}`);

    const result = edit(sheet, { stamp: stampFrom(deps), template });
    if (!result.ok) return fail<Scoresheet>('editRejected', result.error.message, result.error);
    if (!result.changed) return ok(sheet);
    if (result.sheet.id !== sheet.id) {
      // Defensive: an edit must never re-key a sheet, or the audit would name the wrong one.
      throw new Error('A scoresheet edit changed the sheet id');
    }

    await db.scoresheets.put(result.sheet);
    const change = describeSheetChange(sheet, result.sheet);
    await appendAudit(
      db,
      {
        roundId: sheet.roundId,
        action: options.action ?? 'scoresheet.update',
        entityId: sheet.id,
        actor,
        detail: options.note ? `${change}；${options.note}` : change,
      },
      deps,
    );
    return ok(result.sheet);
  });
}

export type SheetKey = { roundId: string; expertId: string; baseId: string };

/**
 * Starts an expert's sheet for an assigned base, on the template the round uses for the
 * base's type. Refuses when the base is not assigned to the expert or a sheet exists.
 * A sheet started for a recused assignment is recused (locked) from the start.
 */
export function createScoresheet(
  db: PingguDatabase,
  key: SheetKey,
  actor: string,
  deps: ScoresheetDeps,
): Promise<RepositoryResult<Scoresheet>> {
  return db.transaction('rw', sheetTables(db), async () => {
    const { roundId, expertId, baseId } = key;
    const existing = await db.scoresheets
      .where('[expertId+baseId]')
      .equals([expertId, baseId])
      .first();
    if (existing) return fail<Scoresheet>('alreadyExists', '该专家对此基地的评分表已存在');

    const assignment = await db.assignments
      .where('[roundId+expertId]')
      .equals([roundId, expertId])
      .filter((a) => a.baseId === baseId)
      .first();
    if (!assignment) return fail<Scoresheet>('notFound', '该基地未分配给此专家');
    const [round, base] = await Promise.all([db.rounds.get(roundId), db.bases.get(baseId)]);
    if (!round || !base) return fail<Scoresheet>('notFound', '找不到评估轮次或基地');
    if (round.archive) return archivedRound<Scoresheet>();
    if (isClosedRound(round)) return closedRound<Scoresheet>('评分');
    const voidedPair = await voidedPairRefusal(db, key);
    if (voidedPair) return voidedPair;
    const templateId = round.templateByType[base.type];
    const template = templateId === undefined ? undefined : await db.templates.get(templateId);
    if (!template) return fail<Scoresheet>('notFound', `本轮次未为${base.type}类基地指定指标体系`);

    const sheet = newScoresheet(
      {
        roundId,
        baseId,
        expertId,
        template,
        ...(assignment.recusal ? { recusal: assignment.recusal } : {}),
      },
      deps,
    );
    await db.scoresheets.add(sheet);
    await appendAudit(
      db,
      {
        roundId,
        action: 'scoresheet.create',
        entityId: sheet.id,
        actor,
        detail: `${template.id} v${template.version}`,
      },
      deps,
    );
    return ok(sheet);
  });
}

/** Carries a refused first edit out of its transaction, so the new sheet rolls back too. */
class RefusedFirstEdit extends Error {
  constructor(readonly result: RepositoryResult<Scoresheet>) {
    super('first edit refused');
  }
}

/**
 * Starts the sheet and applies its first edit in ONE transaction: a failure in the edit (a
 * full disk, a refused value) leaves no empty draft behind, and nothing is written at all.
 */
export async function createScoresheetWithEdit(
  db: PingguDatabase,
  key: SheetKey,
  edit: ScoresheetEdit,
  actor: string,
  deps: ScoresheetDeps,
): Promise<RepositoryResult<Scoresheet>> {
  try {
    return await db.transaction('rw', sheetTables(db), async () => {
      const created = await createScoresheet(db, key, actor, deps);
      if (!created.ok) return created;
      const edited = await applyScoresheetEdit(db, created.value.id, edit, actor, deps);
      if (!edited.ok) throw new RefusedFirstEdit(edited);
      return edited;
    });
  } catch (error) {
    if (error instanceof RefusedFirstEdit) return error.result;
    throw error;
  }
}

/** Sets or clears (null) one secondary indicator's score. */
export function saveScore(
  db: PingguDatabase,
  sheetId: string,
  indicatorId: string,
  value: number | null,
  actor: string,
  deps: ScoresheetDeps,
): Promise<RepositoryResult<Scoresheet>> {
  return applyScoresheetEdit(
    db,
    sheetId,
    (sheet, { template, stamp }) => setScore(sheet, template, indicatorId, value, stamp),
    actor,
    deps,
  );
}

/**
 * Submits (locks) a complete sheet. Needs the base's type and the round's bases to check
 * a 转/合并 recommendation, so it reads them in the same transaction.
 */
export function submitScoresheet(
  db: PingguDatabase,
  sheetId: string,
  actor: string,
  deps: ScoresheetDeps,
): Promise<RepositoryResult<Scoresheet>> {
  return db.transaction('rw', sheetTables(db), async () => {
    const sheet = await db.scoresheets.get(sheetId);
    if (!sheet) return fail<Scoresheet>('notFound', `找不到评分表：${sheetId}`);
    const [base, baseIds] = await Promise.all([
      db.bases.get(sheet.baseId),
      db.bases.where('roundId').equals(sheet.roundId).primaryKeys(),
    ]);
    const context = {
      existingBaseIds: new Set(baseIds),
      ...(base ? { baseType: base.type } : {}),
    };
    return applyScoresheetEdit(
      db,
      sheetId,
      (s, { template, stamp }) => submitSheet(s, template, stamp, context),
      actor,
      deps,
      { action: 'scoresheet.submit' },
    );
  });
}

/** Returns a submitted sheet to draft; `note` records who confirmed it and why. */
export function reopenScoresheet(
  db: PingguDatabase,
  sheetId: string,
  note: string,
  actor: string,
  deps: ScoresheetDeps,
): Promise<RepositoryResult<Scoresheet>> {
  return applyScoresheetEdit(db, sheetId, (s, { stamp }) => reopenSheet(s, stamp), actor, deps, {
    action: 'scoresheet.reopen',
    note,
  });
}

/**
 * 回避: the expert withdraws from scoring a base. Marks the assignment and the sheet
 * (creating a locked sheet if none was started, so the recusal travels in the expert's
 * score bundle). A submitted sheet must be reopened first.
 */
export function recuseScoresheet(
  db: PingguDatabase,
  key: SheetKey,
  reason: string,
  actor: string,
  deps: ScoresheetDeps,
  source: RecusalSource = 'declared',
): Promise<RepositoryResult<Scoresheet>> {
  return db
    .transaction('rw', sheetTables(db), async () => {
      const { roundId, expertId, baseId } = key;
      let sheet = await db.scoresheets
        .where('[expertId+baseId]')
        .equals([expertId, baseId])
        .first();
      if (!sheet) {
        const created = await createScoresheet(db, key, actor, deps);
        if (!created.ok) return created;
        sheet = created.value;
      }
      const result = await applyScoresheetEdit(
        db,
        sheet.id,
        (s, { stamp }) => declareRecusal(s, reason, stamp, source),
        actor,
        deps,
        { action: 'scoresheet.recuse', note: reason.trim() },
      );
      if (!result.ok) {
        // Undo the sheet created above: a refused recusal must leave no trace.
        throw new RecusalRefused(result);
      }
      const recusal = result.value.recusal;
      const assignments = await db.assignments
        .where('[roundId+expertId]')
        .equals([roundId, expertId])
        .toArray();
      for (const a of assignments) {
        if (a.baseId === baseId && !a.recusal && recusal)
          await db.assignments.put({ ...a, recusal });
      }
      return result;
    })
    .catch((error: unknown) => {
      if (error instanceof RecusalRefused) return error.result;
      throw error;
    });
}
