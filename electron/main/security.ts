// The shell's security posture as plain functions: what may navigate, what may open, what
// may be requested, which headers every app response carries. main.ts only wires them up.
import { CONTENT_SECURITY_POLICY_HEADER } from '../../shared/ipc/csp';
import { isAppUrl, parseUrl } from './appOrigin';

/** Only the app's own pages may be loaded in a window; everything else stays out. */
export const isAllowedNavigation = (url: string): boolean => isAppUrl(url);

/**
 * Origins a link may open in the user's browser. The app is offline; the one site a panel
 * member may be sent to is the provincial department's. Exact https origins only.
 */
export const EXTERNAL_ORIGIN_ALLOW_LIST: readonly string[] = ['https://kjt.ln.gov.cn'];

export const allowedExternalUrl = (url: string): boolean => {
  const parsed = parseUrl(url);
  return (
    parsed !== null &&
    parsed.protocol === 'https:' &&
    parsed.username === '' &&
    parsed.password === '' &&
    EXTERNAL_ORIGIN_ALLOW_LIST.includes(parsed.origin)
  );
};

/** Schemes the renderer's session may fetch from; everything else (http, file…) is cancelled. */
export const isAllowedRequestUrl = (url: string): boolean => {
  if (isAppUrl(url)) return true;
  const parsed = parseUrl(url);
  return parsed !== null && ['data:', 'blob:', 'devtools:'].includes(parsed.protocol);
};

export type WindowOpenResponse = { action: 'deny' };

/**
 * `window.open` and target=_blank never create a window. An allow-listed https link is
 * handed to the system browser instead; anything else is dropped.
 */
export const createWindowOpenHandler =
  (openExternal: (url: string) => void) =>
  (details: { url: string }): WindowOpenResponse => {
    if (allowedExternalUrl(details.url)) openExternal(details.url);
    return { action: 'deny' };
  };

/**
 * Permission requests are denied, with one exception: the app's own origin may ask for
 * persistent storage, so Chromium never evicts the IndexedDB that holds the panel's scores
 * when the disk runs low.
 */
export const isPermissionGranted = (permission: string, requestingUrl: string): boolean =>
  permission === 'persistent-storage' && isAppUrl(requestingUrl);

export const permissionRequestHandler = (
  _webContents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: { requestingUrl?: string },
): void => {
  callback(isPermissionGranted(permission, details.requestingUrl ?? ''));
};

export const permissionCheckHandler = (
  _webContents: unknown,
  permission: string,
  requestingOrigin: string,
): boolean => isPermissionGranted(permission, requestingOrigin);

/** Headers on every response from app://pinggu (see protocol.ts). */
export const buildSecurityHeaders = (): Record<string, string> => ({
  'Content-Security-Policy': CONTENT_SECURITY_POLICY_HEADER,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
});

export type SenderFrame = { readonly url: string; readonly parent: unknown } | null | undefined;

/** IPC is answered only for the app's own top-level frame. */
export const isTrustedSenderFrame = (frame: SenderFrame): boolean =>
  frame !== null && frame !== undefined && frame.parent === null && isAppUrl(frame.url);

export type NavigationEvent = { readonly url: string; preventDefault(): void };

/** For 'will-navigate', 'will-frame-navigate' and 'will-redirect': stop anything foreign. */
export const guardNavigation = (event: NavigationEvent): void => {
  if (!isAllowedNavigation(event.url)) event.preventDefault();
};
