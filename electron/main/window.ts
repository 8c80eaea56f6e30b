import { BrowserWindow } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RENDERER_URL } from './app-protocol';
import { secureWebPreferences } from './web-preferences';

const here = dirname(fileURLToPath(import.meta.url));

/** The one function that creates windows, so no window escapes the security settings. */
export const createMainWindow = (): BrowserWindow => {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'Dossier',
    backgroundColor: '#f7f7f5',
    webPreferences: secureWebPreferences(join(here, '../preload/index.cjs')),
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(RENDERER_URL);
  return window;
};
