import type { StoreState } from '../../shared/contract/app';
import type { LibraryFile } from './library-file';

export interface BackupInfo {
  name: string;
  createdAt: string;
  bytes: number;
}

export interface WriteState {
  state: 'idle' | 'saved' | 'failed';
  at: string | null;
  message: string | null;
}

/**
 * The one writer of the library. Core services read the document and change it only through
 * `mutate`, which resolves once the change is on disk (so an acknowledged edit survives a crash).
 */
export interface Store {
  readonly path: string;
  state(): StoreState;
  lastWrite(): WriteState;
  /** The current document; throws STORE_UNAVAILABLE when the store could not be opened. */
  read(): LibraryFile;
  mutate<T>(change: (document: LibraryFile) => T): Promise<T>;
  /** After a failed open only: begins a new library from `seed`, never over the old file. */
  startFresh(seed: LibraryFile): Promise<void>;
  /** Rolling backups, newest first. */
  backups(): Promise<BackupInfo[]>;
  /** Why the last backup failed, if it did. */
  backupProblem(): string | null;
  /** Replaces the library with a backup, keeping the current file beside it. */
  restoreBackup(name: string): Promise<void>;
  /** Waits for pending writes (used at shutdown and in tests). */
  flush(): Promise<void>;
}
