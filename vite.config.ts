// Renderer build. The production HTML gets a strict Content-Security-Policy;
// the dev server needs inline preamble scripts and a websocket, so it runs without it.
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
// With the extension: Vite's config loader resolves it without the bundler's help.
import { CONTENT_SECURITY_POLICY } from './shared/ipc/csp.ts';

// The policy lives in a pure module so the Electron shell can send the same one as a header.
export { CONTENT_SECURITY_POLICY };

const cspPlugin = (): Plugin => ({
  name: 'pinggu-csp',
  apply: 'build',
  transformIndexHtml: () => [
    {
      tag: 'meta',
      attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
      injectTo: 'head-prepend',
    },
  ],
});

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), cspPlugin()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    sourcemap: false,
  },
  server: { host: '127.0.0.1', port: 5173 },
});
