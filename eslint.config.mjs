// Lint rules for the three runtimes. The boundary rules are the point:
// shared/ is pure TypeScript, renderer/ never reaches Node or Electron,
// electron/ never reaches the renderer.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const runtimeImports = [
  'react',
  'react-dom',
  'react-*',
  'dexie',
  'dexie-*',
  'electron',
  'antd',
  'recharts',
  'i18next',
  'react-i18next',
  'fake-indexeddb',
  'playwright-core',
];
const nodeBuiltins = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'child_process',
  'crypto',
  'http',
  'https',
  'net',
  'url',
  'util',
  'stream',
  'zlib',
  'worker_threads',
  'buffer',
  'events',
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'dist-electron/',
      'dist-cli/',
      'release/',
      'tests/e2e/artifacts/',
      'coverage/',
      '.bench/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports' }],
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: runtimeImports,
              message: 'shared/ is pure TypeScript: no React, Dexie, Electron or UI imports.',
            },
            { group: nodeBuiltins, message: 'shared/ is pure TypeScript: no Node built-ins.' },
            {
              group: ['**/renderer/**', '**/electron/**'],
              message: 'shared/ must not import from renderer/ or electron/.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'navigator',
        'localStorage',
        'indexedDB',
        'process',
        'require',
        'Buffer',
        '__dirname',
      ],
    },
  },
  {
    // The demo must be byte-identical in Node and Chromium: ICU collation differs between them.
    files: ['shared/demo/**/*.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          property: 'localeCompare',
          message: 'Locale collation differs between engines; use compareText.',
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', ...nodeBuiltins],
              message: 'renderer/ runs in the browser: reach the desktop through DesktopApi.',
            },
            { group: ['**/electron/**'], message: 'renderer/ must not import from electron/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/renderer/**', 'react', 'react-dom', 'dexie', 'antd'],
              message: 'electron/ is the Node shell: no renderer imports.',
            },
          ],
        },
      ],
    },
  },
  {
    // The secretariat CLI runs in Node on top of shared/ only.
    files: ['cli/**/*.{ts,mjs}'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: runtimeImports,
              message:
                'cli/ runs in Node on top of shared/: no React, Dexie, Electron or UI imports.',
            },
            {
              group: ['**/renderer/**', '**/electron/**'],
              message: 'cli/ must not import from renderer/ or electron/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['tests/**/*.{ts,tsx}', 'scripts/**/*.{ts,mjs}', '*.config.{ts,mjs}', 'vite.*.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'CallExpression[callee.object.name=/^(it|test|describe)$/][callee.property.name=/^(only|skip)$/]',
          message: 'No .only or .skip in committed tests.',
        },
      ],
    },
  },
  {
    files: [
      'vite.config.ts',
      'vite.electron.config.ts',
      'vite.cli.config.ts',
      'vitest.config.ts',
      'eslint.config.mjs',
    ],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
