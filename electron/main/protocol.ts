// Serves the built renderer (dist/renderer) from app://pinggu/ instead of file://, so pages
// get a real origin ('self' in the CSP, IndexedDB, module scripts) and nothing else on disk
// is reachable. Mapping a URL to a file is a pure function that refuses anything that could
// climb out of the root; the handler adds the security headers to every response.
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { APP_HOST, APP_SCHEME } from './appOrigin';
import { buildSecurityHeaders } from './security';

/** Pass to protocol.registerSchemesAsPrivileged before the app is ready. */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: {
    standard: true, // real origin, relative URLs, path normalisation
    secure: true, // treated like https: secure context for crypto.subtle, storage
    supportFetchAPI: true,
    codeCache: true,
    // No bypassCSP, no service workers, no CORS for other origins.
  },
} as const;

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

export const mimeTypeFor = (filePath: string): string =>
  MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';

export type ResolvedAppFile = { readonly filePath: string; readonly mimeType: string };

const MAX_URL_LENGTH = 4096;
// Scheme and host exactly, then an optional path, then an optional query or fragment. A port,
// credentials or any other host make the match fail.
const APP_URL = new RegExp(`^${APP_SCHEME}://${APP_HOST}(/[^?#]*)?(?:[?#].*)?$`, 'is');
// eslint-disable-next-line no-control-regex -- control characters are exactly what we reject
const UNSAFE_IN_SEGMENT = /[/\\:\u0000-\u001f\u007f]/;
const WINDOWS_DEVICE_NAMES = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\.|$)/i;

const decodeSegment = (segment: string): string | null => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
};

/**
 * Maps app://pinggu/<path> to a file inside rootDir, or null. Works on the raw URL string so
 * that '..', '%2e%2e', backslashes, encoded separators and empty segments are refused before
 * any URL parser can normalise them away.
 */
export const resolveAppUrlToFile = (url: string, rootDir: string): ResolvedAppFile | null => {
  if (url.length > MAX_URL_LENGTH || url.includes('\\')) return null;
  const match = APP_URL.exec(url);
  if (match === null) return null;
  const rawPath = match[1] ?? '/';
  const rawSegments = rawPath === '/' ? ['index.html'] : rawPath.slice(1).split('/');
  const segments: string[] = [];
  for (const raw of rawSegments) {
    const segment = decodeSegment(raw);
    if (
      segment === null ||
      segment === '' ||
      segment === '.' ||
      segment === '..' ||
      UNSAFE_IN_SEGMENT.test(segment) ||
      WINDOWS_DEVICE_NAMES.test(segment)
    ) {
      return null;
    }
    segments.push(segment);
  }
  const root = path.resolve(rootDir);
  const filePath = path.resolve(root, ...segments);
  const relative = path.relative(root, filePath);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return null;
  return { filePath, mimeType: mimeTypeFor(filePath) };
};

export type AppRequest = { readonly url: string; readonly method: string };
export type ReadFileBytes = (filePath: string) => Promise<Uint8Array<ArrayBuffer>>;

const readFileBytes: ReadFileBytes = async (filePath) => new Uint8Array(await readFile(filePath));

const textResponse = (status: number, text: string): Response =>
  new Response(text, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', ...buildSecurityHeaders() },
  });

/** The handler for protocol.handle('app', …). */
export const createAppProtocolHandler =
  (rootDir: string, read: ReadFileBytes = readFileBytes) =>
  async (request: AppRequest): Promise<Response> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return textResponse(405, 'Method Not Allowed');
    }
    const resolved = resolveAppUrlToFile(request.url, rootDir);
    if (resolved === null) return textResponse(404, 'Not Found');
    try {
      const body = await read(resolved.filePath);
      return new Response(request.method === 'HEAD' ? null : body, {
        status: 200,
        headers: {
          'Content-Type': resolved.mimeType,
          'Cache-Control': 'no-cache',
          ...buildSecurityHeaders(),
        },
      });
    } catch {
      // Missing or unreadable (e.g. a directory). No fallback to index.html: with Vite's
      // relative base, client-side routes must live in the hash, not the path.
    }
    return textResponse(404, 'Not Found');
  };
