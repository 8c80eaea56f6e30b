import { readFileSync, unlinkSync } from 'node:fs';
import { readFile, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { DossierError } from '../../core/errors';

/**
 * One writer per data folder, across Electron, the browser-mode server and the CLI: the writer
 * holds `dossier.lock` (created exclusively) naming its process. Two writers each holding the
 * library in memory and saving it whole would erase each other's acknowledged edits.
 *
 * A lock left by a process that died (a crash, SIGKILL, a power cut) is stale and taken over: its
 * process is gone, or its pid now belongs to a process that started at another time (the start
 * time in Linux's /proc). A lock written by another host (a shared folder) is always respected.
 */
export const LOCK_FILE_NAME = 'dossier.lock';

export type LockKind = 'app' | 'server' | 'cli';

export interface LockHolder {
  pid: number;
  kind: LockKind;
  host: string;
  /** When the lock was taken. */
  since: string;
  /** The process's start time in clock ticks since boot (Linux), to tell a reused pid apart. */
  processStart: string | null;
}

const KIND_NAMES: Record<LockKind, string> = {
  app: 'the Dossier app',
  server: 'Dossier in browser mode (npm start)',
  cli: 'a Dossier command-line command',
};

export const describeHolder = (holder: LockHolder): string =>
  `${KIND_NAMES[holder.kind] ?? 'another Dossier process'} (process ${holder.pid}, since ${holder.since.slice(0, 19).replace('T', ' ')} UTC)`;

/** Fields 3 (state) and 22 (start time) of /proc/PID/stat; null where /proc is not there. */
const procStat = (pid: number): { state: string; start: string } | null => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: count fields after it.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0] ?? '', start: fields[19] ?? '' };
  } catch {
    return null;
  }
};

const processStartOf = (pid: number): string | null => procStat(pid)?.start ?? null;

const isAlive = (holder: LockHolder): boolean => {
  if (holder.host !== hostname()) return true; // a folder shared with another machine: assume it is in use
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const stat = procStat(holder.pid);
  if (stat === null) return true; // no /proc: the pid answered, so assume it is the holder
  // A killed process its parent has not reaped yet is a zombie: dead, its lock stale.
  if (stat.state === 'Z' || stat.state === 'X') return false;
  return holder.processStart === null || stat.start === holder.processStart;
};

const parseHolder = (text: string): LockHolder | null => {
  try {
    const value = JSON.parse(text) as Partial<LockHolder>;
    if (typeof value.pid !== 'number' || typeof value.host !== 'string' || typeof value.since !== 'string') return null;
    return { pid: value.pid, kind: (value.kind ?? 'app') as LockKind, host: value.host, since: value.since, processStart: value.processStart ?? null };
  } catch {
    return null;
  }
};

/** Who holds the folder's lock now, if a live process does. */
export const lockHolder = async (dataDir: string): Promise<LockHolder | null> => {
  let text: string;
  try {
    text = await readFile(join(dataDir, LOCK_FILE_NAME), 'utf8');
  } catch {
    return null;
  }
  const holder = parseHolder(text);
  return holder && isAlive(holder) ? holder : null;
};

export class LibraryLockedError extends DossierError {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    super('CONFLICT', `The library in ${dataDir} is open in ${describeHolder(holder)}. Only one program may change it at a time: close that one first, or make the change there.`);
    this.name = 'LibraryLockedError';
  }
}

export interface LibraryLock {
  readonly holder: LockHolder;
  release(): void;
}

const held = new Map<string, LockHolder>();
let exitHookInstalled = false;

const releaseSync = (path: string, holder: LockHolder): void => {
  try {
    const current = parseHolder(readFileSync(path, 'utf8'));
    if (current && current.pid === holder.pid && current.since === holder.since) unlinkSync(path);
  } catch {
    // already gone
  }
};

/** Takes the folder's lock or throws LibraryLockedError naming the live holder. */
export const acquireLibraryLock = async (dataDir: string, kind: LockKind, now: () => Date = () => new Date()): Promise<LibraryLock> => {
  const path = join(dataDir, LOCK_FILE_NAME);
  const holder: LockHolder = { pid: process.pid, kind, host: hostname(), since: now().toISOString(), processStart: processStartOf(process.pid) };
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      await writeFile(path, `${JSON.stringify(holder)}\n`, { flag: 'wx', mode: 0o600 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const current = parseHolder(await readFile(path, 'utf8').catch(() => ''));
      if (current && isAlive(current)) {
        // This process opening a folder it already holds is a second writer too.
        throw new LibraryLockedError(dataDir, current);
      }
      await unlink(path).catch(() => undefined); // stale: its process is gone
      continue;
    }
    held.set(path, holder);
    if (!exitHookInstalled) {
      exitHookInstalled = true;
      process.once('exit', () => {
        for (const [lockPath, lockHolderEntry] of held) releaseSync(lockPath, lockHolderEntry);
      });
    }
    return {
      holder,
      release: () => {
        if (held.get(path) !== holder) return;
        held.delete(path);
        releaseSync(path, holder);
      },
    };
  }
  throw new DossierError('CONFLICT', `The lock ${path} could not be taken; another program keeps replacing it.`);
};
