import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { electronBinary, reportMissingElectron } from './electron-binary';

/**
 * The app-wide guards of electron/main/security.ts, tried from inside the real renderer: navigation,
 * window.open, a new <webview>, permission prompts and network requests are each denied.
 */

const binary = electronBinary();
if (!binary) reportMissingElectron('security-guards');

test.describe('Electron security guards', () => {
  test.skip(!binary, 'the Electron binary is not installed on this machine');

  let app: ElectronApplication;
  let window: Page;
  let dataDir: string;

  test.beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'dossier-electron-guards-'));
    app = await electron.launch({ executablePath: binary!, args: ['out/main/index.js', '--data-dir', dataDir] });
    window = await app.firstWindow();
    await expect(window.getByTestId('count-sources')).toHaveText('5');
  });

  test.afterEach(async () => {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const contentsCount = () => app.evaluate(({ webContents }) => webContents.getAllWebContents().length);

  test('navigation away from the app is denied, by script and by a clicked link', async () => {
    const before = window.url();
    await window.evaluate(() => {
      globalThis.location.href = 'https://example.com/';
    });
    await expect(window.getByTestId('count-sources')).toHaveText('5');
    expect(window.url()).toBe(before);

    await window.evaluate(() => {
      const link = document.createElement('a');
      link.href = 'file:///etc/passwd';
      link.textContent = 'away';
      document.body.append(link);
      link.click();
      link.remove();
    });
    await expect(window.getByTestId('count-sources')).toHaveText('5');
    expect(window.url()).toBe(before);
  });

  test('window.open is denied and opens no window', async () => {
    const before = await contentsCount();
    const opened = await window.evaluate(() => [globalThis.open('https://example.com/'), globalThis.open('about:blank'), globalThis.open('')].map((handle) => handle === null));
    expect(opened).toEqual([true, true, true]);
    // A target=_blank link takes the same road.
    await window.evaluate(() => {
      const link = document.createElement('a');
      link.href = 'https://example.com/';
      link.target = '_blank';
      document.body.append(link);
      link.click();
      link.remove();
    });
    await expect(window.getByTestId('count-sources')).toHaveText('5');
    expect(app.windows()).toHaveLength(1);
    expect(await contentsCount()).toBe(before);
  });

  test('a <webview> added to the page gets no guest', async () => {
    const before = await contentsCount();
    const element = await window.evaluate(() => {
      const view = document.createElement('webview');
      view.setAttribute('src', 'https://example.com/');
      view.setAttribute('nodeintegration', '');
      document.body.append(view);
      const api = view as unknown as { getWebContentsId?: unknown; loadURL?: unknown };
      return { kind: view.constructor.name, guestApi: typeof api.getWebContentsId === 'function' || typeof api.loadURL === 'function' };
    });
    expect(element.guestApi).toBe(false);
    await expect(window.getByTestId('count-sources')).toHaveText('5');
    expect(await contentsCount()).toBe(before);
  });

  test('permission requests are denied: notifications, camera and microphone, location', async () => {
    const answers = await window.evaluate(async () => {
      const notification = await Notification.requestPermission();
      const media = await navigator.mediaDevices
        .getUserMedia({ audio: true, video: true })
        .then(() => 'granted')
        .catch((error: Error) => error.name);
      const location = await new Promise<string>((resolvePromise) => {
        navigator.geolocation.getCurrentPosition(
          () => resolvePromise('granted'),
          (error) => resolvePromise(error.code === error.PERMISSION_DENIED ? 'denied' : `error ${error.code}`),
          { timeout: 10_000 },
        );
      });
      const query = await navigator.permissions
        .query({ name: 'notifications' as PermissionName })
        .then((status) => status.state)
        .catch((error: Error) => error.name);
      return { notification, media, location, query };
    });
    expect(answers.notification).toBe('denied');
    expect(answers.media).toBe('NotAllowedError');
    expect(answers.location).toBe('denied');
    expect(answers.query).not.toBe('granted');
  });

  test('network requests from the renderer are cancelled', async () => {
    const outcome = await window.evaluate(() =>
      fetch('https://example.com/', { mode: 'no-cors' })
        .then(() => 'loaded')
        .catch((error: Error) => error.name),
    );
    expect(outcome).toBe('TypeError');
  });
});
