// Typed failures of repository writes. A repository returns these as values; the UI turns
// the code into a Chinese message for the clerk or expert, never a stack trace.

export type RepositoryErrorCode =
  | 'notFound'
  | 'alreadyExists'
  | 'editRejected'
  | 'locked'
  | 'demoAlreadyLoaded'
  | 'demoNotLoaded'
  /** The round is a read-only archive (imported from a result bundle). */
  | 'archived'
  /** A result cannot be published while scoresheet conflicts are open. */
  | 'openConflicts'
  /** The conflict was resolved already, or the stored sheets moved on since it was shown. */
  | 'stale';

export type RepositoryError = {
  code: RepositoryErrorCode;
  message: string;
  /** The domain's own error when a pure edit function refused the change. */
  cause?: unknown;
};

export type RepositoryResult<T> = { ok: true; value: T } | { ok: false; error: RepositoryError };

export function ok<T>(value: T): RepositoryResult<T> {
  return { ok: true, value };
}

export function fail<T>(
  code: RepositoryErrorCode,
  message: string,
  cause?: unknown,
): RepositoryResult<T> {
  return cause === undefined
    ? { ok: false, error: { code, message } }
    : { ok: false, error: { code, message, cause } };
}

/** Scoresheets and decisions of a round archived from a result bundle are never written. */
export function archivedRound<T>(): RepositoryResult<T> {
  return fail<T>('archived', '这是从结果包导入的归档轮次，只能查看，不能修改。');
}
