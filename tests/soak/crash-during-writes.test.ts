import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { STORE_FILE_NAME } from '../../electron/adapters/store/json-store';
import { libraryFileSchema } from '../../electron/core/store/library-file';
import { FIXTURE_SEEDS, makeTempDir, removeDir } from '../helpers/temp-dir';

const KILLS = 50;
const child = resolve('tests/fixtures/processes/write-loop.ts');
const dir = makeTempDir('dossier-crash-');
afterAll(() => removeDir(dir));

/** Runs the writer until it has acknowledged a few writes, then SIGKILLs it at a random moment. */
const runAndKill = (): Promise<number> =>
  new Promise((resolvePromise, reject) => {
    // `node --import tsx` runs the writer in this very process: the tsx CLI would fork a grandchild
    // that outlives the SIGKILL.
    const process = spawn(globalThis.process.execPath, ['--import', 'tsx', child, dir, FIXTURE_SEEDS], { stdio: ['ignore', 'pipe', 'pipe'] });
    let acknowledged = 0;
    let scheduled = false;
    let errors = '';
    process.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    process.stdout.on('data', (chunk: Buffer) => {
      for (const match of chunk.toString().matchAll(/ack (\d+)/g)) acknowledged = Math.max(acknowledged, Number(match[1]));
      if (!scheduled) {
        scheduled = true;
        setTimeout(() => process.kill('SIGKILL'), Math.random() * 40);
      }
    });
    process.on('close', (code, signal) => {
      if (signal === 'SIGKILL') resolvePromise(acknowledged);
      else reject(new Error(`writer exited with ${code}: ${errors}`));
    });
  });

describe('crash during writes', () => {
  it(`after ${KILLS} SIGKILLs mid-write the store parses and holds every acknowledged edit`, async () => {
    let previous = 0;
    for (let kill = 0; kill < KILLS; kill += 1) {
      const acknowledged = await runAndKill();
      const document = libraryFileSchema.parse(JSON.parse(readFileSync(join(dir, STORE_FILE_NAME), 'utf8')));
      const count = document.facts.length;
      // Either the old state (the last acknowledged write) or the new one (a write that landed
      // before its acknowledgement was printed): never less, never torn.
      expect(count).toBeGreaterThanOrEqual(Math.max(acknowledged, previous));
      expect(count).toBeLessThanOrEqual(Math.max(acknowledged, previous) + 1);
      expect(new Set(document.facts.map((fact) => fact.id)).size).toBe(count);
      previous = count;
    }
    console.log(`crash test: ${KILLS} kills, ${previous} facts on disk at the end`);
  }, 300_000);
});
