import { randomUUID } from 'node:crypto';
import { createApp } from '../app';
import { createDispatch, type Dispatch } from '../dispatch';
import type { HostActions } from '../reports/report-ports';
import type { Store } from '../store/store';
import { openJsonStore } from './json-store';
import { checkLibraryPatches } from './library-versions';
import { createLazyChartRenderer, createLazyReportRenderer } from './lazy-renderers';
import { loadSeedDocument } from './seeds';

export interface OpenedApp {
  dispatch: Dispatch;
  store: Store;
  dataDir: string;
}

/** Opens the store in `dataDir` (creating it from seeds/ on first start) and builds the app. */
export const openApp = async (dataDir: string, options: { seedDir?: string; now?: () => Date; host?: HostActions } = {}): Promise<OpenedApp> => {
  checkLibraryPatches();
  const now = options.now ?? (() => new Date());
  const seed = () => loadSeedDocument(options.seedDir, now());
  const store = await openJsonStore({ dataDir, seed, now });
  const handlers = createApp({
    store,
    dataDir,
    seed,
    now,
    newId: (prefix) => `${prefix}-${randomUUID()}`,
    renderer: createLazyReportRenderer(),
    charts: createLazyChartRenderer(),
    host: options.host,
  });
  const dispatch = createDispatch(handlers, (error) => console.error('[dossier] internal error:', error));
  return { dispatch, store, dataDir };
};
