// Typed failures of repository writes. A repository returns these as values; the UI turns
// the code into a Chinese message for the clerk or expert, never a stack trace.

export type RepositoryErrorCode =
  'notFound' | 'alreadyExists' | 'editRejected' | 'locked' | 'demoAlreadyLoaded' | 'demoNotLoaded';

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
