import { LAUNCH_LINE, launchSession } from '../helpers/launch-session';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORE_FILE_NAME } from '../../electron/adapters/store/json-store';
import { openApp } from '../../electron/adapters/app/open-app';
import { libraryFileSchema, type LibraryFile } from '../../electron/core/store/library-file';
import type { Report } from '../../electron/shared/entities';
import { makeTempDir, removeDir } from '../helpers/temp-dir';

/**
 * SIGKILLs the browser-mode HOST (electron/server/main.ts, the process that owns the store) at random
 * moments while a client streams edits through the real HTTP API, 200 times on one data folder. After
 * each kill the store file must parse, validate, and hold every edit the API acknowledged (ok:true).
 *
 * Runtime: starting the host dominates. Under `node --import tsx` it takes 1.3–4 s here (tsx compiling
 * ~100 modules, then zod, lowdb, minisearch), 5–10 minutes for 200 kills; bundled by esbuild and run by
 * plain `node` it takes 0.5–0.8 s, most of it loading modules. So by default the test bundles
 * electron/server/main.ts once, and keeps the next hosts loading their modules ahead of their turn: each
 * is told "go" only after the previous host is dead and the store checked, and only then runs main.ts
 * (arguments, store, listen: ~0.1 s). CRASH_API_HOST=tsx runs the TypeScript itself, one host at a time;
 * CRASH_API_KILLS=n changes the number of kills.
 */

const KILLS = Number(process.env.CRASH_API_KILLS ?? 200);
const USE_TSX = process.env.CRASH_API_HOST === 'tsx';
const LANES = 3; // concurrent edit streams; each owns its entities, so every entity's edits are sequential
const ROOT = resolve('.');

interface FactContent {
  statement: string;
  value: number;
}
interface ReportContent {
  title: string;
  marker: string;
}
type Entity =
  | { kind: 'fact'; id: string; lane: number; acked: FactContent; pending: FactContent | null }
  | { kind: 'report'; id: string; lane: number; acked: ReportContent; pending: ReportContent | null; body: Report };

const entities = new Map<string, Entity>();
const counts = { kills: 0, sent: 0, acknowledged: 0, verified: 0, landedUnacknowledged: 0, byChannel: new Map<string, number>() };

let workDir: string;
let dataDir: string;
let hostCommand: { command: string; args: string[]; env: NodeJS.ProcessEnv; warm: boolean };

beforeAll(async () => {
  workDir = makeTempDir('dossier-crash-api-host-');
  dataDir = makeTempDir('dossier-crash-api-data-');
  // A private app root (paths.ts honours DOSSIER_APP_ROOT): the project's package.json, seeds/ and
  // resources/, and a stand-in page, so the test needs no renderer build and a build
  // running beside it (which empties out/renderer) cannot break it.
  const appRoot = join(workDir, 'app-root');
  mkdirSync(join(appRoot, 'out', 'renderer'), { recursive: true });
  for (const entry of ['package.json', 'seeds', 'resources']) symlinkSync(join(ROOT, entry), join(appRoot, entry));
  writeFileSync(join(appRoot, 'out', 'renderer', 'index.html'), '<!doctype html><title>Dossier</title>');
  const env = { ...process.env, DOSSIER_APP_ROOT: appRoot };
  if (USE_TSX) {
    hostCommand = { command: process.execPath, args: ['--import', 'tsx', 'electron/server/main.ts'], env, warm: false };
    return;
  }
  // electron/server/main.ts bundled into one file run by plain node: one process, nothing forked. The
  // entry loads the host's modules, says "warm", and runs main.ts (which parses the arguments, opens the
  // store and listens) only when told "go" on stdin, so the next host can load while this one is killed.
  const { build } = await import('esbuild');
  mkdirSync(join(workDir, 'bundle'));
  symlinkSync(join(ROOT, 'node_modules'), join(workDir, 'bundle', 'node_modules'));
  await build({
    stdin: {
      contents: [
        "import { createInterface } from 'node:readline';",
        "import './electron/adapters/app/open-app';",
        "import './electron/server/server';",
        "process.stdout.write('warm\\n');",
        'const lines = createInterface({ input: process.stdin });',
        "lines.once('line', () => { lines.close(); void import('./electron/server/main'); });",
      ].join('\n'),
      resolveDir: ROOT,
      sourcefile: 'crash-api-host.ts',
      loader: 'ts',
    },
    outfile: join(workDir, 'bundle', 'host.mjs'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'error',
    banner: { js: "import { createRequire as __dossierCreateRequire } from 'node:module'; const require = __dossierCreateRequire(import.meta.url);" },
  });
  hostCommand = { command: process.execPath, args: [join(workDir, 'bundle', 'host.mjs')], env, warm: true };
}, 60_000);

afterAll(async () => {
  for (const spare of pool.splice(0)) {
    spare.child.kill('SIGKILL');
    await spare.exited;
  }
  removeDir(workDir);
  removeDir(dataDir);
});

interface Spawned {
  child: ChildProcess;
  exited: Promise<void>;
  /** Resolves when the host has loaded its modules (bundle) or at once (tsx). */
  warmed: Promise<void>;
  output: () => string;
}

interface RunningHost {
  child: ChildProcess;
  base: string;
  secret: string;
  exited: Promise<void>;
  stderr: () => string;
}

/** Hosts loading ahead of their turn; none touches the data folder before it is told "go". */
const pool: Spawned[] = [];
const POOL_SIZE = USE_TSX ? 0 : Number(process.env.CRASH_API_AHEAD ?? 0);

const spawnHost = (): Spawned => {
  const child = spawn(hostCommand.command, [...hostCommand.args, '--port', '0', '--no-open', '--data-dir', dataDir], {
    cwd: ROOT,
    env: hostCommand.env,
    stdio: [hostCommand.warm ? 'pipe' : 'ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
  const warmed = !hostCommand.warm
    ? Promise.resolve()
    : new Promise<void>((resolveWarm, reject) => {
        const onData = () => {
          if (!output.includes('warm\n')) return;
          child.stdout!.off('data', onData);
          resolveWarm();
        };
        child.stdout!.on('data', onData);
        void exited.then(() => reject(new Error(`a host exited while loading:\n${output}`)));
      });
  warmed.catch(() => {});
  return { child, exited, warmed, output: () => output };
};

const startHost = async (): Promise<RunningHost> => {
  // Only warm hosts wait for "go"; a tsx host opens the store at once, so it starts only on its turn.
  while (pool.length < POOL_SIZE + 1) pool.push(spawnHost());
  const { child, exited, warmed, output } = pool.shift()!;
  await warmed;
  if (hostCommand.warm) child.stdin!.write('go\n');
  const base = await new Promise<string>((resolveBase, reject) => {
    const check = () => {
      const found = LAUNCH_LINE.exec(output())?.[1];
      if (!found) return;
      child.stdout!.off('data', check);
      resolveBase(found);
    };
    child.stdout!.on('data', check);
    check();
    void exited.then(() => reject(new Error(`the host exited before it was ready:\n${output()}`)));
  });
  const { base: origin, secret } = await launchSession(base);
  return { child, base: origin, secret, exited, stderr: output };
};

type Reply = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };

const api = async (host: RunningHost, channel: string, input: unknown): Promise<Reply> => {
  const response = await fetch(`${host.base}api/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-dossier-secret': host.secret },
    body: JSON.stringify({ input }),
  });
  return (await response.json()) as Reply;
};

const random = (n: number) => Math.floor(Math.random() * n);
let serial = 0;
const nextMark = (round: number, lane: number) => `r${round}-l${lane}-e${(serial += 1)}-${Math.random().toString(36).slice(2, 8)}`;

/** One lane: sequential edits on the entities it owns, until the host dies or `stop()` is true. */
const runLane = async (host: RunningHost, round: number, lane: number, sourceId: string, stop: () => boolean, acknowledged: Set<string>): Promise<void> => {
  const owned = () => [...entities.values()].filter((entity) => entity.lane === lane);
  while (!stop()) {
    const mine = owned();
    const facts = mine.filter((entity) => entity.kind === 'fact');
    const reports = mine.filter((entity): entity is Extract<Entity, { kind: 'report' }> => entity.kind === 'report');
    const roll = Math.random();
    const mark = nextMark(round, lane);
    try {
      if (roll < 0.3 || (roll < 0.55 && facts.length === 0)) {
        counts.sent += 1;
        const statement = `Crash test fact ${mark}`;
        const value = random(1_000_000);
        const reply = await api(host, 'facts:create', { sourceId, statement, value, unit: 'people', asOf: '2025', quote: '', tags: ['crash-api'], indicator: null });
        if (!reply.ok) throw new Error(`facts:create refused: ${reply.error.code} ${reply.error.message}`);
        const id = (reply.value as { id: string }).id;
        entities.set(id, { kind: 'fact', id, lane, acked: { statement, value }, pending: null });
        acknowledged.add(id);
        note('facts:create');
      } else if (roll < 0.55) {
        const target = facts[random(facts.length)]!;
        const change = { statement: `Crash test fact updated ${mark}`, value: random(1_000_000) };
        target.pending = change;
        counts.sent += 1;
        // Saves name the revision they start from (issue 13 §2); a kill may have applied an
        // unacknowledged save, so read it now rather than trusting the last reply.
        const current = await api(host, 'facts:get', { id: target.id });
        if (!current.ok) throw new Error(`facts:get refused: ${current.error.code} ${current.error.message}`);
        const { revision } = (current.value as { fact: { revision: number } }).fact;
        const reply = await api(host, 'facts:update', { id: target.id, revision, changes: change });
        if (!reply.ok) throw new Error(`facts:update refused: ${reply.error.code} ${reply.error.message}`);
        target.acked = change;
        target.pending = null;
        acknowledged.add(target.id);
        note('facts:update');
      } else if (roll < 0.7 || reports.length === 0) {
        counts.sent += 1;
        const title = `Crash test report ${mark}`;
        const reply = await api(host, 'reports:create', { template: random(2) ? 'briefing-note' : 'donor-appeal', title });
        if (!reply.ok) throw new Error(`reports:create refused: ${reply.error.code} ${reply.error.message}`);
        const report = reply.value as Report;
        entities.set(report.id, { kind: 'report', id: report.id, lane, acked: reportContent(report), pending: null, body: report });
        acknowledged.add(report.id);
        note('reports:create');
      } else {
        const target = reports[random(reports.length)]!;
        const current = await api(host, 'reports:get', { id: target.id });
        if (!current.ok) throw new Error(`reports:get refused: ${current.error.code} ${current.error.message}`);
        const edited: Report = {
          ...target.body,
          revision: (current.value as Report).revision,
          title: `Crash test report saved ${mark}`,
          sections: [{ ...target.body.sections[0]!, blocks: [{ kind: 'paragraph', content: [{ kind: 'text', text: `Paragraph ${mark} `.repeat(1 + random(40)) }] }] }, ...target.body.sections.slice(1)],
        };
        target.pending = reportContent(edited);
        counts.sent += 1;
        const reply = await api(host, 'reports:save', { report: edited });
        if (!reply.ok) throw new Error(`reports:save refused: ${reply.error.code} ${reply.error.message}`);
        target.body = reply.value as Report;
        target.acked = reportContent(target.body);
        target.pending = null;
        acknowledged.add(target.id);
        note('reports:save');
      }
    } catch (error) {
      // A refusal is a bug; a dead connection is the kill. Keep the former, stop on the latter.
      if (error instanceof Error && error.message.includes('refused:')) throw error;
      return;
    }
  }
};

const note = (channel: string) => {
  counts.acknowledged += 1;
  counts.byChannel.set(channel, (counts.byChannel.get(channel) ?? 0) + 1);
};

const reportContent = (report: Report): ReportContent => {
  const block = report.sections[0]?.blocks[0];
  const first = block?.kind === 'paragraph' ? block.content[0] : undefined;
  return { title: report.title, marker: first?.kind === 'text' ? first.text : '' };
};

const sameFact = (a: FactContent, b: FactContent) => a.statement === b.statement && a.value === b.value;
const sameReport = (a: ReportContent, b: ReportContent) => a.title === b.title && a.marker === b.marker;

/** Every acknowledged edit is on disk: each entity shows its last acknowledged content, or the edit in flight at the kill. */
const verify = (round: number, acknowledgedThisRound: number): LibraryFile => {
  const text = readFileSync(join(dataDir, STORE_FILE_NAME), 'utf8');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new Error(`after kill ${round + 1} the store does not parse (${String(error)}); ${text.length} bytes, ends with ${JSON.stringify(text.slice(-80))}`);
  }
  const parsed = libraryFileSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`after kill ${round + 1} the store does not validate: ${parsed.error.issues.slice(0, 3).map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  const document = parsed.data;
  const facts = new Map(document.facts.map((fact) => [fact.id, fact]));
  const reports = new Map(document.reports.map((report) => [report.id, report]));
  expect(facts.size, 'fact ids are unique').toBe(document.facts.length);
  expect(reports.size, 'report ids are unique').toBe(document.reports.length);
  for (const entity of entities.values()) {
    if (entity.kind === 'fact') {
      const fact = facts.get(entity.id);
      expect(fact, `acknowledged fact ${entity.id} is on disk after kill ${round + 1}`).toBeDefined();
      const found = { statement: fact!.statement, value: fact!.value as number };
      const landed = entity.pending !== null && sameFact(found, entity.pending);
      expect(sameFact(found, entity.acked) || landed, `fact ${entity.id} shows ${JSON.stringify(found)}, acknowledged ${JSON.stringify(entity.acked)}`).toBe(true);
      if (landed) {
        entity.acked = entity.pending!;
        counts.landedUnacknowledged += 1;
      }
    } else {
      const report = reports.get(entity.id);
      expect(report, `acknowledged report ${entity.id} is on disk after kill ${round + 1}`).toBeDefined();
      const found = reportContent(report!);
      const landed = entity.pending !== null && sameReport(found, entity.pending);
      expect(sameReport(found, entity.acked) || landed, `report ${entity.id} shows ${JSON.stringify(found)}, acknowledged ${JSON.stringify(entity.acked)}`).toBe(true);
      if (landed) counts.landedUnacknowledged += 1;
      entity.body = report!;
      entity.acked = found;
    }
    entity.pending = null;
  }
  // Every entity passed, so each edit acknowledged this round is on disk (or followed by one that landed).
  counts.verified += acknowledgedThisRound;
  return document;
};

describe('SIGKILL of the browser-mode host during API edits', () => {
  it(`after ${KILLS} kills at random moments the store parses, validates and holds every acknowledged edit`, async () => {
    const started = Date.now();
    let startupMs = 0;
    let sourceId: string | null = null;
    let editsAcknowledgedAtKill = 0;
    for (let round = 0; round < KILLS; round += 1) {
      const before = Date.now();
      const host = await startHost();
      startupMs += Date.now() - before;
      if (!sourceId) {
        const sources = await api(host, 'sources:list', undefined);
        if (!sources.ok) throw new Error('sources:list failed');
        sourceId = (sources.value as { id: string }[])[0]!.id;
      }
      let stopped = false;
      const acknowledgedThisRound = new Set<string>();
      const ackBefore = counts.acknowledged;
      const lanes = Array.from({ length: LANES }, (_, lane) => runLane(host, round, lane, sourceId!, () => stopped, acknowledgedThisRound));
      await new Promise((resolveDelay) => setTimeout(resolveDelay, 20 + random(281)));
      host.child.kill('SIGKILL');
      await host.exited;
      stopped = true;
      await Promise.all(lanes);
      counts.kills += 1;
      editsAcknowledgedAtKill += counts.acknowledged - ackBefore;
      expect(host.child.signalCode, `host ${round + 1} died of the kill, not on its own: ${host.stderr()}`).toBe('SIGKILL');
      verify(round, counts.acknowledged - ackBefore);
    }
    // Nothing was moved aside as unreadable along the way, and the real app opens what is left.
    expect(readdirSync(dataDir).filter((name) => name.startsWith('dossier.corrupt-'))).toEqual([]);
    const reopened = await openApp(dataDir);
    expect(reopened.store.state().state).toBe('ready');
    const sample = [...entities.values()].slice(-20);
    for (const entity of sample) {
      const result = await reopened.dispatch(entity.kind === 'fact' ? 'facts:get' : 'reports:get', { id: entity.id });
      expect(result.ok, `${entity.kind} ${entity.id} opens after the last kill`).toBe(true);
    }
    const seconds = (Date.now() - started) / 1000;
    const byChannel = [...counts.byChannel.entries()].map(([channel, count]) => `${channel} ${count}`).join(', ');
    console.log(
      `crash-api: ${counts.kills} kills, ${counts.sent} edits sent, ${counts.acknowledged} acknowledged (${byChannel}), ${counts.verified} verified on disk right after their kill, ` +
        `${counts.landedUnacknowledged} unacknowledged edits found landed, ${entities.size} entities tracked; ${seconds.toFixed(0)} s total, ` +
        `waiting for a ready host ${(startupMs / 1000).toFixed(0)} s (${(startupMs / counts.kills).toFixed(0)} ms a kill, ${USE_TSX ? 'tsx, one at a time' : `esbuild bundle, ${POOL_SIZE} loading ahead`})`,
    );
    expect(counts.kills).toBe(KILLS);
    expect(editsAcknowledgedAtKill, 'the edit stream got edits acknowledged before the kills').toBeGreaterThan(KILLS);
  }, 600_000);
});
