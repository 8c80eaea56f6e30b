import { defineConfig } from 'vitest/config';

/**
 * The long crash tests (servers killed mid-write, again and again): minutes, not seconds, so they
 * run apart from the unit suite as `npm run test:soak`; `npm test`, and so CI, still runs them.
 */
export default defineConfig({
  test: {
    include: ['tests/soak/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['tests/helpers/library-patches-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    maxWorkers: 2,
  },
});
