import { app, dialog } from 'electron';
import { openApp } from '../adapters/app/open-app';
import { resolveDataDir } from '../adapters/app/paths';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { createElectronHostActions } from './host-actions';
import { registerIpcHandlers } from './ipc';
import { installSecurityGuards } from './security';
import { createMainWindow } from './window';

// One writer of the store: a second instance hands over to the first and quits.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  installSecurityGuards();
  const explicitDir = process.argv.includes('--data-dir') || process.env.DOSSIER_DATA_DIR;
  const dataDir = explicitDir ? resolveDataDir(process.argv) : app.getPath('userData');

  app.whenReady().then(async () => {
    serveRenderer(join(dirname(fileURLToPath(import.meta.url)), '../renderer'));
    const opened = await openApp(dataDir, { host: createElectronHostActions(), lockKind: 'app' });
    registerIpcHandlers(opened.dispatch);
    let window = createMainWindow();
    opened.warmUpSoon();
    app.on('second-instance', () => {
      if (window.isMinimized()) window.restore();
      window.focus();
    });
    app.on('activate', () => {
      if (window.isDestroyed()) window = createMainWindow();
    });
    app.on('before-quit', () => {
      void opened.close();
    });
  }).catch((error: unknown) => {
    dialog.showErrorBox('Dossier could not start', error instanceof Error ? error.message : String(error));
    app.exit(1);
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
