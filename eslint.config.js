import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'http', 'url', 'util', 'stream', 'worker_threads'];

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
    // The layering of DESIGN.md §7: the core is plain TypeScript that any host can run.
    files: ['electron/core/**/*.ts', 'electron/shared/**/*.ts'],
    ignores: ['electron/core/node/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'react', 'react-dom'].map((name) => ({ name, message: 'Core code must not import Electron or React.' })),
          patterns: [
            { group: nodeBuiltins, message: 'Core code must not use Node: put Node adapters in electron/core/node/.' },
            { group: ['**/node/*', '**/main/*', '**/server/*', '**/cli/*', '**/renderer/**'], message: 'Core code must not depend on a host.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer', 'require'],
    },
  },
  {
    files: ['electron/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'react', 'react-dom'].map((name) => ({ name, message: 'The contract depends on nothing but zod.' })),
          patterns: [{ group: [...nodeBuiltins, '**/core/**'], message: 'The contract depends on nothing but zod.' }],
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
            { group: nodeBuiltins, message: 'The renderer must not use Node: call the ApiClient.' },
            { group: ['**/electron/core/**', '**/electron/main/**', '**/electron/server/**', '**/electron/cli/**', '**/electron/preload/**'], message: 'The renderer talks to the core only through the ApiClient.' },
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
);
