#!/usr/bin/env node
// The differential render test, longer: `npm run soak [-- STEPS [SEED]]`. A new seed each run
// unless given (printed, so a failure can be replayed), a fresh-process comparison every 50 steps.
import { spawnSync } from 'node:child_process';

const steps = process.argv[2] ?? '2000';
const seed = process.argv[3] ?? String(Date.now() % 2147483647);
process.stdout.write(`soak: ${steps} edits, seed ${seed} (replay: npm run soak -- ${steps} ${seed})\n`);
const result = spawnSync('npx', ['vitest', 'run', 'tests/integration/differential-render.test.ts', '--testTimeout', '0'], {
  stdio: 'inherit',
  env: { ...process.env, DOSSIER_DIFF_STEPS: steps, DOSSIER_DIFF_SEED: seed, DOSSIER_DIFF_FRESH_EVERY: '50', DOSSIER_DIFF_PIXELS_EVERY: '10' },
});
process.exit(result.status ?? 1);
