// Builds the secretariat command line: dist-cli/pinggu.mjs, one ESM file for Node 20 with a
// shebang, run by the `pinggu` bin (cli/pinggu.mjs). Only Node built-ins stay external:
// zod and our own modules are bundled in, so the file runs from any working
// directory inside the package. `npm install` builds it (the `prepare` script).
import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';

const isExternal = (id: string): boolean => id.startsWith('node:') || builtinModules.includes(id);

export default defineConfig({
  publicDir: false,
  logLevel: 'warn',
  build: {
    outDir: 'dist-cli',
    emptyOutDir: true,
    target: 'node20',
    ssr: 'cli/main.ts',
    minify: false,
    sourcemap: false,
    copyPublicDir: false,
    reportCompressedSize: false,
    rolldownOptions: {
      external: isExternal,
      output: {
        format: 'es',
        entryFileNames: 'pinggu.mjs',
        banner: '#!/usr/bin/env node',
        // One file: the bin imports exactly this module.
        codeSplitting: false,
      },
    },
  },
  ssr: { noExternal: true, target: 'node' },
});
