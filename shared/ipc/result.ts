// Typed results for every desktop call. Failures are values with a code the UI can switch on
// and a Chinese message a secretariat clerk understands; stack traces never cross to the UI.

export type DesktopErrorCode =
  | 'invalidArguments' // the renderer sent arguments the contract does not allow
  | 'untrustedSender' // the call came from a frame that is not the app
  | 'unsupported' // this platform cannot do it (e.g. reveal in a browser)
  | 'notAllowed' // the request is well-formed but refused (e.g. reveal an unknown path)
  | 'notFound' // the file is gone
  | 'tooLarge' // a file or a selection is over the size limit
  | 'ioFailed' // the operating system refused a read or write
  | 'ipcFailed' // the main process did not answer
  | 'internal'; // a bug: logged in the main process, shown as a generic message

export type DesktopError = {
  readonly code: DesktopErrorCode;
  /** Chinese, for the clerk. */
  readonly message: string;
  /** Short technical note for logs (English, never a stack trace). */
  readonly detail?: string;
};

export type DesktopResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: DesktopError };

export const ok = <T>(value: T): DesktopResult<T> => ({ ok: true, value });

export const fail = <T = never>(
  code: DesktopErrorCode,
  message: string,
  detail?: string,
): DesktopResult<T> => ({
  ok: false,
  error: detail === undefined ? { code, message } : { code, message, detail },
});

const ERROR_CODES: ReadonlySet<string> = new Set<DesktopErrorCode>([
  'invalidArguments',
  'untrustedSender',
  'unsupported',
  'notAllowed',
  'notFound',
  'tooLarge',
  'ioFailed',
  'ipcFailed',
  'internal',
]);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/** Shape check for a value that crossed a process boundary. */
export const isDesktopResult = (value: unknown): value is DesktopResult<unknown> => {
  if (!isRecord(value)) return false;
  if (value.ok === true) return 'value' in value;
  if (value.ok !== false || !isRecord(value.error)) return false;
  const { code, message } = value.error;
  return typeof code === 'string' && ERROR_CODES.has(code) && typeof message === 'string';
};

/** Generic messages for failures that are not the user's doing. */
export const GENERIC_MESSAGES = {
  internal: '操作未能完成，请重试。如果问题反复出现，请联系技术支持。',
  ipcFailed: '与评估通主程序的通信中断，请保存工作后重新启动评估通。',
  untrustedSender: '该请求来自不受信任的页面，已被拒绝。',
  invalidArguments: '请求参数不正确，操作已取消。',
} as const satisfies Partial<Record<DesktopErrorCode, string>>;
