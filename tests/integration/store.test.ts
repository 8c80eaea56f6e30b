import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openJsonStore, STORE_FILE_NAME } from '../../electron/adapters/store/json-store';
import { loadSeedLibrary } from '../../electron/adapters/store/seed-files';
import { CURRENT_SCHEMA_VERSION, libraryFileSchema } from '../../electron/core/store/library-file';
import { versionOneDocument, versionTwoDocument } from '../fixtures/store-versions';
import { makeReadOnly, makeWritable } from '../helpers/read-only';
import { FIXTURE_SEEDS, makeTempDir, removeDir } from '../helpers/temp-dir';

const dirs: string[] = [];
const tempDir = () => {
  const dir = makeTempDir();
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) removeDir(dir);
});

const seed = () => loadSeedLibrary(FIXTURE_SEEDS, new Date('2026-01-01T00:00:00Z'));
const open = (dataDir: string) => openJsonStore({ dataDir, seed });
const storeFile = (dir: string) => join(dir, STORE_FILE_NAME);
const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;

describe('the store on disk', () => {
  it('a first start creates the library from the seeds, on disk', async () => {
    const dir = tempDir();
    const store = await open(dir);
    expect(store.state()).toMatchObject({ state: 'ready', schemaVersion: CURRENT_SCHEMA_VERSION });
    const onDisk = libraryFileSchema.parse(readJson(storeFile(dir)));
    expect(onDisk.facts.map((fact) => fact.id)).toEqual(['fact-fixture-casualties', 'fact-fixture-foreign-share']);
    expect(onDisk.facts[0]!.quoteStart).toBe(onDisk.sources[0]!.text.indexOf('Since the 2020'));
  });

  it('persists a change and reopens with it', async () => {
    const dir = tempDir();
    const store = await open(dir);
    await store.mutate((document) => {
      document.facts[0]!.statement = 'edited';
    });
    await store.close();
    const reopened = await open(dir);
    expect(reopened.read().facts[0]!.statement).toBe('edited');
  });

  it('moves a store that does not parse aside, reports its path, and never overwrites it', async () => {
    const dir = tempDir();
    const garbage = '{"schemaVersion": 3, "facts": [ this is not json';
    writeFileSync(storeFile(dir), garbage);
    const store = await open(dir);
    const state = store.state();
    expect(state.state).toBe('corrupt');
    if (state.state !== 'corrupt') return;
    expect(state.movedTo).toMatch(/dossier\.corrupt-.*\.json$/);
    expect(state.message).toContain(state.movedTo);
    expect(readFileSync(state.movedTo, 'utf8')).toBe(garbage);
    expect(existsSync(storeFile(dir))).toBe(false);
    expect(() => store.read()).toThrow(/could not be read/);
    await expect(store.mutate(() => {})).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
    expect(existsSync(storeFile(dir))).toBe(false);
  });

  it('moves aside a store that parses but breaks the format, naming the field', async () => {
    const dir = tempDir();
    const document = seed();
    (document.facts[0] as unknown as Record<string, unknown>).value = 'four hundred';
    writeFileSync(storeFile(dir), JSON.stringify(document));
    const state = (await open(dir)).state();
    expect(state.state).toBe('corrupt');
    expect(state.state === 'corrupt' && state.message).toMatch(/facts\.0\.value/);
  });

  it('starts fresh only on request, beside the moved file', async () => {
    const dir = tempDir();
    writeFileSync(storeFile(dir), 'not json');
    const store = await open(dir);
    await store.startFresh(seed());
    expect(store.state().state).toBe('ready');
    const names = readdirSync(dir);
    expect(names.filter((name) => name.startsWith('dossier.corrupt-'))).toHaveLength(1);
    await expect(store.startFresh(seed())).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('refuses a store from a newer schema and leaves it byte-for-byte alone', async () => {
    const dir = tempDir();
    const newer = JSON.stringify({ schemaVersion: CURRENT_SCHEMA_VERSION + 1, facts: [], somethingNew: true });
    writeFileSync(storeFile(dir), newer);
    const store = await open(dir);
    expect(store.state()).toMatchObject({ state: 'newer-schema', found: CURRENT_SCHEMA_VERSION + 1, supported: CURRENT_SCHEMA_VERSION });
    await expect(store.mutate(() => {})).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
    await expect(store.startFresh(seed())).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(readFileSync(storeFile(dir), 'utf8')).toBe(newer);
  });

  it.each([
    ['1', versionOneDocument],
    ['2', versionTwoDocument],
  ])('migrates a version %s store on disk, keeping a copy of the original', async (version, make) => {
    const dir = tempDir();
    const original = JSON.stringify(make(), null, 2);
    writeFileSync(storeFile(dir), original);
    const store = await open(dir);
    expect(store.state().state).toBe('ready');
    expect(readJson(storeFile(dir)).schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    expect(store.read().facts[0]).toMatchObject({ id: 'fact-old', value: 409, supersededBy: null });
    const backup = readdirSync(dir).find((name) => name.startsWith(`dossier.pre-v${CURRENT_SCHEMA_VERSION}-`));
    expect(backup, `backup of the version ${version} file`).toBeDefined();
    expect(readFileSync(join(dir, backup!), 'utf8')).toBe(original);
  });

  it('in a read-only folder: tells the user, keeps the change in memory, and saves it all once writable', async (context) => {
    const dir = tempDir();
    const store = await open(dir);
    const before = readFileSync(storeFile(dir), 'utf8');
    if (!makeReadOnly(dir)) {
      console.log('skipped: this machine cannot make a folder read-only (neither chmod nor chattr work)');
      context.skip();
    }
    try {
      await expect(
        store.mutate((document) => {
          document.facts[0]!.statement = 'written while read-only';
        }),
      ).rejects.toMatchObject({ code: 'STORE_WRITE_FAILED', message: expect.stringContaining(storeFile(dir)) });
      expect(store.lastWrite().state).toBe('failed');
      expect(store.read().facts[0]!.statement).toBe('written while read-only');
      expect(readFileSync(storeFile(dir), 'utf8')).toBe(before);
    } finally {
      makeWritable(dir);
    }
    await store.mutate((document) => {
      document.facts[1]!.statement = 'second edit';
    });
    const onDisk = libraryFileSchema.parse(readJson(storeFile(dir)));
    expect(onDisk.facts.map((fact) => fact.statement)).toEqual(['written while read-only', 'second edit']);
    expect(store.lastWrite().state).toBe('saved');
  });

  it('a first start in a read-only folder reports it and creates nothing', async (context) => {
    const dir = tempDir();
    if (!makeReadOnly(dir)) {
      console.log('skipped: this machine cannot make a folder read-only (neither chmod nor chattr work)');
      context.skip();
    }
    try {
      const store = await open(dir);
      expect(store.state()).toMatchObject({ state: 'unreadable', message: expect.stringContaining(dir) });
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      makeWritable(dir);
    }
  });
});
