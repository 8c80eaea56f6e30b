import { chmod, copyFile, mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';

export const BACKUP_DIR = 'backups';
/** Rolling backups: at most this many per calendar day, for this many days. */
export const BACKUPS_PER_DAY = 10;
export const BACKUP_DAYS = 7;
/** A save makes a backup only when the newest one is older than this, so typing costs nothing. */
export const BACKUP_INTERVAL_MS = 5 * 60_000;

/** A backup being copied: named for its process, so one killed midway is swept at the next start. */
export const BACKUP_TEMP_PATTERN = /^\.dossier-.*\.json(\.\d+)?\.tmp$/;

const NAME = /^dossier-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z\.json$/;

export interface BackupEntry {
  name: string;
  path: string;
  createdAt: string;
  bytes: number;
}

const timeOf = (name: string): Date | null => {
  const match = NAME.exec(name);
  return match ? new Date(`${match[1]}T${match[2]}:${match[3]}:${match[4]}.${match[5]}Z`) : null;
};

export const isBackupName = (name: string): boolean => NAME.test(name);

export const listBackups = async (dataDir: string): Promise<BackupEntry[]> => {
  const dir = join(dataDir, BACKUP_DIR);
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const entries = await Promise.all(
    names.filter(isBackupName).map(async (name) => {
      const path = join(dir, name);
      const bytes = (await readFile(path)).byteLength;
      return { name, path, createdAt: timeOf(name)!.toISOString(), bytes };
    }),
  );
  return entries.sort((left, right) => right.createdAt.localeCompare(left.createdAt));
};

/** Keeps the newest BACKUPS_PER_DAY of each day, for the last BACKUP_DAYS days that have any. */
export const backupsToPrune = (names: readonly string[], now: Date): string[] => {
  const cutoff = now.getTime() - BACKUP_DAYS * 86_400_000;
  const byDay = new Map<string, string[]>();
  const prune: string[] = [];
  for (const name of [...names].filter(isBackupName).sort().reverse()) {
    const time = timeOf(name)!;
    if (time.getTime() < cutoff) {
      prune.push(name);
      continue;
    }
    const day = name.slice(8, 18);
    const list = byDay.get(day) ?? [];
    list.push(name);
    byDay.set(day, list);
    if (list.length > BACKUPS_PER_DAY) prune.push(name);
  }
  return prune;
};

/**
 * Copies the just-saved store into backups/ (temp file, then rename, so a crash never leaves a
 * torn backup) and prunes old ones. Failures are reported, never thrown into the save.
 */
export const takeBackup = async (storePath: string, dataDir: string, now: Date): Promise<string> => {
  const dir = join(dataDir, BACKUP_DIR);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const name = `dossier-${now.toISOString().replace(/:/g, '-').replace('.', '-')}.json`;
  const temp = join(dir, `.${name}.${process.pid}.tmp`);
  try {
    await copyFile(storePath, temp);
    await chmod(temp, 0o600);
    await rename(temp, join(dir, name));
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  for (const old of backupsToPrune(await readdir(dir), now)) await rm(join(dir, old), { force: true });
  return name;
};
