import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { secureWebPreferences } from '../../electron/main/web-preferences';
import { PRELOAD_CHANNELS } from '../../electron/preload/channels';
import { channelNames } from '../../electron/shared/contract';
import { CONTENT_SECURITY_POLICY } from '../../electron/shared/csp';

describe('the API surface', () => {
  it('the preload exposes exactly the contract channels', () => {
    expect([...PRELOAD_CHANNELS].sort()).toEqual([...channelNames].sort());
  });

  it('channel names follow <area>:<verb>', () => {
    for (const name of channelNames) expect(name).toMatch(/^[a-z]+:[a-z-]+$/);
  });
});

describe('security baseline', () => {
  it('windows are isolated, sandboxed and without Node or webviews', () => {
    expect(secureWebPreferences('/preload.cjs')).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      webSecurity: true,
    });
  });

  it('the CSP starts from default-src none, and the page carries the same policy', () => {
    expect(CONTENT_SECURITY_POLICY.startsWith("default-src 'none'")).toBe(true);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-(inline|eval)|https?:|\*/);
    const html = readFileSync('renderer/index.html', 'utf8');
    const meta = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(CONTENT_SECURITY_POLICY);
  });
});
