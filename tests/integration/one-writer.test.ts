import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { open, rename } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BACKUP_DIR } from '../../electron/adapters/store/backups';
import type { DurableIo } from '../../electron/adapters/store/durable-json-file';
import { openJsonStore, RECOVERY_FILE_NAME, STORE_FILE_NAME } from '../../electron/adapters/store/json-store';
import { LibraryLockedError, LOCK_FILE_NAME } from '../../electron/adapters/store/library-lock';
import { openApp, type OpenedApp } from '../../electron/adapters/app/open-app';
import { loadSeedLibrary } from '../../electron/adapters/store/seed-files';
import { runCli } from '../helpers/run-cli';
import { FIXTURE_SEEDS, makeTempDir, removeDir } from '../helpers/temp-dir';

/**
 * Issue 13: nothing acknowledged is ever lost. Two programs on one library erased each other's
 * saves; a save was confirmed before it was on disk; a corrupt library was reported once and then
 * silently replaced; temp files of killed backups piled up; the files were readable by everyone.
 */

const dirs: string[] = [];
const apps: OpenedApp[] = [];
afterEach(async () => {
  for (const app of apps.splice(0)) await app.close().catch(() => undefined);
  for (const dir of dirs.splice(0)) removeDir(dir);
});

const tempDir = (): string => {
  const dir = makeTempDir('dossier-writer-');
  dirs.push(dir);
  return dir;
};

const openHere = async (dataDir: string): Promise<OpenedApp> => {
  const app = await openApp(dataDir, { seedDir: FIXTURE_SEEDS, lockKind: 'server' });
  apps.push(app);
  return app;
};

const note = (dir: string): string => {
  const file = join(dir, 'note.txt');
  writeFileSync(file, 'On 3 March 2026 the agency said 1,204 mines had been cleared in Ağdam.');
  return file;
};

describe('one writer per data folder', () => {
  it('a CLI command that writes is refused while the server holds the folder, naming it; reading still works', async () => {
    const dataDir = tempDir();
    const app = await openHere(dataDir);
    const before = readFileSync(join(dataDir, STORE_FILE_NAME), 'utf8');
    const refused = runCli(['import', note(dataDir), '--accept-all', '--data-dir', dataDir]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`is open in Dossier in browser mode (npm start) (process ${process.pid}`);
    expect(readFileSync(join(dataDir, STORE_FILE_NAME), 'utf8')).toBe(before);
    const restore = runCli(['restore', 'dossier-2026-01-01T00-00-00-000Z.json', '--yes', '--data-dir', dataDir]);
    expect(restore.code).toBe(1);
    expect(restore.stderr).toContain('is open in');

    const facts = runCli(['facts', '--json', '--data-dir', dataDir]);
    expect(facts.code, facts.stderr).toBe(0);
    expect((JSON.parse(facts.stdout) as unknown[]).length).toBe(app.store.read().facts.length);
    expect(readFileSync(join(dataDir, STORE_FILE_NAME), 'utf8')).toBe(before);

    await app.close();
    apps.splice(apps.indexOf(app), 1);
    const accepted = runCli(['import', note(dataDir), '--accept-all', '--data-dir', dataDir]);
    expect(accepted.code, accepted.stderr).toBe(0);
    expect(existsSync(join(dataDir, LOCK_FILE_NAME))).toBe(false);
  });

  it('a second writer in the same process is refused too, and the first keeps the folder', async () => {
    const dataDir = tempDir();
    await openHere(dataDir);
    await expect(openApp(dataDir, { seedDir: FIXTURE_SEEDS })).rejects.toBeInstanceOf(LibraryLockedError);
    const lock = JSON.parse(readFileSync(join(dataDir, LOCK_FILE_NAME), 'utf8')) as { pid: number; kind: string };
    expect(lock).toMatchObject({ pid: process.pid, kind: 'server' });
  });

  it('takes over the lock of a process that died, and of a reused pid', async () => {
    const dataDir = tempDir();
    const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const deadPid = Number(child.stdout);
    writeFileSync(join(dataDir, LOCK_FILE_NAME), JSON.stringify({ pid: deadPid, kind: 'server', host: hostname(), since: '2026-01-01T00:00:00.000Z', processStart: '1' }));
    const app = await openHere(dataDir);
    expect(app.store.state().state).toBe('ready');
    await app.close();
    // Our own pid, but a process that started at another time: a pid the system gave out again.
    writeFileSync(join(dataDir, LOCK_FILE_NAME), JSON.stringify({ pid: process.pid, kind: 'app', host: hostname(), since: '2026-01-01T00:00:00.000Z', processStart: '-1' }));
    expect((await openHere(dataDir)).store.state().state).toBe('ready');
  });
});

describe('durable saves', () => {
  it('writes a temp file of its own, fsyncs it, renames it over the library and fsyncs the folder before confirming', async () => {
    const dataDir = tempDir();
    const events: string[] = [];
    const short = (path: string) => (path === dataDir ? '<folder>' : path.slice(dataDir.length + 1).replace(/\.\d+-[0-9a-f]{8}\.tmp$/, '.<pid>-<id>.tmp'));
    const io: DurableIo = {
      open: async (path, flags, mode) => {
        const handle = await open(path, flags, mode);
        events.push(`open ${short(path)} ${flags}`);
        return {
          writeFile: async (data: string, encoding?: BufferEncoding) => {
            events.push('write');
            return handle.writeFile(data, encoding);
          },
          sync: async () => {
            events.push(`sync ${short(path)}`);
            return handle.sync();
          },
          close: async () => handle.close(),
        } as never;
      },
      rename: async (from, to) => {
        events.push(`rename ${short(from)} -> ${short(to)}`);
        await rename(from, to);
      },
    };
    const store = await openJsonStore({ dataDir, seed: () => loadSeedLibrary(FIXTURE_SEEDS, new Date('2026-03-01T12:00:00Z')), io });
    events.length = 0;
    await store.mutate((document) => {
      document.facts[0]!.statement = 'durable';
    });
    events.push('confirmed');
    expect(events).toEqual([
      'open .dossier.json.<pid>-<id>.tmp wx',
      'write',
      'sync .dossier.json.<pid>-<id>.tmp',
      'rename .dossier.json.<pid>-<id>.tmp -> dossier.json',
      'open <folder> r',
      'sync <folder>',
      'confirmed',
    ]);
    expect(readFileSync(join(dataDir, STORE_FILE_NAME), 'utf8')).toContain('durable');
    await store.close();
  });

  it('confirms each of a burst of edits only once it is on disk, in at most two writes after the first', async () => {
    const dataDir = tempDir();
    let renames = 0;
    const io: DurableIo = { open: (path, flags, mode) => open(path, flags, mode), rename: async (from, to) => ((renames += 1), rename(from, to)) };
    const store = await openJsonStore({ dataDir, seed: () => loadSeedLibrary(FIXTURE_SEEDS, new Date('2026-03-01T12:00:00Z')), io });
    renames = 0;
    await Promise.all(
      Array.from({ length: 20 }, (_unused, i) =>
        store.mutate((document) => {
          document.facts[0]!.statement = `burst ${i}`;
        }),
      ),
    );
    expect(renames).toBeLessThanOrEqual(2);
    expect(JSON.parse(readFileSync(join(dataDir, STORE_FILE_NAME), 'utf8')).facts[0].statement).toBe('burst 19');
    await store.close();
  });
});

describe('recovery that persists', () => {
  it('a library that could not be read stays in need of recovery at every start until the user chooses', async () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, STORE_FILE_NAME), '{ torn');
    const first = await openHere(dataDir);
    const state = first.store.state();
    expect(state.state).toBe('corrupt');
    await first.close();
    const backupsBefore = existsSync(join(dataDir, BACKUP_DIR)) ? readdirSync(join(dataDir, BACKUP_DIR)) : [];

    const second = await openHere(dataDir);
    expect(second.store.state()).toMatchObject({ state: 'corrupt', movedTo: state.state === 'corrupt' ? state.movedTo : '' });
    expect(existsSync(join(dataDir, STORE_FILE_NAME))).toBe(false);
    expect(existsSync(join(dataDir, BACKUP_DIR)) ? readdirSync(join(dataDir, BACKUP_DIR)) : []).toEqual(backupsBefore);

    const fresh = await second.dispatch('store:start-fresh', undefined);
    expect(fresh.ok).toBe(true);
    expect(existsSync(join(dataDir, RECOVERY_FILE_NAME))).toBe(false);
    await second.close();
    expect((await openHere(dataDir)).store.state().state).toBe('ready');
  });

  it('sweeps temp files that killed saves and backups left behind', async () => {
    const dataDir = tempDir();
    mkdirSync(join(dataDir, BACKUP_DIR));
    const leftovers = [join(dataDir, '.dossier.json.4242-deadbeef.tmp'), join(dataDir, '.dossier.json.tmp'), join(dataDir, BACKUP_DIR, '.dossier-2026-03-01T09-00-00-000Z.json.4242.tmp')];
    for (const file of leftovers) writeFileSync(file, 'x'.repeat(1000));
    writeFileSync(join(dataDir, 'keep.tmp'), 'not ours');
    await openHere(dataDir);
    for (const file of leftovers) expect(existsSync(file), file).toBe(false);
    expect(existsSync(join(dataDir, 'keep.tmp'))).toBe(true);
  });
});

describe('only the owner reads the library', () => {
  it('keeps the folder 0700 and the library, its lock and its backups 0600', async () => {
    const dataDir = tempDir();
    chmodSync(dataDir, 0o755);
    const app = await openHere(dataDir);
    const fact = app.store.read().facts[0]!;
    await app.dispatch('facts:update', { id: fact.id, revision: fact.revision, changes: { statement: 'private' } });
    const mode = (path: string) => statSync(path).mode & 0o777;
    expect(mode(dataDir)).toBe(0o700);
    expect(mode(join(dataDir, STORE_FILE_NAME))).toBe(0o600);
    expect(mode(join(dataDir, LOCK_FILE_NAME))).toBe(0o600);
    for (let i = 0; i < 100 && !(existsSync(join(dataDir, BACKUP_DIR)) && readdirSync(join(dataDir, BACKUP_DIR)).some((name) => name.endsWith('.json'))); i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const backup = readdirSync(join(dataDir, BACKUP_DIR)).find((name) => name.endsWith('.json'))!;
    expect(mode(join(dataDir, BACKUP_DIR))).toBe(0o700);
    expect(mode(join(dataDir, BACKUP_DIR, backup))).toBe(0o600);
  });
});
