import { LAUNCH_LINE, launchSession } from '../helpers/launch-session';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORE_FILE_NAME } from '../../electron/adapters/store/json-store';
import { makeTempDir, removeDir } from '../helpers/temp-dir';

/**
 * What tests/integration/api-server.test.ts does not cover, against the real browser-mode host
 * (electron/server/main.ts in a child process, as a user starts it): the listening socket is
 * loopback only, the API takes POST and nothing else, and the secret counts only in its header.
 */

interface Host {
  child: ChildProcess;
  port: number;
  secret: string;
  launch: string;
  dataDir: string;
  output: () => string;
}

/**
 * A private app root (paths.ts honours DOSSIER_APP_ROOT): the project's package.json, seeds/ and
 * resources/, and a stand-in page, so these tests need no renderer build and a build
 * running beside them (which empties out/renderer) cannot break them.
 */
const appRoot = makeTempDir('dossier-hardening-root-');
mkdirSync(join(appRoot, 'out', 'renderer'), { recursive: true });
for (const entry of ['package.json', 'seeds', 'resources']) symlinkSync(resolve(entry), join(appRoot, entry));
writeFileSync(join(appRoot, 'out', 'renderer', 'index.html'), '<!doctype html><title>Dossier</title>');
afterAll(() => removeDir(appRoot));

const startHost = (dataDir: string): Promise<Host> =>
  new Promise((resolvePromise, reject) => {
    // `node --import tsx`, not the tsx CLI: the CLI forks a grandchild that outlives a kill.
    const child = spawn(process.execPath, ['--import', 'tsx', 'electron/server/main.ts', '--port', '0', '--no-open', '--data-dir', dataDir], {
      env: { ...process.env, DOSSIER_APP_ROOT: appRoot },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const launch = LAUNCH_LINE.exec(output)?.[1];
      if (!launch) return;
      child.stdout.off('data', onData);
      // The secret reaches only the holder of the one-time launch link: exchange it as the browser does.
      launchSession(launch)
        .then(({ secret }) => resolvePromise({ child, port: Number(new URL(launch).port), secret, launch, dataDir, output: () => output }))
        .catch(reject);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code, signal) => reject(new Error(`browser-mode host exited (${code ?? signal}) before it was ready:\n${output}`)));
  });

const stopHost = async (host: Host | undefined): Promise<void> => {
  if (!host) return;
  if (host.child.exitCode === null && host.child.signalCode === null) {
    const exited = new Promise((resolvePromise) => host.child.once('exit', resolvePromise));
    host.child.kill('SIGTERM');
    await exited;
  }
  removeDir(host.dataDir);
};

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw request to 127.0.0.1:port with whatever method and headers a test forges. */
const send = (
  port: number,
  path: string,
  { method = 'POST', headers = {}, body }: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> =>
  new Promise((resolvePromise, reject) => {
    // An explicit length: Node sends DELETE and OPTIONS bodies unframed otherwise.
    const length: Record<string, string> = body === undefined ? {} : { 'content-length': String(Buffer.byteLength(body)) };
    const outgoing = request({ host: '127.0.0.1', port, path, method, headers: { host: `127.0.0.1:${port}`, ...length, ...headers } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolvePromise({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    outgoing.on('error', reject);
    if (body !== undefined) outgoing.write(body);
    outgoing.end();
  });

const apiHeaders = (host: Host): Record<string, string> => ({
  'content-type': 'application/json',
  origin: `http://127.0.0.1:${host.port}`,
  'x-dossier-secret': host.secret,
});

const storeBytes = (host: Host): Buffer => readFileSync(join(host.dataDir, STORE_FILE_NAME));

/** Resolves 'connected' or the connection error's code ('ECONNREFUSED', ...). */
const tryConnect = (address: string, port: number): Promise<string> =>
  new Promise((resolvePromise) => {
    const socket = connect({ host: address, port, timeout: 3000 });
    socket.once('connect', () => {
      socket.destroy();
      resolvePromise('connected');
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolvePromise('ETIMEDOUT');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolvePromise(error.code ?? error.message));
  });

/** Listening TCP sockets on `port` from /proc/net/tcp{,6}: their local addresses, as hex. */
const listenersOnPort = (port: number): string[] => {
  const found: string[] = [];
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    if (!existsSync(file)) continue;
    for (const row of readFileSync(file, 'utf8').split('\n').slice(1)) {
      const columns = row.trim().split(/\s+/);
      const local = columns[1];
      const state = columns[3];
      if (!local || state !== '0A') continue; // 0A = LISTEN
      const [address, hexPort] = local.split(':');
      if (hexPort && Number.parseInt(hexPort, 16) === port) found.push(address!);
    }
  }
  return found;
};

const nonLoopbackAddresses = (): { address: string; family: string }[] =>
  Object.values(networkInterfaces())
    .flat()
    .filter((entry): entry is NonNullable<typeof entry> => Boolean(entry) && !entry!.internal)
    // Link-local IPv6 needs a zone id to connect to; the others are enough.
    .filter((entry) => !(entry.family === 'IPv6' && entry.address.startsWith('fe80:')))
    .map((entry) => ({ address: entry.address, family: entry.family }));

describe('browser-mode host hardening', () => {
  let host: Host;
  beforeAll(async () => {
    host = await startHost(makeTempDir('dossier-hardening-'));
  });
  afterAll(() => stopHost(host));

  it('listens on 127.0.0.1 only: the machine\u2019s other addresses refuse the connection', async () => {
    // Control: the loopback address does connect, so a refusal below means something.
    expect(await tryConnect('127.0.0.1', host.port)).toBe('connected');

    if (existsSync('/proc/net/tcp')) {
      // 0100007F is 127.0.0.1 in /proc's byte order; a wildcard bind would show 00000000 or :: here.
      expect(listenersOnPort(host.port)).toEqual(['0100007F']);
    }

    const others = nonLoopbackAddresses();
    const ipv4 = others.filter((entry) => entry.family === 'IPv4');
    if (ipv4.length === 0) console.log('[server-hardening] this machine has no non-loopback IPv4 address; only /proc and IPv6 were checked.');
    for (const { address } of others) {
      expect(await tryConnect(address, host.port), `connecting to ${address}:${host.port}`).toBe('ECONNREFUSED');
    }
    // IPv6 loopback is not 127.0.0.1 either.
    expect(await tryConnect('::1', host.port)).not.toBe('connected');
  });

  it.each(['PUT', 'DELETE', 'OPTIONS', 'PATCH'])('refuses %s on the API with 405, even with the secret, and changes nothing', async (method) => {
    const before = storeBytes(host);
    for (const channel of ['app:status', 'facts:create', 'reports:create']) {
      const reply = await send(host.port, `/api/${channel}`, {
        method,
        headers: { ...apiHeaders(host), 'access-control-request-method': 'POST' },
        body: JSON.stringify({ input: { template: 'donor-appeal' } }),
      });
      expect(reply.status, `${method} /api/${channel}`).toBe(405);
      expect(reply.headers.allow).toBe('POST');
      expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      // No CORS grant either: a preflight from another origin learns nothing it could use.
      expect(reply.headers['access-control-allow-origin']).toBeUndefined();
      expect(reply.headers['access-control-allow-methods']).toBeUndefined();
    }
    expect(storeBytes(host).equals(before)).toBe(true);
  });

  it.each(['PUT', 'DELETE', 'OPTIONS', 'PATCH'])('refuses %s on the page and its files', async (method) => {
    for (const path of ['/', '/index.html']) {
      const reply = await send(host.port, path, { method, body: 'x' });
      expect(reply.status, `${method} ${path}`).toBe(405);
      expect(reply.body).not.toContain(host.secret);
    }
  });

  it('refuses the secret in the query string instead of the header, and changes nothing', async () => {
    const before = storeBytes(host);
    const { 'x-dossier-secret': _secret, ...withoutSecret } = apiHeaders(host);
    const secret = encodeURIComponent(host.secret);
    for (const query of [`secret=${secret}`, `x-dossier-secret=${secret}`, `X-Dossier-Secret=${secret}`, `token=${secret}`]) {
      for (const [channel, input] of [
        ['app:status', undefined],
        ['reports:create', { template: 'briefing-note', title: 'Planted through the query string' }],
      ] as const) {
        const reply = await send(host.port, `/api/${channel}?${query}`, { headers: withoutSecret, body: JSON.stringify({ input }) });
        expect(reply.status, `${channel}?${query}`).toBe(403);
        expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      }
    }
    expect(storeBytes(host).equals(before)).toBe(true);
    // Control: the same call with the secret in its header is served.
    const served = await send(host.port, '/api/app:status', { headers: apiHeaders(host), body: JSON.stringify({}) });
    expect(JSON.parse(served.body)).toMatchObject({ ok: true });
  });

  it('refuses an opaque "null" Origin (sandboxed frames, file:// pages)', async () => {
    const reply = await send(host.port, '/api/app:status', { headers: { ...apiHeaders(host), origin: 'null' }, body: '{}' });
    expect(reply.status).toBe(403);
  });
});

describe('browser-mode host and malformed URLs', () => {
  let host: Host;
  beforeAll(async () => {
    host = await startHost(makeTempDir('dossier-hardening-uri-'));
  });
  afterAll(() => stopHost(host));

  // Regression: the API path was decoded outside the request's error handling, so GET /api/%E0%A4%A
  // (sendable by any web page as an <img>) threw out of the listener and ended the host process.
  it('answers a malformed percent-escape in the API path and keeps serving', async () => {
    const reply = await send(host.port, '/api/%E0%A4%A', { method: 'GET' }).catch((error: Error) => ({ status: 0, headers: {}, body: error.message }));
    expect([400, 404, 405]).toContain(reply.status);
    const after = await send(host.port, '/api/app:status', { headers: apiHeaders(host), body: '{}' });
    expect(JSON.parse(after.body)).toMatchObject({ ok: true });
  });
});

describe('only the user reaches the app (issue 13)', () => {
  let host: Host;
  beforeAll(async () => {
    host = await startHost(makeTempDir('dossier-hardening-session-'));
  });
  afterAll(() => stopHost(host));

  it('serves the page to no one without the session, and the page carries no secret', async () => {
    const anonymous = await send(host.port, '/', { method: 'GET' });
    expect(anonymous.status).toBe(403);
    expect(anonymous.body).not.toContain(host.secret);
    const api = await send(host.port, '/api/bundle:export', { headers: { 'content-type': 'application/json', origin: `http://127.0.0.1:${host.port}` }, body: '{"input":{}}' });
    expect(api.status).toBe(403);
    const withSession = await send(host.port, '/', { method: 'GET', headers: { cookie: `dossier-session=${host.secret}` } });
    expect(withSession.status).toBe(200);
    expect(withSession.body).not.toContain(host.secret);
  });

  it('spends the launch link on first use; the cookie it set is HttpOnly and SameSite=Strict', async () => {
    const path = new URL(host.launch).pathname;
    const again = await send(host.port, path, { method: 'GET' });
    expect(again.status).toBe(403);
    expect(again.headers['set-cookie']).toBeUndefined();
    const withSession = await send(host.port, path, { method: 'GET', headers: { cookie: `dossier-session=${host.secret}` } });
    expect(withSession.status).toBe(303);
    expect(String(withSession.headers['set-cookie'])).toMatch(/^dossier-session=[^;]+; HttpOnly; SameSite=Strict; Path=\/$/);
    const forged = await send(host.port, '/launch/' + 'A'.repeat(43), { method: 'GET' });
    expect(forged.status).toBe(403);
  });

  const otherUser = process.getuid?.() === 0 && spawnSync('setpriv', ['--version']).status === 0;
  if (!otherUser) console.log('[server-hardening] another-account check skipped: needs root and setpriv to act as user nobody');
  it.skipIf(!otherUser)('another account on the machine gets 403 for the page and the API', () => {
    const script = `const port = ${host.port};
      const page = await fetch('http://127.0.0.1:' + port + '/');
      const api = await fetch('http://127.0.0.1:' + port + '/api/bundle:export', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"input":{}}' });
      console.log(JSON.stringify({ page: page.status, api: api.status, uid: process.getuid() }));`;
    const run = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, '--input-type=module', '-e', script], { encoding: 'utf8', cwd: '/' });
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout.trim())).toEqual({ page: 403, api: 403, uid: 65534 });
  });
});
