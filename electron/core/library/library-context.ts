import type { LibraryState } from './library-state';

export interface LibraryContext {
  state: LibraryState;
  now: () => Date;
  newId: (prefix: string) => string;
}
