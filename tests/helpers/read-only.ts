import { chmodSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const canWrite = (dir: string): boolean => {
  const probe = join(dir, '.write-probe');
  try {
    writeFileSync(probe, 'x');
    rmSync(probe);
    return true;
  } catch {
    return false;
  }
};

/**
 * Makes `dir` truly read-only. chmod is enough for a normal user; root ignores mode bits, so
 * there we set the immutable attribute (chattr +i). Returns false when neither works, so the
 * caller can skip with a printed reason.
 */
export const makeReadOnly = (dir: string): boolean => {
  chmodSync(dir, 0o555);
  if (!canWrite(dir)) return true;
  spawnSync('chattr', ['+i', dir], { stdio: 'ignore' });
  return !canWrite(dir);
};

export const makeWritable = (dir: string): void => {
  spawnSync('chattr', ['-i', dir], { stdio: 'ignore' });
  chmodSync(dir, 0o755);
};
