import { spawnSync } from 'node:child_process';

/**
 * Mounts a tiny tmpfs at `dir` so a test can fill the disk for real. Needs root (or the right
 * capabilities); returns false when mounting is not allowed, so the caller can skip with a reason.
 */
export const mountSmallDisk = (dir: string, kilobytes: number): boolean =>
  spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${kilobytes}k`, 'tmpfs', dir], { stdio: 'ignore' }).status === 0;

export const unmount = (dir: string): void => {
  spawnSync('umount', [dir], { stdio: 'ignore' });
};
