// Lint enforces the layer table of DEVELOPERS.md / docs/architecture.md:
// imports point one way only, and the pure layers never touch the DOM.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const domGlobals = ['window', 'document', 'localStorage', 'sessionStorage', 'navigator', 'self', 'indexedDB'].map((name) => ({
  name,
  message: 'The pure layers run in Node and in a worker: no DOM globals.',
}));
const hostOnly = ['setTimeout', 'setInterval', 'clearTimeout', 'clearInterval'].map((name) => ({
  name,
  message: 'Use the injected Clock so tests stay deterministic.',
}));

const uiPackages = [
  { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'React belongs to src/ui.' },
  { group: ['zustand', 'zustand/*'], message: 'zustand belongs to src/store.' },
  { group: ['comlink', 'comlink/*'], message: 'comlink belongs to src/worker.' },
  { group: ['@xterm/*', 'xterm', 'monaco-editor', 'monaco-editor/*'], message: 'Terminal and editor belong to src/ui.' },
];
const layer = (name) => ({ group: [`**/${name}/**`, `**/${name}`], message: `This layer may not import src/${name}.` });

/** @param {string[]} files @param {object[]} patterns @param {boolean} pure */
const rule = (files, patterns, pure) => ({
  files,
  ignores: ['**/*.test.ts'],
  rules: {
    'no-restricted-imports': ['error', { patterns }],
    ...(pure ? { 'no-restricted-globals': ['error', ...domGlobals, ...hostOnly] } : {}),
  },
});

export default tseslint.config(
  // Student code (lesson workspaces, fixtures, test data) is content, not Slipway source.
  { ignores: ['node_modules', 'dist', 'dist-*', '.scratch-*', '.tsbuild', 'test-results', 'test-results-*', 'playwright-report', 'e2e/screenshots', 'lessons/**', 'tests/fixtures/**', '**/testdata/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-control-regex': 'off',
    },
  },
  // src/os: the simulated OS primitives, a leaf imported by everything.
  rule(['src/os/**/*.ts'], [layer('engine'), layer('cli'), layer('shell'), layer('lessons'), layer('worker'), layer('store'), layer('ui'), ...uiPackages], true),
  // src/shell: pure; may use src/os only.
  rule(['src/shell/**/*.ts'], [layer('engine'), layer('cli'), layer('lessons'), layer('worker'), layer('store'), layer('ui'), ...uiPackages], true),
  // src/engine: the daemon; may use src/os and the pure shell (RUN and `sh` execute through it).
  rule(['src/engine/**/*.ts'], [layer('cli'), layer('lessons'), layer('worker'), layer('store'), layer('ui'), ...uiPackages], true),
  // src/cli: only the engine's public entry point, plus os and shell.
  rule(
    ['src/cli/**/*.ts'],
    [
      { group: ['**/engine/**', '!**/engine/index.js'], message: 'The CLI reaches the engine only through src/engine/index.ts.' },
      layer('lessons'), layer('worker'), layer('store'), layer('ui'), ...uiPackages,
    ],
    true,
  ),
  // src/lessons: pure; engine types only.
  rule(['src/lessons/**/*.ts'], [layer('cli'), layer('worker'), layer('store'), layer('ui'), ...uiPackages], true),
  // src/worker/session: the composition of engine + cli + shell, shared by the worker and the headless CLI.
  rule(['src/worker/session/**/*.ts'], [layer('store'), layer('ui'), ...uiPackages], true),
  // The service worker template: plain JS in the service worker's global scope.
  {
    files: ['src/sw/**/*.js'],
    languageOptions: {
      globals: { self: 'readonly', caches: 'readonly', fetch: 'readonly', URL: 'readonly', Request: 'readonly', __FILES__: 'readonly' },
    },
  },
  // Browser app: comlink only in src/worker, zustand only in src/store, React/xterm/Monaco only in src/ui (and main.tsx).
  rule(
    ['src/worker/**/*.ts'],
    [layer('store'), layer('ui'), ...uiPackages.filter((p) => !p.group.includes('comlink'))],
    false,
  ),
  rule(
    ['src/store/**/*.ts'],
    [layer('ui'), layer('engine'), layer('cli'), layer('shell'), ...uiPackages.filter((p) => !p.group.includes('zustand'))],
    false,
  ),
  // Relative patterns: a bare `**/shell/**` would also match monaco-editor's shell grammar. `./name` is
  // src/name only from src/main.tsx; from src/ui it is the UI's own folder (src/ui/lessons is the lesson pane).
  ...[
    [['src/ui/**/*.ts', 'src/ui/**/*.tsx'], ['..', '../..', '../../..']],
    [['src/main.tsx'], ['.']],
  ].map(([files, ups]) =>
    rule(
      files,
      [
        ...['engine', 'cli', 'shell', 'lessons', 'os'].map((name) => ({
          group: ups.map((up) => `${up}/${name}/**`),
          message: `The UI reaches src/${name} only through the worker.`,
        })),
        ...uiPackages.filter((p) => !p.group.includes('react') && !p.group.includes('@xterm/*')),
      ],
      false,
    ),
  ),
);
