import type { LibraryFile } from '../../electron/core/store/library-file';

/**
 * The revision an item has now, for tests that edit as a script would (one writer, no stale
 * window): every save names the revision it last saw (issue 13 §2).
 */
export const revisionOf = (app: { store: { read(): LibraryFile } }, collection: 'facts' | 'sources' | 'reports' | 'charts', id: string): number =>
  app.store.read()[collection].find((item) => item.id === id)?.revision ?? 1;
