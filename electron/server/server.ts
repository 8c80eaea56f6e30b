import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Dispatch } from '../core/dispatch';
import { CONTENT_SECURITY_POLICY } from '../shared/csp';
import { checkApiRequest, matchesSecret, SESSION_COOKIE, sessionFromCookie } from './request-guard';
import { readStatic, resolveStaticPath } from '../host-common/static-files';

export const MAX_BODY_BYTES = 64 * 1024 * 1024;
export const LOOPBACK = '127.0.0.1';

export interface BrowserModeServer {
  url: string;
  /** Opens the app once: exchanges its token for the session cookie (then it is spent). */
  launchUrl: string;
  port: number;
  secret: string;
  close(): Promise<void>;
  server: Server;
}

const securityHeaders = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

const sendJson = (response: ServerResponse, status: number, body: unknown): void => {
  const text = JSON.stringify(body);
  response.writeHead(status, { ...securityHeaders, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(text);
};

const refuse = (response: ServerResponse, status: number, code: string, message: string): void =>
  sendJson(response, status, { ok: false, error: { code, message } });

/** A malformed escape ("%E0%A4%A") must not throw out of the request listener and end the host. */
const decodeChannel = (raw: string): string => {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
};

const readBody = (request: IncomingMessage): Promise<Buffer | 'too-large'> =>
  new Promise((resolvePromise, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        request.removeAllListeners('data');
        request.resume();
        resolvePromise('too-large');
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolvePromise(Buffer.concat(chunks)));
    request.on('error', reject);
  });

/**
 * Browser mode: serves the built renderer and `POST /api/<channel>` over the same dispatch as
 * Electron's IPC, on loopback only.
 */
export const startBrowserModeServer = async ({
  dispatch,
  rendererDir,
  port = 0,
  secret = randomBytes(32).toString('base64url'),
  launchToken = randomBytes(32).toString('base64url'),
}: {
  dispatch: Dispatch;
  rendererDir: string;
  port?: number;
  secret?: string;
  launchToken?: string;
}): Promise<BrowserModeServer> => {
  let boundPort = port;
  let launchSpent = false;
  const hasSession = (request: IncomingMessage): boolean => matchesSecret(sessionFromCookie(request), secret);

  /**
   * GET /launch/<token>: the link `npm start` opens. The first use sets the session cookie and
   * sends the browser to the app; the token is spent, so a link seen in a process list or a
   * terminal by someone else opens nothing. A browser that already has the session just goes on.
   */
  const handleLaunch = (request: IncomingMessage, response: ServerResponse, token: string) => {
    const fresh = !launchSpent && matchesSecret(token, launchToken);
    if (fresh || hasSession(request)) {
      launchSpent = true;
      response.writeHead(303, {
        ...securityHeaders,
        Location: '/',
        'Cache-Control': 'no-store',
        'Set-Cookie': `${SESSION_COOKIE}=${secret}; HttpOnly; SameSite=Strict; Path=/`,
      });
      return response.end();
    }
    response.writeHead(403, { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
    response.end('This Dossier link was used already. Start Dossier again (npm start) for a new one.');
  };

  const handleApi = async (request: IncomingMessage, response: ServerResponse, channel: string) => {
    if (request.method !== 'POST') {
      response.setHeader('Allow', 'POST');
      return refuse(response, 405, 'FORBIDDEN', 'The API accepts POST only.');
    }
    const verdict = checkApiRequest(request, { port: boundPort, secret });
    if (!verdict.allowed) return refuse(response, 403, 'FORBIDDEN', `Request refused: ${verdict.reason}.`);
    if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
      return refuse(response, 415, 'INVALID_INPUT', 'The API accepts application/json only.');
    }
    const body = await readBody(request);
    if (body === 'too-large') return refuse(response, 413, 'INVALID_INPUT', `The request is larger than ${MAX_BODY_BYTES} bytes.`);
    let parsed: unknown;
    try {
      parsed = body.length ? JSON.parse(body.toString('utf8')) : {};
    } catch {
      return refuse(response, 400, 'INVALID_INPUT', 'The request body is not valid JSON.');
    }
    const input = typeof parsed === 'object' && parsed !== null && 'input' in parsed ? (parsed as { input: unknown }).input : undefined;
    sendJson(response, 200, await dispatch(channel, input));
  };

  const handleStatic = async (request: IncomingMessage, response: ServerResponse, path: string) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, securityHeaders);
      return response.end();
    }
    const file = resolveStaticPath(rendererDir, path);
    const found = file ? await readStatic(file) : null;
    if (!found) {
      response.writeHead(404, { ...securityHeaders, 'Content-Type': 'text/plain' });
      return response.end('Not found');
    }
    if (file?.endsWith('index.html') && !hasSession(request)) {
      // The app's page only to the browser that opened the launch link; the code files are public.
      response.writeHead(403, { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
      return response.end('Open Dossier with the link that "npm start" printed (it works once).');
    }
    response.writeHead(200, { ...securityHeaders, 'Content-Type': found.type, 'Cache-Control': 'no-cache' });
    response.end(request.method === 'HEAD' ? undefined : found.body);
  };

  const server = createServer((request, response) => {
    const url = request.url ?? '/';
    const path = url.split('?')[0] ?? '/';
    const host = request.headers.host ?? '';
    if (host !== `127.0.0.1:${boundPort}` && host !== `localhost:${boundPort}`) {
      return refuse(response, 403, 'FORBIDDEN', 'Request refused: unexpected Host header.');
    }
    if (path.startsWith('/launch/') && (request.method === 'GET' || request.method === 'HEAD')) return handleLaunch(request, response, path.slice('/launch/'.length));
    const task = path.startsWith('/api/') ? handleApi(request, response, decodeChannel(path.slice(5))) : handleStatic(request, response, path);
    task.catch((error: unknown) => {
      // A client that went away mid-request (a closed tab, a cancelled fetch) is routine: one line.
      const code = (error as NodeJS.ErrnoException | null)?.code;
      if (request.destroyed && (code === 'ECONNRESET' || code === 'ECONNABORTED' || (error as Error | null)?.message === 'aborted')) {
        console.error(`[dossier] request ${path} ended by the client before it was read`);
        return;
      }
      console.error('[dossier] request failed:', error);
      if (!response.headersSent) refuse(response, 500, 'INTERNAL', 'The request failed.');
      else response.end();
    });
  });
  server.requestTimeout = 120_000;

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, LOOPBACK, () => resolvePromise());
  });
  boundPort = (server.address() as AddressInfo).port;
  return {
    url: `http://${LOOPBACK}:${boundPort}/`,
    launchUrl: `http://${LOOPBACK}:${boundPort}/launch/${launchToken}`,
    port: boundPort,
    secret,
    server,
    close: () => new Promise((resolvePromise) => server.close(() => resolvePromise())),
  };
};
