import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import type { StoreState } from '../../shared/contract/app';
import { DossierError } from '../errors';
import { CURRENT_SCHEMA_VERSION, storeDocumentSchema, type StoreDocument } from '../store/document';
import { migrate, MigrationError } from '../store/migrations';
import type { BackupInfo, Store, WriteState } from '../store/store';
import { BACKUP_DIR, BACKUP_INTERVAL_MS, isBackupName, listBackups, takeBackup } from './backups';

export const STORE_FILE_NAME = 'dossier.json';

const fileSafeTime = (date: Date): string => date.toISOString().replace(/[:.]/g, '-');

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));

interface OpenOptions {
  dataDir: string;
  /** Builds the first library; called only when no store file exists yet. */
  seed: () => StoreDocument;
  now?: () => Date;
}

/**
 * Opens (or creates) the store with lowdb's `Low` + `JSONFile`: steno writes a temp file and
 * renames it, and coalesces concurrent writes. Not the presets, which switch to memory under
 * NODE_ENV=test (FIELD-NOTES).
 */
export const openJsonStore = async ({ dataDir, seed, now = () => new Date() }: OpenOptions): Promise<Store> => {
  const path = join(dataDir, STORE_FILE_NAME);
  const adapter = new JSONFile<unknown>(path);
  let state: StoreState;
  let database: Low<StoreDocument> | null = null;
  let lastWrite: WriteState = { state: 'idle', at: null, message: null };
  let lastBackupAt = 0;
  let backupProblem: string | null = null;

  /** A rolling backup after a save, at most every BACKUP_INTERVAL_MS; never delays the save. */
  const maybeBackup = (): void => {
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
    const movedTo = join(dataDir, `dossier.corrupt-${fileSafeTime(now())}.json`);
    try {
      await rename(path, movedTo);
      return {
        state: 'corrupt',
        path,
        movedTo,
        message: `The library file ${path} could not be read (${reason}). It was moved to ${movedTo} and left untouched.`,
      };
    } catch (error) {
      return {
        state: 'unreadable',
        path,
        message: `The library file ${path} could not be read (${reason}) and could not be moved aside (${describe(error)}). Nothing was changed.`,
      };
    }
  };

  const create = async (document: StoreDocument): Promise<StoreState> => {
    database = new Low<StoreDocument>(adapter as JSONFile<StoreDocument>, document);
    database.data = document;
    try {
      await persist();
    } catch (error) {
      database = null;
      return { state: 'unreadable', path, message: `Could not create the library in ${dataDir}: ${describe(error)}` };
    }
    return { state: 'ready', path, schemaVersion: CURRENT_SCHEMA_VERSION };
  };

  const open = async (): Promise<StoreState> => {
    try {
      await mkdir(dataDir, { recursive: true });
    } catch (error) {
      return { state: 'unreadable', path, message: `The data folder ${dataDir} could not be created: ${describe(error)}` };
    }
    if (!existsSync(path)) return create(seed());

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
    const parsed = storeDocumentSchema.safeParse(migrated);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return moveAside(`it does not match the library format at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`);
    }

    database = new Low<StoreDocument>(adapter as JSONFile<StoreDocument>, parsed.data);
    database.data = parsed.data;
    if (found !== CURRENT_SCHEMA_VERSION) {
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
  // Creating the store may already have started a backup; never move the clock back.
  lastBackupAt = Math.max(lastBackupAt, new Date((await listBackups(dataDir))[0]?.createdAt ?? 0).getTime());
  if (state.state === 'ready') maybeBackup();

  /** Reads a backup through the same checks as the store itself; refuses one that fails them. */
  const readBackup = async (name: string): Promise<StoreDocument> => {
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
      return storeDocumentSchema.parse(migrated);
    } catch (error) {
      throw new DossierError('INVALID_INPUT', `The backup ${name} is not a readable library: ${describe(error).slice(0, 300)}`);
    }
  };

  /** Lets an in-flight save land before the file is moved. */
  const persistQueue = async (): Promise<void> => {
    if (database && state.state === 'ready' && lastWrite.state !== 'failed') await persist().catch(() => {});
  };

  const requireDocument = (): StoreDocument => {
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
    mutate: async (change) => {
      const result = change(requireDocument());
      await persist();
      return result;
    },
    startFresh: async (document) => {
      if (state.state === 'ready') throw new DossierError('CONFLICT', 'The library is open; it will not be replaced.');
      if (existsSync(path)) {
        throw new DossierError('CONFLICT', `${path} still exists; move it away first. Dossier never writes over it.`);
      }
      state = await create(document);
      if (state.state !== 'ready') throw new DossierError('STORE_UNAVAILABLE', state.message);
    },
    backups: async (): Promise<BackupInfo[]> =>
      (await listBackups(dataDir)).map(({ name, createdAt, bytes }) => ({ name, createdAt, bytes })),
    backupProblem: () => backupProblem,
    restoreBackup: async (name) => {
      const document = await readBackup(name);
      await persistQueue();
      if (existsSync(path)) {
        // The library being replaced is kept beside it, never overwritten.
        await rename(path, join(dataDir, `dossier.before-restore-${fileSafeTime(now())}.json`));
      }
      database = null;
      state = await create(document);
      if (state.state !== 'ready') throw new DossierError('STORE_WRITE_FAILED', state.message);
    },
    flush: async () => {
      if (database && state.state === 'ready' && lastWrite.state !== 'failed') await persist();
    },
  };
};
