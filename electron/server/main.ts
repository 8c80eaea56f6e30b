import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openApp } from '../adapters/app/open-app';
import { projectRoot, resolveDataDir } from '../adapters/app/paths';
import { startBrowserModeServer } from './server';

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    port: { type: 'string', default: '0' },
    'no-open': { type: 'boolean', default: false },
  },
  strict: true,
});

const openInBrowser = (url: string): void => {
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return;
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  const child = spawn(command, [url], { stdio: 'ignore', detached: true });
  child.on('error', () => {});
  child.unref();
};

const main = async () => {
  const rendererDir = join(projectRoot(), 'out', 'renderer');
  if (!existsSync(join(rendererDir, 'index.html'))) {
    console.error(`The renderer is not built (${rendererDir}). Run "npm run build" first, or use "npm start".`);
    process.exit(1);
  }
  const dataDir = resolveDataDir(values['data-dir'] ? ['--data-dir', values['data-dir']] : []);
  const app = await openApp(dataDir, { lockKind: 'server' });
  const state = app.store.state();
  if (state.state !== 'ready') console.error(`[dossier] ${state.message}`);
  const server = await startBrowserModeServer({ dispatch: app.dispatch, rendererDir, port: Number(values.port) });
  // The launch link works once: it gives this browser the session, and nobody else the app.
  console.log(`Dossier (browser mode): ${server.launchUrl}`);
  console.log(`Data: ${dataDir}`);
  if (!values['no-open']) openInBrowser(server.launchUrl);
  app.warmUpSoon();

  const shutdown = async () => {
    await server.close();
    await app.close().catch(() => {});
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
};

main().catch((error: unknown) => {
  console.error(`Dossier could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
