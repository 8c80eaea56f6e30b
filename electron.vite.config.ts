import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // server.js is the browser-mode host (`npm start` without Electron): the same core, bundled
      // the same way, so both hosts run the code that was built and tested. worker.js is the
      // export/import worker thread both start (adapters/workers).
      rolldownOptions: { input: { index: resolve('electron/main/index.ts'), server: resolve('electron/server/main.ts'), worker: resolve('electron/adapters/workers/worker-main.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload must be CommonJS (FIELD-NOTES).
      rolldownOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    // Relative asset URLs work both from file:// (Electron) and from the browser-mode server.
    base: './',
    plugins: [react()],
    build: {
      outDir: resolve('out/renderer'),
      rolldownOptions: { input: { index: resolve('renderer/index.html') } },
    },
  },
});
