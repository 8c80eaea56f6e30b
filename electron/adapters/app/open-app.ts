import { randomUUID } from 'node:crypto';
import { createApp } from '../../core/app';
import { createDispatch, type Dispatch } from '../../core/dispatch';
import type { HostActions } from '../../core/reports/report-ports';
import type { Store } from '../../core/store/store';
import { openJsonStore, type JsonStore } from '../store/json-store';
import type { LockKind } from '../store/library-lock';
import { checkLibraryPatches } from '../../patches/node/check-versions';
import { createLazyChartDrawer, createLazyReportExporter } from './lazy-exporters';
import { loadSeedLibrary } from '../store/seed-files';

export interface OpenedApp {
  dispatch: Dispatch;
  store: Store & Pick<JsonStore, 'readOnlyBecause'>;
  dataDir: string;
  /** Saves what is pending and lets another program open the library. */
  close(): Promise<void>;
}

export interface OpenAppOptions {
  seedDir?: string;
  now?: () => Date;
  host?: HostActions;
  /** 'read' opens beside a running writer instead of failing (read-only CLI commands). */
  access?: 'write' | 'read';
  lockKind?: LockKind;
}

/**
 * Opens the store in `dataDir` (creating it from seeds/ on first start) and builds the app.
 * Throws LibraryLockedError when another live process holds the folder (library-lock.ts).
 */
export const openApp = async (dataDir: string, options: OpenAppOptions = {}): Promise<OpenedApp> => {
  checkLibraryPatches();
  const now = options.now ?? (() => new Date());
  const seed = () => loadSeedLibrary(options.seedDir, now());
  const store = await openJsonStore({ dataDir, seed, now, access: options.access, lockKind: options.lockKind });
  const handlers = createApp({
    store,
    dataDir,
    seed,
    now,
    newId: (prefix) => `${prefix}-${randomUUID()}`,
    renderer: createLazyReportExporter(),
    charts: createLazyChartDrawer(),
    host: options.host,
  });
  const dispatch = createDispatch(handlers, (error) => console.error('[dossier] internal error:', error));
  return { dispatch, store, dataDir, close: () => store.close() };
};
