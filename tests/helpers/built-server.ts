import { LAUNCH_LINE } from './launch-session';
import { spawn, type ChildProcess } from 'node:child_process';

export interface BuiltServer {
  url: string;
  child: ChildProcess;
  /** Everything the server has printed so far (stdout and stderr), for error messages. */
  output: () => string;
}

/** The bundle `npm start` runs in browser mode (npm test and npm run bench build it first). */
export const SERVER_BUNDLE = 'out/main/server.js';

/** Starts the built browser-mode server on `dataDir` and resolves with its URL once it listens. */
export const startBuiltServer = (dataDir: string): Promise<BuiltServer> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SERVER_BUNDLE, '--port', '0', '--no-open', '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const url = LAUNCH_LINE.exec(output)?.[1];
      if (url) resolve({ url, child, output: () => output });
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`browser-mode server exited (${code}):\n${output}`)));
  });

/**
 * SIGTERM, then SIGKILL after `graceMs`; resolves once the process has exited, so its data
 * folder can be removed (a server still saving into it makes that fail).
 */
export const stopProcess = async (child: ChildProcess, graceMs = 5_000): Promise<void> => {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
};
