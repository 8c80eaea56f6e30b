import { existsSync } from 'node:fs';
import { chmod, copyFile, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import type { StoreState } from '../../shared/contract/app';
import { DossierError } from '../../core/errors';
import { CURRENT_SCHEMA_VERSION, libraryFileSchema, type LibraryFile } from '../../core/store/library-file';
import { migrate, MigrationError } from '../../core/store/migrations';
import type { BackupInfo, Store, WriteState } from '../../core/store/store';
import { BACKUP_DIR, BACKUP_INTERVAL_MS, BACKUP_TEMP_PATTERN, isBackupName, listBackups, takeBackup } from './backups';
import { DurableJsonFile, tempPrefixOf, type DurableIo } from './durable-json-file';
import { acquireLibraryLock, describeHolder, lockHolder, type LibraryLock, type LockKind } from './library-lock';

export const STORE_FILE_NAME = 'dossier.json';
/** Written when the library was moved aside; until the user chooses a way back, every start says so. */
export const RECOVERY_FILE_NAME = 'dossier.recovery.json';

const fileSafeTime = (date: Date): string => date.toISOString().replace(/[:.]/g, '-');

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));

interface OpenOptions {
  dataDir: string;
  /** Builds the first library; called only when no store file exists yet. */
  seed: () => LibraryFile;
  now?: () => Date;
  /**
   * 'write' (the default) takes the folder's lock or fails naming its holder. 'read' takes the
   * lock when it is free, and otherwise opens the library read-only beside its writer.
   */
  access?: 'write' | 'read';
  lockKind?: LockKind;
  /** The file operations of durable saves (tests watch them). */
  io?: DurableIo;
}

export interface JsonStore extends Store {
  /** Saves what is pending and releases the folder's lock. */
  close(): Promise<void>;
  /** Set when another process holds the lock and this store only reads. */
  readOnlyBecause(): string | null;
}

/** Owner-only: the library holds what the user collected, not for other accounts on the machine. */
const restrictToOwner = async (target: string, mode: number): Promise<void> => {
  try {
    const info = await stat(target);
    if (typeof process.getuid === 'function' && info.uid === process.getuid() && (info.mode & 0o777) !== mode) await chmod(target, mode);
  } catch {
    // not there, or not ours: left as it is
  }
};

/** Temp files of saves and backups that a killed process left behind (only the lock holder sweeps). */
const sweepTempFiles = async (dataDir: string, path: string): Promise<void> => {
  const prefix = tempPrefixOf(path);
  const sweep = async (folder: string, matches: (name: string) => boolean) => {
    const names = await readdir(folder).catch(() => [] as string[]);
    await Promise.all(names.filter(matches).map((name) => rm(join(folder, name), { force: true }).catch(() => undefined)));
  };
  await sweep(dataDir, (name) => name.startsWith(prefix) && name.endsWith('.tmp'));
  await sweep(join(dataDir, BACKUP_DIR), (name) => BACKUP_TEMP_PATTERN.test(name));
};

/**
 * Opens (or creates) the store with lowdb's `Low` over DurableJsonFile (a temp file per process,
 * fsynced, renamed, the folder fsynced). Not lowdb's presets, which switch to memory under
 * NODE_ENV=test (FIELD-NOTES).
 */
export const openJsonStore = async ({ dataDir, seed, now = () => new Date(), access = 'write', lockKind = 'app', io }: OpenOptions): Promise<JsonStore> => {
  const path = join(dataDir, STORE_FILE_NAME);
  const recoveryPath = join(dataDir, RECOVERY_FILE_NAME);
  const adapter = new DurableJsonFile<unknown>(path, io);
  let lock: LibraryLock | null = null;
  let readOnly: string | null = null;
  try {
    await mkdir(dataDir, { recursive: true, mode: 0o700 });
  } catch {
    // reported by open() below
  }
  const holder = access === 'read' ? await lockHolder(dataDir) : null;
  if (holder) readOnly = `The library is open in ${describeHolder(holder)}; this command only reads it.`;
  else if (existsSync(dataDir)) {
    try {
      lock = await acquireLibraryLock(dataDir, lockKind, now);
    } catch (error) {
      // A folder where not even the lock can be written (read-only, full) cannot be saved to
      // either: open() and the first save report that. Another live writer is an error here.
      if (error instanceof DossierError) throw error;
    }
  }
  /** A fresh library from the seeds, unchanged since: not backed up, so it never rotates real backups away. */
  let pristine = false;
  let state: StoreState;
  let database: Low<LibraryFile> | null = null;
  let lastWrite: WriteState = { state: 'idle', at: null, message: null };
  let lastBackupAt = 0;
  let backupProblem: string | null = null;

  /** A rolling backup after a save, at most every BACKUP_INTERVAL_MS; never delays the save. */
  const maybeBackup = (): void => {
    if (pristine || readOnly) return;
    const time = now();
    if (time.getTime() - lastBackupAt < BACKUP_INTERVAL_MS) return;
    lastBackupAt = time.getTime();
    takeBackup(path, dataDir, time).then(
      () => (backupProblem = null),
      (error: unknown) => (backupProblem = `The last backup failed: ${describe(error)}`),
    );
  };

  const persist = async (): Promise<void> => {
    if (!database) return;
    try {
      await database.write();
      lastWrite = { state: 'saved', at: now().toISOString(), message: null };
      maybeBackup();
    } catch (error) {
      lastWrite = {
        state: 'failed',
        at: now().toISOString(),
        message: `Could not save to ${path}: ${describe(error)}. Your changes are kept in memory and will be saved at the next successful save.`,
      };
      throw new DossierError('STORE_WRITE_FAILED', lastWrite.message ?? 'save failed');
    }
  };

  const moveAside = async (reason: string): Promise<StoreState> => {
    if (readOnly) return { state: 'unreadable', path, message: `The library file ${path} could not be read (${reason}). ${readOnly}` };
    const movedTo = join(dataDir, `dossier.corrupt-${fileSafeTime(now())}.json`);
    try {
      await rename(path, movedTo);
      const corrupt: StoreState = {
        state: 'corrupt',
        path,
        movedTo,
        message: `The library file ${path} could not be read (${reason}). It was moved to ${movedTo} and left untouched.`,
      };
      await writeFile(recoveryPath, `${JSON.stringify({ ...corrupt, at: now().toISOString() }, null, 2)}\n`, { mode: 0o600 });
      return corrupt;
    } catch (error) {
      return {
        state: 'unreadable',
        path,
        message: `The library file ${path} could not be read (${reason}) and could not be moved aside (${describe(error)}). Nothing was changed.`,
      };
    }
  };

  const create = async (document: LibraryFile, fromSeed: boolean): Promise<StoreState> => {
    if (readOnly) return { state: 'unreadable', path, message: `There is no library in ${dataDir} yet. ${readOnly}` };
    database = new Low<LibraryFile>(adapter as DurableJsonFile<LibraryFile>, document);
    database.data = document;
    pristine = fromSeed;
    try {
      await persist();
    } catch (error) {
      database = null;
      return { state: 'unreadable', path, message: `Could not create the library in ${dataDir}: ${describe(error)}` };
    }
    await rm(recoveryPath, { force: true });
    return { state: 'ready', path, schemaVersion: CURRENT_SCHEMA_VERSION };
  };

  /** The state a moved-aside library left for every later start, until the user chooses. */
  const pendingRecovery = async (): Promise<StoreState | null> => {
    try {
      const saved = JSON.parse(await readFile(recoveryPath, 'utf8')) as { movedTo?: unknown; message?: unknown };
      if (typeof saved.movedTo !== 'string' || typeof saved.message !== 'string') return null;
      return { state: 'corrupt', path, movedTo: saved.movedTo, message: `${saved.message} Choose a backup, or start a fresh library; until then Dossier changes nothing.` };
    } catch {
      return null;
    }
  };

  const open = async (): Promise<StoreState> => {
    try {
      await mkdir(dataDir, { recursive: true, mode: 0o700 });
    } catch (error) {
      return { state: 'unreadable', path, message: `The data folder ${dataDir} could not be created: ${describe(error)}` };
    }
    if (!readOnly) {
      await restrictToOwner(dataDir, 0o700);
      await restrictToOwner(path, 0o600);
      await sweepTempFiles(dataDir, path);
    }
    if (!existsSync(path)) return (await pendingRecovery()) ?? create(seed(), true);

    let raw: unknown;
    try {
      raw = await adapter.read();
    } catch (error) {
      if (error instanceof SyntaxError) return moveAside(`it is not valid JSON: ${error.message}`);
      return { state: 'unreadable', path, message: `The library file ${path} could not be read: ${describe(error)}` };
    }
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return moveAside('it does not hold a library object');

    const found = (raw as Record<string, unknown>).schemaVersion;
    if (typeof found === 'number' && found > CURRENT_SCHEMA_VERSION) {
      return {
        state: 'newer-schema',
        path,
        found,
        supported: CURRENT_SCHEMA_VERSION,
        message: `The library at ${path} was written by a newer version of Dossier (schema ${found}; this version reads up to ${CURRENT_SCHEMA_VERSION}). Update Dossier to open it. The file was not changed.`,
      };
    }

    let migrated = raw as Record<string, unknown>;
    if (found !== CURRENT_SCHEMA_VERSION) {
      try {
        migrated = migrate(migrated, CURRENT_SCHEMA_VERSION);
      } catch (error) {
        if (error instanceof MigrationError) return moveAside(error.message);
        throw error;
      }
    }
    const parsed = libraryFileSchema.safeParse(migrated);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return moveAside(`it does not match the library format at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`);
    }

    database = new Low<LibraryFile>(adapter as DurableJsonFile<LibraryFile>, parsed.data);
    database.data = parsed.data;
    if (!readOnly) await rm(recoveryPath, { force: true });
    if (found !== CURRENT_SCHEMA_VERSION && !readOnly) {
      // Keep the pre-migration file: a migration bug must not cost the user their library.
      try {
        await copyFile(path, join(dataDir, `dossier.pre-v${CURRENT_SCHEMA_VERSION}-${fileSafeTime(now())}.json`));
        await persist();
      } catch (error) {
        return { state: 'unreadable', path, message: `The library needs an upgrade but ${dataDir} is not writable: ${describe(error)}` };
      }
    }
    return { state: 'ready', path, schemaVersion: CURRENT_SCHEMA_VERSION };
  };

  state = await open();
  if (readOnly && state.state === 'ready') console.error(`[dossier] ${readOnly}`);
  // Creating the store may already have started a backup; never move the clock back.
  lastBackupAt = Math.max(lastBackupAt, new Date((await listBackups(dataDir))[0]?.createdAt ?? 0).getTime());
  if (state.state === 'ready') maybeBackup();

  /** Reads a backup through the same checks as the store itself; refuses one that fails them. */
  const readBackup = async (name: string): Promise<LibraryFile> => {
    if (!isBackupName(name)) throw new DossierError('INVALID_INPUT', `${name} is not the name of a Dossier backup.`);
    let raw: unknown;
    try {
      raw = JSON.parse(await readFile(join(dataDir, BACKUP_DIR, name), 'utf8'));
    } catch (error) {
      throw new DossierError('NOT_FOUND', `The backup ${name} could not be read: ${describe(error)}`);
    }
    const found = (raw as { schemaVersion?: unknown } | null)?.schemaVersion;
    if (typeof found === 'number' && found > CURRENT_SCHEMA_VERSION) {
      throw new DossierError('UNSUPPORTED', `The backup ${name} was written by a newer Dossier (schema ${found}).`);
    }
    try {
      const migrated = found === CURRENT_SCHEMA_VERSION ? raw : migrate(raw as Record<string, unknown>, CURRENT_SCHEMA_VERSION);
      return libraryFileSchema.parse(migrated);
    } catch (error) {
      throw new DossierError('INVALID_INPUT', `The backup ${name} is not a readable library: ${describe(error).slice(0, 300)}`);
    }
  };

  /** Lets an in-flight save land before the file is moved. */
  const persistQueue = async (): Promise<void> => {
    if (database && state.state === 'ready' && lastWrite.state !== 'failed' && !readOnly) await persist().catch(() => {});
  };

  const requireWritable = (): void => {
    if (readOnly) throw new DossierError('CONFLICT', readOnly.replace('this command only reads it', 'close it first to change the library here'));
  };

  const requireDocument = (): LibraryFile => {
    if (!database || state.state !== 'ready') {
      throw new DossierError('STORE_UNAVAILABLE', 'message' in state ? state.message : 'The library is not open.');
    }
    return database.data;
  };

  return {
    path,
    state: () => state,
    lastWrite: () => lastWrite,
    read: requireDocument,
    readOnlyBecause: () => readOnly,
    mutate: async (change) => {
      requireWritable();
      const result = change(requireDocument());
      pristine = false;
      await persist();
      return result;
    },
    startFresh: async (document) => {
      requireWritable();
      if (state.state === 'ready') throw new DossierError('CONFLICT', 'The library is open; it will not be replaced.');
      if (existsSync(path)) {
        throw new DossierError('CONFLICT', `${path} still exists; move it away first. Dossier never writes over it.`);
      }
      state = await create(document, true);
      if (state.state !== 'ready') throw new DossierError('STORE_UNAVAILABLE', state.message);
    },
    backups: async (): Promise<BackupInfo[]> =>
      (await listBackups(dataDir)).map(({ name, createdAt, bytes }) => ({ name, createdAt, bytes })),
    backupProblem: () => backupProblem,
    restoreBackup: async (name) => {
      requireWritable();
      const document = await readBackup(name);
      await persistQueue();
      if (existsSync(path)) {
        // The library being replaced is kept beside it, never overwritten.
        await rename(path, join(dataDir, `dossier.before-restore-${fileSafeTime(now())}.json`));
      }
      database = null;
      state = await create(document, false);
      if (state.state !== 'ready') throw new DossierError('STORE_WRITE_FAILED', state.message);
    },
    flush: async () => {
      if (database && state.state === 'ready' && lastWrite.state !== 'failed' && !readOnly) await persist();
    },
    close: async () => {
      try {
        if (database && state.state === 'ready' && lastWrite.state !== 'failed' && !readOnly) await persist();
      } finally {
        lock?.release();
        lock = null;
      }
    },
  };
};
