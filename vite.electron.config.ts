// Builds the Electron shell: dist-electron/main.cjs and dist-electron/preload.cjs.
// Two separate environments, not two inputs of one build: with one build, code shared by
// main and preload would become a shared chunk that the preload `require`s, and a sandboxed
// preload can require nothing but 'electron'. Only electron and Node built-ins stay external;
// zod and our own modules are bundled in.
import { rm } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { defineConfig } from 'vite';
import type { EnvironmentOptions } from 'vite';

const OUT_DIR = 'dist-electron';

const isExternal = (id: string): boolean =>
  id === 'electron' ||
  id.startsWith('electron/') ||
  id.startsWith('node:') ||
  builtinModules.includes(id);

const nodeBundle = (entry: string, fileName: string): EnvironmentOptions => ({
  consumer: 'server',
  resolve: { noExternal: true },
  build: {
    outDir: OUT_DIR,
    // Both environments write into the same folder; buildApp empties it once, up front.
    emptyOutDir: false,
    target: 'node22',
    ssr: true,
    minify: false,
    sourcemap: false,
    copyPublicDir: false,
    reportCompressedSize: false,
    rolldownOptions: {
      input: { [fileName]: entry },
      external: isExternal,
      output: {
        format: 'cjs',
        entryFileNames: `${fileName}.cjs`,
        // Everything in one file per entry: a sandboxed preload cannot load chunks.
        codeSplitting: false,
      },
    },
  },
});

export default defineConfig({
  publicDir: false,
  environments: {
    main: nodeBundle('electron/main/main.ts', 'main'),
    preload: nodeBundle('electron/preload/preload.ts', 'preload'),
  },
  builder: {
    buildApp: async (builder) => {
      const { main, preload } = builder.environments;
      if (main === undefined || preload === undefined) {
        throw new Error('vite.electron.config.ts: main and preload environments are missing');
      }
      // Stale files would otherwise be packed by electron-builder (files: dist-electron/**).
      for (const environment of [main, preload]) {
        const { root, build } = environment.config;
        await rm(path.resolve(root, build.outDir), { recursive: true, force: true });
      }
      await builder.build(main);
      await builder.build(preload);
    },
  },
});
