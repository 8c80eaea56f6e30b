import { BrowserWindow, dialog, shell } from 'electron';
import { writeFile } from 'node:fs/promises';
import type { HostActions } from '../core/reports/report-ports';

/**
 * The renderer never names a path: the user picks it in the system dialog, and only files
 * written that way in this session may be opened again (issue 6: paths cannot be steered).
 */
export const createElectronHostActions = (): HostActions => {
  const exported = new Set<string>();
  return {
    savePdf: async (bytes, suggestedName) => {
      const window = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
      const options = { defaultPath: suggestedName, filters: [{ name: 'PDF', extensions: ['pdf'] }] };
      const choice = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      if (choice.canceled || !choice.filePath) return { saved: false, path: null };
      await writeFile(choice.filePath, bytes);
      exported.add(choice.filePath);
      return { saved: true, path: choice.filePath };
    },
    openPath: async (path) => {
      if (!exported.has(path)) return false;
      return (await shell.openPath(path)) === '';
    },
  };
};
