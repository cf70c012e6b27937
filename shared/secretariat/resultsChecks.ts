// Two checks the results tab runs before anyone relies on a number:
// - a decision recorded before the scores of its base last changed (a late score bundle was
//   imported, or a conflict resolved, after the decision): the decision may rest on a result
//   that no longer stands, so it is listed for review, never changed;
// - a base whose counted sheets were scored on different versions of an indicator system (a
//   template changed and re-issued while some experts had started): its aggregate mixes
//   totals of different scales of detail, so it is listed for the secretariat to judge.
import type { AuditAction, AuditEntry, FinalDecision, Scoresheet } from '../domain/types';

/** Audit actions after which a base's scores may be other than before. */
export const SCORE_CHANGES: ReadonlySet<AuditAction> = new Set<AuditAction>([
  'scoresheet.import',
  'scoresheet.resolveConflict',
]);

export type StaleDecision = { baseId: string; decidedAt: string; changedAt: string };

/** Decisions older than the last change of their base's scores, in decision order. */
export function staleDecisions(
  decisions: readonly FinalDecision[],
  scoresheets: readonly Pick<Scoresheet, 'id' | 'baseId'>[],
  audit: readonly Pick<AuditEntry, 'action' | 'entityId' | 'at'>[],
): StaleDecision[] {
  const baseOfSheet = new Map(scoresheets.map((s) => [s.id, s.baseId]));
  const lastChange = new Map<string, string>();
  for (const entry of audit) {
    if (!SCORE_CHANGES.has(entry.action)) continue;
    const baseId = baseOfSheet.get(entry.entityId);
    if (baseId === undefined) continue;
    const seen = lastChange.get(baseId);
    if (seen === undefined || entry.at > seen) lastChange.set(baseId, entry.at);
  }
  const stale: StaleDecision[] = [];
  for (const decision of decisions) {
    const changedAt = lastChange.get(decision.baseId);
    if (changedAt !== undefined && changedAt > decision.decidedAt) {
      stale.push({ baseId: decision.baseId, decidedAt: decision.decidedAt, changedAt });
    }
  }
  return stale;
}

export type MixedTemplates = { baseId: string; templateIds: string[] };

/** Bases whose counted (submitted, not recused) sheets use more than one template. */
export function mixedTemplateBases(
  scoresheets: readonly Pick<Scoresheet, 'baseId' | 'templateId' | 'status' | 'recusal'>[],
): MixedTemplates[] {
  const byBase = new Map<string, Set<string>>();
  for (const sheet of scoresheets) {
    if (sheet.status !== 'submitted' || sheet.recusal !== undefined) continue;
    const ids = byBase.get(sheet.baseId) ?? new Set<string>();
    ids.add(sheet.templateId);
    byBase.set(sheet.baseId, ids);
  }
  return [...byBase]
    .filter(([, ids]) => ids.size > 1)
    .map(([baseId, ids]) => ({ baseId, templateIds: [...ids].sort() }))
    .sort((a, b) => (a.baseId < b.baseId ? -1 : a.baseId > b.baseId ? 1 : 0));
}
