import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { electronBinary, reportMissingElectron } from './electron-binary';

const binary = electronBinary();
if (!binary) reportMissingElectron('electron-app');

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
