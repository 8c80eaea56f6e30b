import type { Handlers } from './dispatch';
import type { StoreDocument } from './store/document';
import type { Store } from './store/store';
import { createAppHandlers } from './app-handlers';

export interface AppDependencies {
  store: Store;
  dataDir: string;
  /** The first library, built from seeds/; used by store:start-fresh. */
  seed: () => StoreDocument;
  now: () => Date;
}

/** Builds the whole application from its dependencies; every host serves this same object. */
export const createApp = (dependencies: AppDependencies): Handlers => ({
  ...createAppHandlers(dependencies),
});
