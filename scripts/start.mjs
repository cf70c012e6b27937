// `npm start`: run the desktop app when the Electron binary is present; otherwise build the
// renderer and serve it as an offline web app on 127.0.0.1, saying where in one line.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from './serve.mjs';

const quiet = {
  stdio: ['ignore', 'ignore', 'inherit'],
  shell: process.platform === 'win32',
  env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
};

/**
 * The Electron executable if it is already on disk. Deliberately not `require('electron')`:
 * that starts a download when the binary is missing, which fails (noisily) offline.
 */
const electronBinary = () => {
  const packageDir = join('node_modules', 'electron');
  const pathFile = join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const candidate = override
    ? join(override, relative ?? 'electron')
    : relative
      ? join(packageDir, 'dist', relative)
      : null;
  return candidate && existsSync(candidate) ? candidate : null;
};

const run = (script) => {
  const result = spawnSync('npm', ['run', '--silent', script], quiet);
  if (result.status !== 0) {
    console.error(`评估通: "npm run ${script}" failed; see the messages above.`);
    process.exit(result.status ?? 1);
  }
};

const binary = electronBinary();
run('build:renderer');
if (binary) {
  run('build:electron');
  const child = spawn(binary, ['.'], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  const port = Number(process.env.PORT ?? 4173);
  // Another program on the usual port must not stop the app: fall back to any free port.
  const { url } = await serveStatic('dist/renderer', port).catch(() =>
    serveStatic('dist/renderer', 0),
  );
  console.log(
    `评估通 Pinggu: Electron binary not found, serving the app at ${url} (open it in Chromium or Edge; Ctrl+C stops)`,
  );
}
