import { LAUNCH_LINE, launchSession } from '../helpers/launch-session';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { request } from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import { stopProcess } from '../helpers/built-server';
import { makeTempDir, removeDir } from '../helpers/temp-dir';

const dataDir = makeTempDir('dossier-start-');
afterAll(() => removeDir(dataDir));

const get = (url: string, path: string, headers: Record<string, string> = {}, body?: string) =>
  new Promise<{ status: number; text: string }>((resolve, reject) => {
    const target = new URL(path, url);
    const outgoing = request({ host: target.hostname, port: target.port, path: target.pathname, method: body ? 'POST' : 'GET', headers }, (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
    });
    outgoing.on('error', reject);
    if (body) outgoing.write(body);
    outgoing.end();
  });

describe('npm start', () => {
  it('builds, says in one line why Electron is not used, and serves browser mode with the seeded library', async () => {
    // Where Electron's binary is installed, npm start opens the window; ask for browser mode there.
    const hasElectron = existsSync('node_modules/electron/dist');
    const child = spawn(process.execPath, ['scripts/start.mjs', '--no-open'], {
      env: { ...process.env, DOSSIER_DATA_DIR: dataDir, ...(hasElectron ? { DOSSIER_BROWSER_MODE: '1' } : {}) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let output = '';
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no URL after 120 s:\n${output}`)), 120_000);
        const onData = (chunk: Buffer) => {
          output += chunk.toString();
          const match = LAUNCH_LINE.exec(output);
          if (match) {
            clearTimeout(timer);
            resolve(match[1]!);
          }
        };
        child.stdout.on('data', onData);
        child.stderr.on('data', onData);
        child.on('exit', (code) => reject(new Error(`npm start exited (${code}):\n${output}`)));
      });
      const electronLines = output.split('\n').filter((line) => /Electron/.test(line));
      // Where the binary exists the window opens instead; here it cannot be downloaded.
      expect(electronLines).toHaveLength(1);
      expect(electronLines[0]).toMatch(/^Electron is not available here \(.+\); starting browser mode\.$/);

      // The page and the API only for the browser that opened the one-time launch link.
      const base = new URL('/', url).href;
      expect((await get(base, '/')).status).toBe(403);
      const { secret, cookie } = await launchSession(url);
      const page = await get(base, '/', { cookie });
      expect(page.status).toBe(200);
      expect(page.text).not.toContain(secret);
      const status = await get(base, '/api/app:status', { 'content-type': 'application/json', cookie, host: new URL(url).host }, '{}');
      const parsed = JSON.parse(status.text) as { ok: boolean; value: { dataDir: string; counts: { sources: number; facts: number } } };
      expect(parsed.ok).toBe(true);
      expect(parsed.value.dataDir).toBe(dataDir);
      expect(parsed.value.counts.sources).toBe(5);
    } finally {
      // npm start forwards the signal; its server must be gone before its data folder is removed.
      await stopProcess(child, 10_000);
    }
  }, 180_000);
});
