import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openJsonStore, STORE_FILE_NAME } from '../../electron/adapters/store/json-store';
import { loadSeedLibrary } from '../../electron/adapters/store/seed-files';
import { libraryFileSchema } from '../../electron/core/store/library-file';
import { mountSmallDisk, unmount } from '../helpers/small-disk';
import { FIXTURE_SEEDS, makeTempDir, removeDir } from '../helpers/temp-dir';

const dir = makeTempDir('dossier-full-disk-');
const mounted = mountSmallDisk(dir, 256);
afterAll(() => {
  if (mounted) unmount(dir);
  removeDir(dir);
});

/** Fills the disk with one file, leaving fewer than `spare` bytes. */
const fillDisk = (path: string, spare: number): void => {
  let size = 512 * 1024;
  while (size > spare) {
    try {
      writeFileSync(path, Buffer.alloc(size), { flag: 'a' });
    } catch {
      size = Math.floor(size / 2);
    }
  }
};

describe('a full disk during a save', () => {
  it('tells the user, keeps the change in memory, truncates nothing, and saves it all once there is room', async (context) => {
    if (!mounted) {
      console.log('skipped: mounting a small tmpfs needs root; this machine refused');
      context.skip();
    }
    const store = await openJsonStore({ dataDir: dir, seed: () => loadSeedLibrary(FIXTURE_SEEDS, new Date('2026-01-01T00:00:00Z')) });
    const storePath = join(dir, STORE_FILE_NAME);
    const before = readFileSync(storePath, 'utf8');
    const filler = join(dir, 'filler.bin');
    fillDisk(filler, 1024);

    const long = 'A long statement that no longer fits on the disk. '.repeat(400);
    await expect(
      store.mutate((document) => {
        document.facts[0]!.statement = long;
      }),
    ).rejects.toMatchObject({ code: 'STORE_WRITE_FAILED', message: expect.stringMatching(/kept in memory/) });
    expect(store.lastWrite().state).toBe('failed');
    expect(store.read().facts[0]!.statement).toBe(long);
    expect(readFileSync(storePath, 'utf8')).toBe(before);
    expect(() => libraryFileSchema.parse(JSON.parse(readFileSync(storePath, 'utf8')))).not.toThrow();

    rmSync(filler);
    await store.mutate((document) => {
      document.facts[1]!.statement = 'saved once there was room';
    });
    const onDisk = libraryFileSchema.parse(JSON.parse(readFileSync(storePath, 'utf8')));
    expect(onDisk.facts[0]!.statement).toBe(long);
    expect(onDisk.facts[1]!.statement).toBe('saved once there was room');
    expect(store.lastWrite().state).toBe('saved');
  });
});
