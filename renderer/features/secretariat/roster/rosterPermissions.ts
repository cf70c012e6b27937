// What the roster tab offers for a round, mirroring rosterRepository's refusals: bases can
// be imported until the round is closed, and deleted only while it is being set up.
import type { Round } from '../../../../shared/domain/types';

export function rosterPermissions(round: Pick<Round, 'status' | 'archive'>): {
  canImport: boolean;
  canDelete: boolean;
} {
  const isArchive = round.archive !== undefined;
  return {
    canImport: !isArchive && round.status !== 'closed',
    canDelete: !isArchive && round.status === 'setup',
  };
}
