import { app, session } from 'electron';

/**
 * App-wide guards installed before any window exists: nothing navigates away from the app,
 * opens windows, attaches webviews, asks for permissions or reaches the network.
 */
export const installSecurityGuards = (): void => {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
  app.whenReady().then(() => {
    const defaultSession = session.defaultSession;
    defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    defaultSession.setPermissionCheckHandler(() => false);
    // The app is offline by design: only its own files load.
    defaultSession.webRequest.onBeforeRequest((details, callback) => {
      const allowed = ['app://dossier/', 'file://', 'devtools://', 'data:', 'blob:'].some((prefix) => details.url.startsWith(prefix));
      callback({ cancel: !allowed });
    });
  });
};
