import type { ImportProposer } from './import-proposal';
import type { LibraryState } from './library-state';

export interface LibraryContext {
  state: LibraryState;
  now: () => Date;
  newId: (prefix: string) => string;
  /** Where import:propose runs; in place when absent. */
  proposer?: ImportProposer;
}
