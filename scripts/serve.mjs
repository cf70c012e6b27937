// A tiny static server for the built renderer on 127.0.0.1: the plain offline web app.
// Used by `npm start` when the Electron binary is missing, and by the e2e tests.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

/** Serves `rootDir` on 127.0.0.1:`port` (0 = any free port). Resolves to { url, close }. */
export const serveStatic = (rootDir, port = 0) =>
  new Promise((resolvePromise, reject) => {
    const root = resolve(rootDir);
    const server = createServer(async (req, res) => {
      try {
        const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
        const candidate = normalize(join(root, pathname === '/' ? 'index.html' : pathname));
        if (candidate !== root && !candidate.startsWith(root + sep)) {
          res.writeHead(403).end();
          return;
        }
        const info = await stat(candidate).catch(() => null);
        const file = info?.isFile() ? candidate : join(root, 'index.html');
        const body = await readFile(file);
        res.writeHead(200, {
          'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
          'Cache-Control': 'no-cache',
          'X-Content-Type-Options': 'nosniff',
        });
        res.end(body);
      } catch {
        res.writeHead(500).end();
      }
    });
    server.on('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const actualPort = typeof address === 'object' && address ? address.port : port;
      resolvePromise({
        url: `http://127.0.0.1:${actualPort}/`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
