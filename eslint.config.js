import { builtinModules } from 'node:module';
import { readFileSync } from 'node:fs';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

/**
 * Every Node builtin, bare and with `node:`, and their subpaths (fs/promises), as one anchored
 * regex: a gitignore-style group would also match our own folders named like a builtin
 * (shared/domain/ against the `domain` module).
 */
const escapeRegex = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const nodeBuiltinRegex = `^(node:)?(${builtinModules.map(escapeRegex).join('|')})(/.*)?$`;
const nodeOnly = (message) => ({ regex: nodeBuiltinRegex, message });

/**
 * Where each dependency can run (one table, as Signal Desktop keeps one): 'any' is plain
 * JavaScript the core may use; 'node' needs Node or is only loaded by the Node adapters; 'renderer'
 * needs a browser; 'dev' is for tests and tools. tests/unit/layering.test.ts checks that every
 * dependency in package.json is classified here.
 */
export const DEPENDENCY_RUNTIMES = {
  '@tanstack/react-virtual': 'renderer',
  citeproc: 'any',
  echarts: 'node',
  fontkit: 'node',
  'html-to-text': 'any',
  lowdb: 'node',
  marked: 'any',
  minisearch: 'any',
  'pdfjs-dist': 'renderer',
  pdfmake: 'node',
  react: 'renderer',
  'react-dom': 'renderer',
  zod: 'any',
};

const packageJson = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const devPackages = Object.keys(packageJson.devDependencies ?? {});
/** Packages the pure core may not load at run time (their types it may import). */
const notForCore = [
  ...Object.entries(DEPENDENCY_RUNTIMES)
    .filter(([, runtime]) => runtime !== 'any')
    .map(([name]) => name),
  ...devPackages,
].flatMap((name) => [name, `${name}/*`]);

const hostPaths = { main: '**/main/*', server: '**/server/*', cli: '**/cli/*', preload: '**/preload/*' };
/** A host (Electron main, browser-mode server, CLI) may not import another; shared host code lives in electron/host-common. */
const hostRule = (self) => ({
  files: [`electron/${self}/**/*.ts`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            group: Object.entries(hostPaths)
              .filter(([name]) => name !== self)
              .map(([, path]) => path),
            message: 'Hosts do not import each other: move shared host code to electron/host-common/.',
          },
        ],
      },
    ],
  },
});

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    // The layering of DESIGN.md §7: the core (and the pure library patches it uses) is plain
    // TypeScript that any host can run. Node code lives in electron/adapters/ and electron/patches/node/.
    files: ['electron/core/**/*.ts', 'electron/shared/**/*.ts', 'electron/patches/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'react', 'react-dom'].map((name) => ({ name, message: 'Core code must not import Electron or React.' })),
          patterns: [
            nodeOnly('Core code must not use Node: put Node code in electron/adapters/ behind a port.'),
            { group: notForCore, allowTypeImports: true, message: 'Core code may load only packages classified "any" in DEPENDENCY_RUNTIMES (eslint.config.js); Node-only ones belong in electron/adapters/.' },
            { group: ['**/adapters/**', '**/patches/node/**'], message: 'Core code must not depend on a Node adapter: take it through a port.' },
            { group: ['**/main/*', '**/server/*', '**/cli/*', '**/preload/*', '**/host-common/*', '**/renderer/**'], message: 'Core code must not depend on a host.' },
          ],
        },
      ],
      'no-restricted-syntax': ['error', { selector: 'ImportExpression', message: 'Core code loads nothing dynamically: a lazy load is an adapter decision (electron/adapters/app/).' }],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer', 'require'],
    },
  },
  {
    // Adapters serve every host, so they may not lean on one.
    files: ['electron/adapters/**/*.ts', 'electron/patches/node/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/main/*', '**/server/*', '**/cli/*', '**/preload/*', '**/host-common/*', '**/renderer/**'], message: 'Adapters must not depend on a host.' }] },
      ],
    },
  },
  {
    files: ['electron/shared/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'react', 'react-dom'].map((name) => ({ name, message: 'The contract depends on nothing but zod.' })),
          patterns: [
            nodeOnly('The contract depends on nothing but zod.'),
            { group: ['**/core/**'], message: 'The contract depends on nothing but zod.' },
            { group: notForCore, allowTypeImports: true, message: 'Shared code may load only packages classified "any" in DEPENDENCY_RUNTIMES.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer must not use Electron: call the ApiClient.' }],
          patterns: [
            nodeOnly('The renderer must not use Node: call the ApiClient.'),
            { group: ['**/electron/core/**', '**/electron/adapters/**', '**/electron/patches/**', '**/electron/main/**', '**/electron/server/**', '**/electron/cli/**', '**/electron/preload/**'], message: 'The renderer talks to the core only through the ApiClient.' },
          ],
        },
      ],
    },
  },
  {
    // A sandboxed preload can import no npm package but electron (FIELD-NOTES).
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '^(?!electron$|\\./channels$)', message: 'The preload imports only electron and its channel list.' }] }],
    },
  },
  hostRule('main'),
  hostRule('server'),
  hostRule('cli'),
);
