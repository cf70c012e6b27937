// One desktop call, from raw arguments to a typed result: validate against the contract, run
// the handler, and turn anything it throws into an 'internal' error value. Used by the
// Electron main process (behind the sender check) and by the browser implementation.
import { validateArgs } from './contract';
import type { DesktopCall, DesktopChannel, DesktopHandlers } from './contract';
import { fail, GENERIC_MESSAGES } from './result';
import type { DesktopResult } from './result';
import type { DesktopInvoke } from './buildDesktopApi';

export type UnexpectedErrorSink = (channel: DesktopChannel, error: unknown) => void;

export const dispatchDesktopCall = async <C extends DesktopChannel>(
  handlers: DesktopHandlers,
  channel: C,
  rawArgs: unknown,
  onUnexpected: UnexpectedErrorSink,
): Promise<DesktopResult<unknown>> => {
  const parsed = validateArgs(channel, rawArgs);
  if (!parsed.ok) return parsed;
  const handler: DesktopCall<C> = handlers[channel];
  try {
    return await handler(...parsed.value);
  } catch (error) {
    onUnexpected(channel, error);
    return fail('internal', GENERIC_MESSAGES.internal, errorName(error));
  }
};

// The name only (e.g. 'TypeError'): messages can carry paths and stacks carry code.
const errorName = (error: unknown): string =>
  error instanceof Error ? `handler threw ${error.name}` : 'handler threw a non-error value';

/** An in-process `invoke` over local handlers, for the browser implementation. */
export const createLocalInvoke =
  (handlers: DesktopHandlers, onUnexpected: UnexpectedErrorSink): DesktopInvoke =>
  (channel, ...args) =>
    dispatchDesktopCall(handlers, channel, args, onUnexpected);
