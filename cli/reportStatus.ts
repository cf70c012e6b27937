// What `pinggu report` says about the result bundle as a whole: whether the round was closed
// (结束评估), when, and at which closing (version); whether a person checked the panels' keys
// (the result's provenance); and how many of each base's sheets a round change voided.
import type { ResultPayload } from '../shared/bundle/payload';
import type { VoidedSheet } from '../shared/domain/roundChanges';

export type ReportStatus = {
  /** "closed" for a round closed at the secretariat (frozen), else "open". */
  status: 'open' | 'closed';
  /** When the round was closed; null while it is open (or reopened). */
  closedAt: string | null;
  /** 1 for the first closing, 2 after a reopening and a second closing…; null while open. */
  version: number | null;
  /** Every panel key was checked: accepted by a person in the app, or matched --trust. */
  keysVerified: boolean;
};

export function reportStatus(payload: Pick<ResultPayload, 'round' | 'provenance'>): ReportStatus {
  const { status, closure } = payload.round;
  const closed = status === 'closed' && closure !== undefined ? closure : undefined;
  return {
    status: status === 'closed' ? 'closed' : 'open',
    closedAt: closed?.closedAt ?? null,
    version: closed?.version ?? null,
    keysVerified: payload.provenance.keysVerified,
  };
}

/** Voided sheets per base id (作废: kept in the bundle, counted in no statistic). */
export function voidedCounts(voided: readonly VoidedSheet[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { sheet } of voided) counts.set(sheet.baseId, (counts.get(sheet.baseId) ?? 0) + 1);
  return counts;
}
