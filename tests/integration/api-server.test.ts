import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { STORE_FILE_NAME } from '../../electron/adapters/store/json-store';
import { openApp } from '../../electron/adapters/app/open-app';
import { startBrowserModeServer, LOOPBACK, MAX_BODY_BYTES, type BrowserModeServer } from '../../electron/server/server';
import { FIXTURE_SEEDS, makeTempDir, removeDir } from '../helpers/temp-dir';

let server: BrowserModeServer;
let dataDir: string;
let rendererDir: string;

beforeAll(async () => {
  dataDir = makeTempDir();
  rendererDir = makeTempDir('dossier-renderer-');
  mkdirSync(join(rendererDir, 'assets'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Dossier</title>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  const app = await openApp(dataDir, { seedDir: FIXTURE_SEEDS });
  server = await startBrowserModeServer({ dispatch: app.dispatch, rendererDir });
});
afterAll(async () => {
  await server.close();
  removeDir(dataDir);
  removeDir(rendererDir);
});

interface Reply {
  status: number;
  body: string;
  json: () => { ok: boolean; value?: unknown; error?: { code: string; message: string } };
}

/** A raw HTTP request, so tests can forge the headers a browser would not let a page set. */
const send = (path: string, { method = 'POST', headers = {}, body }: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<Reply> =>
  new Promise((resolvePromise, reject) => {
    const outgoing = request(
      { host: LOOPBACK, port: server.port, path, method, headers: { host: `127.0.0.1:${server.port}`, ...headers } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolvePromise({ status: response.statusCode ?? 0, body: text, json: () => JSON.parse(text) });
        });
      },
    );
    outgoing.on('error', reject);
    if (body !== undefined) outgoing.write(body);
    outgoing.end();
  });

const api = (channel: string, input: unknown, headers: Record<string, string> = {}) =>
  send(`/api/${channel}`, {
    headers: { 'content-type': 'application/json', origin: `http://127.0.0.1:${server.port}`, 'x-dossier-secret': server.secret, ...headers },
    body: JSON.stringify({ input }),
  });

const storeBytes = () => readFileSync(join(dataDir, STORE_FILE_NAME));

describe('browser-mode API server', () => {
  it('listens on loopback only', () => {
    const address = server.server.address();
    expect(typeof address === 'object' && address?.address).toBe('127.0.0.1');
  });

  it('serves a declared channel to our own page', async () => {
    const reply = await api('app:status', undefined);
    expect(reply.status).toBe(200);
    expect(reply.json()).toMatchObject({ ok: true, value: { counts: { facts: 2, sources: 1 } } });
  });

  it.each([
    ['an undeclared channel', () => api('facts:drop-all', {}), 200, 'UNKNOWN_CHANNEL'],
    ['a malformed input', () => api('app:status', { drop: true }), 200, 'INVALID_INPUT'],
    ['a request without the secret', () => api('app:status', undefined, { 'x-dossier-secret': '' }), 403, 'FORBIDDEN'],
    ['a request with a wrong secret', () => api('app:status', undefined, { 'x-dossier-secret': 'x'.repeat(43) }), 403, 'FORBIDDEN'],
    ['a foreign Origin', () => api('app:status', undefined, { origin: 'https://evil.example' }), 403, 'FORBIDDEN'],
    ['a look-alike Origin', () => api('app:status', undefined, { origin: `http://127.0.0.1:${server.port}.evil.example` }), 403, 'FORBIDDEN'],
    ['a DNS-rebinding Host', () => api('app:status', undefined, { host: `evil.example:${server.port}` }), 403, 'FORBIDDEN'],
    ['a non-JSON body type', () => send('/api/app:status', { headers: { 'x-dossier-secret': server.secret, 'content-type': 'text/plain' }, body: '{}' }), 415, 'INVALID_INPUT'],
    ['broken JSON', () => send('/api/app:status', { headers: { 'x-dossier-secret': server.secret, 'content-type': 'application/json' }, body: '{"input":' }), 400, 'INVALID_INPUT'],
    ['a GET', () => send('/api/app:status', { method: 'GET', headers: { 'x-dossier-secret': server.secret } }), 405, 'FORBIDDEN'],
  ])('%s fails with the right code and changes nothing', async (_, call, status, code) => {
    const before = storeBytes();
    const reply = await call();
    expect(reply.status).toBe(status);
    expect(reply.json()).toMatchObject({ ok: false, error: { code } });
    expect(storeBytes().equals(before)).toBe(true);
  });

  it('refuses an oversized body', async () => {
    const before = storeBytes();
    const reply = await send('/api/app:status', {
      headers: { 'x-dossier-secret': server.secret, 'content-type': 'application/json' },
      body: Buffer.alloc(MAX_BODY_BYTES + 1024, 0x20),
    });
    expect(reply.status).toBe(413);
    expect(storeBytes().equals(before)).toBe(true);
  });

  it('gives the page only with the session (never the secret itself), and serves no file outside the renderer folder', async () => {
    expect((await send('/', { method: 'GET' })).status).toBe(403);
    const page = await send('/', { method: 'GET', headers: { cookie: `dossier-session=${server.secret}` } });
    expect(page.status).toBe(200);
    expect(page.body).not.toContain(server.secret);
    expect((await send('/assets/app.js', { method: 'GET' })).status).toBe(200);
    for (const path of ['/../package.json', '/%2e%2e/%2e%2e/etc/passwd', '/assets/..%2f..%2fpackage.json']) {
      expect((await send(path, { method: 'GET' })).status).toBe(404);
    }
    expect((await send('/', { method: 'GET', headers: { host: 'evil.example' } })).status).toBe(403);
  });

  it('sends a strict CSP with every page', async () => {
    const reply = await new Promise<string | undefined>((resolvePromise) => {
      request({ host: LOOPBACK, port: server.port, path: '/', headers: { host: `127.0.0.1:${server.port}` } }, (response) => {
        resolvePromise(response.headers['content-security-policy'] as string | undefined);
        response.resume();
      }).end();
    });
    expect(reply).toMatch(/^default-src 'none'/);
  });
});

describe('a client that goes away mid-request', () => {
  it('is logged in one line, without a stack, and the server keeps serving', async () => {
    const logged: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      logged.push(args.map((arg) => (arg instanceof Error ? `${arg.message}\n${arg.stack}` : String(arg))).join(' '));
    });
    try {
      await new Promise<void>((resolvePromise) => {
        const outgoing = request({
          host: LOOPBACK,
          port: server.port,
          path: '/api/app:status',
          method: 'POST',
          headers: { host: `127.0.0.1:${server.port}`, 'content-type': 'application/json', 'x-dossier-secret': server.secret, 'content-length': '100000' },
        });
        outgoing.on('error', () => resolvePromise());
        outgoing.write('{"input":');
        setTimeout(() => {
          outgoing.destroy();
          resolvePromise();
        }, 100);
      });
      for (let i = 0; i < 50 && logged.length === 0; i += 1) await new Promise((resolvePromise) => setTimeout(resolvePromise, 20));
      expect(logged).toHaveLength(1);
      expect(logged[0]).toMatch(/ended by the client/);
      expect(logged[0]).not.toMatch(/\n\s+at /);
    } finally {
      spy.mockRestore();
    }
    const after = await new Promise<number>((resolvePromise) => {
      request({ host: LOOPBACK, port: server.port, path: '/', headers: { host: `127.0.0.1:${server.port}` } }, (response) => {
        response.resume();
        resolvePromise(response.statusCode ?? 0);
      }).end();
    });
    expect(after).toBe(403);
  });
});
