#!/usr/bin/env node
// The `pinggu` bin (package.json "bin"): runs the CLI that `npm install` / `npm ci` built
// into dist-cli/ through the `prepare` script (`npm run build:cli`).
import { existsSync } from 'node:fs';

const built = new URL('../dist-cli/pinggu.mjs', import.meta.url);

if (existsSync(built)) {
  await import(built.href);
} else {
  process.stderr.write(
    'pinggu: the command line is not built yet (dist-cli/pinggu.mjs is missing).\n' +
      'Run "npm run build:cli" in the Pinggu folder (npm install and npm ci do it), then try again.\n',
  );
  process.exitCode = 1;
}
