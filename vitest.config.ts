import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['tests/helpers/library-patches-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Two cores on CI: integration tests spawn child processes and render PDFs.
    maxWorkers: 2,
  },
});
