// The app's own origin. The renderer is served from app://pinggu/ (see protocol.ts), and
// this origin is the only one allowed to navigate, call IPC or receive permissions.

export const APP_SCHEME = 'app';
export const APP_HOST = 'pinggu';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** The URL, or null for a string that does not parse. */
export const parseUrl = (url: string): URL | null => {
  try {
    return new URL(url);
  } catch {
    return null;
  }
};

/** True for app://pinggu/… with no port and no credentials. */
export const isAppUrl = (url: string): boolean => {
  const parsed = parseUrl(url);
  return (
    parsed !== null &&
    parsed.protocol === `${APP_SCHEME}:` &&
    // Node keeps a non-special scheme's host as written; Chromium lowercases standard schemes.
    parsed.host.toLowerCase() === APP_HOST &&
    parsed.username === '' &&
    parsed.password === ''
  );
};
