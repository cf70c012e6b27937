// The common ground of panelRepository and expertRepository: which rounds' panels may be
// written, the panels whose issued round bundle a write makes out of date, and lookups.
import { panelsLockedReason } from '../../../shared/domain/panels';
import type { Panel, Round } from '../../../shared/domain/types';
import type { PingguDatabase } from '../database';
import type { Clock } from './audit';
import { fail } from './errors';
import type { RepositoryResult } from './errors';
import { getIssuedBundles } from './issueRepository';

export type PanelDeps = Clock & { newId: () => string };

/** A write's value, and the panels whose issued round bundle no longer matches. */
export type PanelWrite<T> = { value: T; needsNewBundle: string[] };

export const roundNotFound = <T>(roundId: string): RepositoryResult<T> =>
  fail<T>('notFound', `找不到评估轮次：${roundId}`);

/** The round if its panels may be written, else the refusal. */
export async function writableRound<T>(
  db: PingguDatabase,
  roundId: string,
): Promise<{ round: Round } | { refusal: RepositoryResult<T> }> {
  const round = await db.rounds.get(roundId);
  if (!round) return { refusal: roundNotFound<T>(roundId) };
  const reason = panelsLockedReason(round);
  if (reason !== undefined) {
    return { refusal: fail<T>(round.archive ? 'archived' : 'locked', reason) };
  }
  return { round };
}

export async function issuedAmong(
  db: PingguDatabase,
  roundId: string,
  panelIds: readonly string[],
): Promise<string[]> {
  const issued = await getIssuedBundles(db, roundId);
  return [...new Set(panelIds)].filter((id) => issued[id] !== undefined);
}

export function panelTables(db: PingguDatabase) {
  return [db.rounds, db.panels, db.experts, db.settings, db.auditLog];
}

export async function getPanel(db: PingguDatabase, panelId: string): Promise<Panel | undefined> {
  return db.panels.get(panelId);
}

export const panelNotFound = <T>(panelId: string): RepositoryResult<T> =>
  fail<T>('notFound', `找不到评审组：${panelId}`);
