import { randomUUID } from 'node:crypto';
import { createApp } from '../../core/app';
import { createDispatch, type Dispatch } from '../../core/dispatch';
import type { HostActions } from '../../core/reports/report-ports';
import type { Store } from '../../core/store/store';
import { openJsonStore, type JsonStore } from '../store/json-store';
import type { LockKind } from '../store/library-lock';
import { checkLibraryPatches } from '../../patches/node/check-versions';
import { createInProcessServices } from '../workers/in-process-services';
import { createWorkerServices, type WorkBudgets } from '../workers/worker-services';
import { loadSeedLibrary } from '../store/seed-files';

export interface OpenedApp {
  dispatch: Dispatch;
  store: Store & Pick<JsonStore, 'readOnlyBecause'>;
  dataDir: string;
  /** Starts the export thread a little after start, so the user's first preview is quick. */
  warmUpSoon(delayMs?: number): void;
  /** Saves what is pending, stops the worker threads and lets another program open the library. */
  close(): Promise<void>;
}

export interface OpenAppOptions {
  seedDir?: string;
  now?: () => Date;
  host?: HostActions;
  /** 'read' opens beside a running writer instead of failing (read-only CLI commands). */
  access?: 'write' | 'read';
  lockKind?: LockKind;
  /** Time and memory budgets of the export and import threads (tests make them small). */
  budgets?: Partial<WorkBudgets>;
  /** 'in-process' runs exports on this thread, without budgets: only for the benchmark's stage timings. */
  threads?: 'workers' | 'in-process';
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
  // Exports, previews and imports run on worker threads within a budget: the API stays responsive.
  const workers = options.threads === 'in-process' ? createInProcessServices() : createWorkerServices(options.budgets);
  const handlers = createApp({
    store,
    dataDir,
    seed,
    now,
    newId: (prefix) => `${prefix}-${randomUUID()}`,
    exporter: workers.exporter,
    charts: workers.drawer,
    proposer: workers.proposer,
    host: options.host,
  });
  const dispatch = createDispatch(handlers, (error) => console.error('[dossier] internal error:', error));
  const close = async () => {
    await workers.close();
    await store.close();
  };
  return { dispatch, store, dataDir, warmUpSoon: workers.warmUpSoon, close };
};
