import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';

/** The Electron binary, if this machine has one; Electron 42+ downloads it lazily and cannot here. */
const electronBinary = (): string | null => {
  const packageDir = resolve('node_modules/electron');
  const pathFile = join(packageDir, 'path.txt');
  if (process.env.ELECTRON_EXEC_PATH && existsSync(process.env.ELECTRON_EXEC_PATH)) return process.env.ELECTRON_EXEC_PATH;
  if (!existsSync(pathFile)) return null;
  const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8'));
  return existsSync(binary) ? binary : null;
};

const binary = electronBinary();
if (!binary) console.log('[electron e2e] skipped: the Electron binary is not installed here (node_modules/electron has no dist/; it cannot be downloaded on this machine).');

test.describe('Electron window', () => {
  test.skip(!binary, 'the Electron binary is not installed on this machine');

  test('opens with the security settings and shows the first screen', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'dossier-electron-'));
    const app = await electron.launch({ executablePath: binary!, args: ['out/main/index.js', '--data-dir', dataDir] });
    try {
      const window = await app.firstWindow();
      await expect(window.getByTestId('count-sources')).toHaveText('5');
      // Read the settings back from the renderer's side: no Node, isolated from the preload.
      const exposure = await window.evaluate(() => ({
        require: typeof (globalThis as { require?: unknown }).require,
        process: typeof (globalThis as { process?: unknown }).process,
        api: Object.keys((globalThis as { api?: object }).api ?? {}),
        opened: globalThis.open('https://example.com') === null,
      }));
      expect(exposure).toEqual({ require: 'undefined', process: 'undefined', api: ['invoke'], opened: true });
      const before = window.url();
      await window.evaluate(() => {
        globalThis.location.href = 'https://example.com/';
      });
      await expect(window.getByTestId('count-sources')).toHaveText('5');
      expect(window.url()).toBe(before);
    } finally {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
