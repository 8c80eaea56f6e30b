import type { Handlers } from './dispatch';
import type { StoreDocument } from './store/document';
import type { Store } from './store/store';
import { createAppHandlers } from './app-handlers';
import { createLibraryHandlers } from './library/library-handlers';
import { LibraryState } from './library/library-state';

export interface AppDependencies {
  store: Store;
  dataDir: string;
  /** The first library, built from seeds/; used by store:start-fresh. */
  seed: () => StoreDocument;
  now: () => Date;
  /** A new unique id with a readable prefix ("fact", "src", ...). */
  newId: (prefix: string) => string;
}

/** Builds the whole application from its dependencies; every host serves this same object. */
export const createApp = (dependencies: AppDependencies): Handlers => {
  const library = new LibraryState(dependencies.store);
  const context = { state: library, now: dependencies.now, newId: dependencies.newId };
  return {
    ...createAppHandlers(dependencies, library),
    ...createLibraryHandlers(context),
  };
};
