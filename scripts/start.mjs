// `npm start`: run the desktop app when the Electron binary is present; otherwise build the
// renderer and serve it as an offline web app on 127.0.0.1, saying where in one line.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { serveStatic } from './serve.mjs';

const require = createRequire(import.meta.url);
const quiet = { stdio: ['ignore', 'ignore', 'inherit'], shell: process.platform === 'win32' };

const electronBinary = () => {
  try {
    const path = require('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
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
  const { url } = await serveStatic('dist/renderer', port);
  console.log(
    `评估通 Pinggu: Electron binary not found, serving the app at ${url} (open it in Chromium or Edge; Ctrl+C stops)`,
  );
}
