import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PRELOAD_CHANNELS } from '../../../../electron/preload/channels';
import { channelNames } from '../../../../electron/shared/contract';
import { CONTENT_SECURITY_POLICY } from '../../../../electron/shared/csp';

describe('the API surface', () => {
  it('the preload exposes exactly the contract channels', () => {
    expect([...PRELOAD_CHANNELS].sort()).toEqual([...channelNames].sort());
  });

  it('channel names follow <area>:<verb>', () => {
    for (const name of channelNames) expect(name).toMatch(/^[a-z]+:[a-z-]+$/);
  });
});

describe('security baseline', () => {
  it('windows are isolated, sandboxed and without Node or webviews, written where the window is made', () => {
    // Read as the static audit reads it: the settings inside the one `new BrowserWindow({…})` call.
    const source = readFileSync('electron/main/window.ts', 'utf8');
    expect(source.match(/new BrowserWindow\(/g)).toHaveLength(1);
    const call = source.slice(source.indexOf('new BrowserWindow('), source.indexOf('});', source.indexOf('new BrowserWindow(')));
    for (const setting of ['contextIsolation: true', 'sandbox: true', 'nodeIntegration: false', 'nodeIntegrationInWorker: false', 'webviewTag: false', 'webSecurity: true', "disableBlinkFeatures: 'Auxclick'"]) {
      expect(call, setting).toContain(setting);
    }
  });

  it('the CSP starts from default-src none, and the page carries the same policy', () => {
    expect(CONTENT_SECURITY_POLICY.startsWith("default-src 'none'")).toBe(true);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-(inline|eval)|https?:|\*/);
    const html = readFileSync('renderer/index.html', 'utf8');
    const meta = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(CONTENT_SECURITY_POLICY);
  });
});
