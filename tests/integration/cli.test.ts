import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir, removeDir } from '../helpers/temp-dir';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) removeDir(dir);
});
const tempDir = () => {
  const dir = makeTempDir();
  dirs.push(dir);
  return dir;
};

export const runCli = (args: string[], environment: Record<string, string> = {}) => {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli/main.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...environment },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
};

describe('command line', () => {
  it('status --json reports the data folder, schema version and the seeded counts', () => {
    const dir = tempDir();
    const { code, stdout } = runCli(['status', '--json', '--data-dir', dir]);
    expect(code).toBe(0);
    const status = JSON.parse(stdout);
    expect(status.dataDir).toBe(dir);
    expect(status.store).toMatchObject({ state: 'ready', schemaVersion: 3 });
    expect(status.counts.sources).toBe(5);
    expect(status.counts.facts).toBeGreaterThan(40);
    expect(status.counts.conflicts).toBeGreaterThan(0);
  });

  it('reads the data folder from DOSSIER_DATA_DIR', () => {
    const dir = tempDir();
    const { code, stdout } = runCli(['status'], { DOSSIER_DATA_DIR: dir });
    expect(code).toBe(0);
    expect(stdout).toContain(`Data folder:    ${dir}`);
  });

  it('a corrupt store: non-zero exit, the path named, the file moved aside untouched', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'dossier.json'), '{oops');
    const { code, stderr } = runCli(['status', '--data-dir', dir]);
    expect(code).toBe(1);
    const movedTo = /moved to (\S+\.json)/.exec(stderr)?.[1];
    expect(movedTo).toBeDefined();
    expect(readFileSync(movedTo!, 'utf8')).toBe('{oops');
  });

  it('--help lists the commands; unknown commands exit 2 with a hint', () => {
    const help = runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/status/);
    const unknown = runCli(['explode']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "explode"');
    expect(runCli(['status', '--data-dir']).code).toBe(2);
  });
});
