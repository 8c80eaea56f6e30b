import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base } from '@playwright/test';

export interface DossierServer {
  url: string;
  dataDir: string;
}

/** Starts browser mode on a fresh data folder: the built server, as `npm start` runs it (npm test builds first). */
const startServer = (dataDir: string): Promise<{ url: string; child: ChildProcess }> =>
  new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['out/main/server.js', '--port', '0', '--no-open', '--data-dir', dataDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /browser mode\): (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output)?.[1];
      if (url) resolvePromise({ url, child });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`browser-mode server exited (${code}):\n${output}`)));
  });

export const test = base.extend<{ dossier: DossierServer; initialStoreText: string | null; initialBackups: Record<string, string> }>({
  /** When set, written as dossier.json before the server starts (corrupt or foreign stores). */
  initialStoreText: [null, { option: true }],
  /** Backup files (name → text) placed in backups/ before the server starts. */
  initialBackups: [{}, { option: true }],
  dossier: async ({ initialStoreText, initialBackups }, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'dossier-e2e-'));
    if (initialStoreText !== null) writeFileSync(join(dataDir, 'dossier.json'), initialStoreText);
    if (Object.keys(initialBackups).length) mkdirSync(join(dataDir, 'backups'));
    for (const [name, text] of Object.entries(initialBackups)) writeFileSync(join(dataDir, 'backups', name), text);
    const { url, child } = await startServer(dataDir);
    await use({ url, dataDir });
    // A server busy with a render may be slow to stop; teardown must not outlast the test.
    const exited = child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolvePromise) => child.once('exit', resolvePromise));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
    rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';
