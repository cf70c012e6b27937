// A closed round (结束评估) is frozen: every write path of renderer/db refuses it with one
// sentence that says what cannot change and how to change it anyway (重新开启), and writes
// nothing. Kept in one place so the repositories say it the same way.
import type { Round } from '../../../shared/domain/types';
import { fail } from './errors';
import type { RepositoryResult } from './errors';

export const isClosedRound = (round: Pick<Round, 'status'> | undefined): boolean =>
  round?.status === 'closed';

/** The refusal of a write to a closed round; `what` names what cannot change (评分, 决定 …). */
export function closedRound<T>(what: string): RepositoryResult<T> {
  return fail<T>('locked', `本轮评估已结束，${what}不能再修改；如需修改，请先重新开启本轮评估。`);
}
