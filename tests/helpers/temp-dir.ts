import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';

export const FIXTURE_SEEDS = resolve('tests/fixtures/seeds');

export const makeTempDir = (prefix = 'dossier-test-'): string => mkdtempSync(join(tmpdir(), prefix));

export const removeDir = (path: string): void => {
  spawnSync('chattr', ['-R', '-i', path], { stdio: 'ignore' });
  rmSync(path, { recursive: true, force: true });
};
