import type { StoreDocument } from '../../electron/core/store/document';

/**
 * The revision an item has now, for tests that edit as a script would (one writer, no stale
 * window): every save names the revision it last saw (issue 13 §2).
 */
export const revisionOf = (app: { store: { read(): StoreDocument } }, collection: 'facts' | 'sources' | 'reports' | 'charts', id: string): number =>
  app.store.read()[collection].find((item) => item.id === id)?.revision ?? 1;
