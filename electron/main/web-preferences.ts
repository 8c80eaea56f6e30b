import type { WebPreferences } from 'electron';

/** The settings every Dossier window gets; tests check them here and in a running app. */
export const secureWebPreferences = (preloadPath: string): WebPreferences => ({
  preload: preloadPath,
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webviewTag: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
  spellcheck: false,
  // Middle-click would otherwise try to open links in new windows (denied anyway by security.ts).
  disableBlinkFeatures: 'Auxclick',
});
