import { spawnSync } from 'node:child_process';

/** Runs the real CLI in a child process, as a user would. */
export const runCli = (args: string[], environment: Record<string, string> = {}) => {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli/main.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...environment },
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
};
