import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BACKUP_DIR, backupsToPrune } from '../../electron/adapters/store/backups';
import { openApp } from '../../electron/adapters/app/open-app';
import { FIXTURE_SEEDS, makeTempDir, removeDir } from '../helpers/temp-dir';
import { runCli } from '../helpers/run-cli';
import { revisionOf } from '../helpers/revisions';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) removeDir(dir);
});

/** An app whose clock the test moves, so backup timing is deterministic. */
const openAt = async (dataDir: string, clock: { now: Date }) => openApp(dataDir, { seedDir: FIXTURE_SEEDS, now: () => clock.now });

const waitForBackups = async (dataDir: string, count: number) => {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const names = existsSync(join(dataDir, BACKUP_DIR)) ? readdirSync(join(dataDir, BACKUP_DIR)).filter((name) => name.endsWith('.json')) : [];
    if (names.length >= count) return names.sort();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`expected ${count} backups`);
};

const call = async (app: Awaited<ReturnType<typeof openApp>>, channel: string, input?: unknown) => {
  const result = await app.dispatch(channel, input);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as Record<string, unknown>;
};

describe('rolling backups', () => {
  it('are taken after saves at most every five minutes (not of an unchanged fresh library), and restore after confirmation', async () => {
    const dataDir = makeTempDir();
    dirs.push(dataDir);
    const clock = { now: new Date('2026-03-01T09:00:00.000Z') };
    const app = await openAt(dataDir, clock);
    // A library fresh from the seeds is not backed up: it could only push real backups out.
    await app.store.flush();
    expect(existsSync(join(dataDir, BACKUP_DIR)) ? readdirSync(join(dataDir, BACKUP_DIR)) : []).toEqual([]);

    await call(app, 'facts:update', { id: 'fact-fixture-casualties', revision: revisionOf(app, 'facts', 'fact-fixture-casualties'), changes: { statement: 'edited at 09:00' } });
    const [first] = await waitForBackups(dataDir, 1);
    clock.now = new Date('2026-03-01T09:01:00.000Z');
    await call(app, 'facts:update', { id: 'fact-fixture-casualties', revision: revisionOf(app, 'facts', 'fact-fixture-casualties'), changes: { statement: 'edited at 09:02' } });
    expect(await waitForBackups(dataDir, 1)).toHaveLength(1);
    clock.now = new Date('2026-03-01T09:07:00.000Z');
    await call(app, 'facts:update', { id: 'fact-fixture-casualties', revision: revisionOf(app, 'facts', 'fact-fixture-casualties'), changes: { statement: 'edited at 09:07' } });
    const names = await waitForBackups(dataDir, 2);
    expect(names).toHaveLength(2);

    const listed = (await call(app, 'backups:list')) as { backups: { name: string }[] };
    expect(listed.backups.map((backup) => backup.name)).toEqual([...names].reverse());

    const refused = await app.dispatch('backups:restore', { name: first });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const restored = await call(app, 'backups:restore', { name: first, confirm: true });
    expect(restored).toMatchObject({ store: { state: 'ready' } });
    const fact = (await call(app, 'facts:get', { id: 'fact-fixture-casualties' })) as { fact: { statement: string } };
    expect(fact.fact.statement).toBe('edited at 09:00');
    const keptAside = readdirSync(dataDir).find((name) => name.startsWith('dossier.before-restore-'));
    expect(readFileSync(join(dataDir, keptAside!), 'utf8')).toContain('edited at 09:07');
  });

  it('refuse names outside the backup folder and backups that are not libraries', async () => {
    const dataDir = makeTempDir();
    dirs.push(dataDir);
    const app = await openAt(dataDir, { now: new Date('2026-03-01T09:00:00.000Z') });
    await call(app, 'facts:update', { id: 'fact-fixture-casualties', revision: revisionOf(app, 'facts', 'fact-fixture-casualties'), changes: { statement: 'edited' } });
    await waitForBackups(dataDir, 1);
    const before = readFileSync(join(dataDir, 'dossier.json'), 'utf8');
    for (const name of ['../dossier.json', '/etc/passwd', 'dossier-2026-03-01T09-00-00-000Z.json/../../dossier.json']) {
      expect(await app.dispatch('backups:restore', { name, confirm: true })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    writeFileSync(join(dataDir, BACKUP_DIR, 'dossier-2026-02-01T00-00-00-000Z.json'), '{"schemaVersion": 3, "facts": "nope"}');
    const broken = await app.dispatch('backups:restore', { name: 'dossier-2026-02-01T00-00-00-000Z.json', confirm: true });
    expect(broken).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('not a readable library') } });
    expect(readFileSync(join(dataDir, 'dossier.json'), 'utf8')).toBe(before);
  });

  it('a corrupt store at start offers the newest good backup', async () => {
    const dataDir = makeTempDir();
    dirs.push(dataDir);
    const first = await openAt(dataDir, { now: new Date('2026-03-01T09:00:00.000Z') });
    await call(first, 'facts:update', { id: 'fact-fixture-casualties', revision: revisionOf(first, 'facts', 'fact-fixture-casualties'), changes: { statement: 'worth keeping' } });
    await first.close();
    const clock = { now: new Date('2026-03-01T10:00:00.000Z') };
    const second = await openAt(dataDir, clock);
    await waitForBackups(dataDir, 2);
    await second.close();
    writeFileSync(join(dataDir, 'dossier.json'), '{ torn');

    const third = await openAt(dataDir, { now: new Date('2026-03-01T11:00:00.000Z') });
    expect(third.store.state().state).toBe('corrupt');
    const { backups } = (await call(third, 'backups:list')) as { backups: { name: string }[] };
    expect(backups[0]!.name).toBe('dossier-2026-03-01T10-00-00-000Z.json');
    await call(third, 'backups:restore', { name: backups[0]!.name, confirm: true });
    expect(((await call(third, 'facts:get', { id: 'fact-fixture-casualties' })) as { fact: { statement: string } }).fact.statement).toBe('worth keeping');
    expect(second).toBeDefined();
  });

  it('keep ten a day for seven days', () => {
    const names: string[] = [];
    for (let day = 1; day <= 9; day += 1) {
      for (let hour = 0; hour < 12; hour += 1) names.push(`dossier-2026-03-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}-00-00-000Z.json`);
    }
    const pruned = new Set(backupsToPrune(names, new Date('2026-03-09T12:00:00Z')));
    const kept = names.filter((name) => !pruned.has(name));
    const days = new Set(kept.map((name) => name.slice(8, 18)));
    // The cutoff is seven days before now (03-02 12:00), so 03-02's morning backups are gone.
    expect([...days].sort()).toEqual(['2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07', '2026-03-08', '2026-03-09']);
    expect(kept.filter((name) => name.includes('2026-03-05'))).toHaveLength(10);
    expect(kept).toContain('dossier-2026-03-05T11-00-00-000Z.json');
    expect(kept).not.toContain('dossier-2026-03-05T00-00-00-000Z.json');
  });

  it('the CLI lists backups and restores only with --yes (or a yes at the prompt)', async () => {
    const dataDir = makeTempDir();
    dirs.push(dataDir);
    expect(runCli(['status', '--data-dir', dataDir]).code).toBe(0);
    const note = join(dataDir, 'note.txt');
    writeFileSync(note, 'On 3 March 2026 the agency said 1,204 mines had been cleared in Ağdam.');
    const imported = runCli(['import', note, '--accept-all', '--data-dir', dataDir]);
    expect(imported.code, imported.stderr).toBe(0);
    const list = runCli(['restore', '--list', '--json', '--data-dir', dataDir]);
    const [backup] = JSON.parse(list.stdout) as { name: string }[];
    expect(backup?.name).toMatch(/^dossier-.*\.json$/);
    const unconfirmed = runCli(['restore', backup!.name, '--data-dir', dataDir]);
    expect(unconfirmed.code).toBe(1);
    expect(unconfirmed.stderr).toMatch(/Not restored/);
    const confirmed = runCli(['restore', backup!.name, '--yes', '--data-dir', dataDir]);
    expect(confirmed.code, confirmed.stderr).toBe(0);
    expect(confirmed.stdout).toMatch(/Restored .*: \d+ sources/);
  });
});
