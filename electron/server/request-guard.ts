import type { IncomingMessage } from 'node:http';
import { timingSafeEqual } from 'node:crypto';

export const SECRET_HEADER = 'x-dossier-secret';
export const SESSION_COOKIE = 'dossier-session';

/** The session secret from the request's cookie header, if it carries one. */
export const sessionFromCookie = (request: IncomingMessage): string | null => {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE) return value.join('=');
  }
  return null;
};

/** Constant-time comparison of a presented secret with ours. */
export const matchesSecret = (given: string | null | undefined, secret: string): boolean => {
  if (typeof given !== 'string') return false;
  const expected = Buffer.from(secret);
  const actual = Buffer.from(given);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
};

/**
 * Decides whether a request may reach the API. Loopback binding alone is not enough: any web
 * page the user opens can POST to 127.0.0.1, DNS rebinding can make it same-origin, and any
 * other account on the machine can connect to the port. So the Host must be our loopback
 * address, a browser's Origin must be ours, and the per-run secret must match: the session
 * cookie our page got through the one-time launch link (HttpOnly, so no script reads it), or the
 * same secret in a header (programs that did the launch exchange themselves).
 */
export const checkApiRequest = (
  request: IncomingMessage,
  { port, secret }: { port: number; secret: string },
): { allowed: true } | { allowed: false; reason: string } => {
  const allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const host = request.headers.host ?? '';
  if (!allowedHosts.has(host)) return { allowed: false, reason: 'unexpected Host header' };
  const origin = request.headers.origin;
  if (origin !== undefined && !allowedHosts.has(origin.replace(/^http:\/\//, '')) ) {
    return { allowed: false, reason: 'foreign Origin' };
  }
  if (origin !== undefined && !origin.startsWith('http://')) return { allowed: false, reason: 'foreign Origin' };
  const header = request.headers[SECRET_HEADER];
  const given = typeof header === 'string' ? header : sessionFromCookie(request);
  if (given === null) return { allowed: false, reason: 'missing secret' };
  if (!matchesSecret(given, secret)) return { allowed: false, reason: 'wrong secret' };
  return { allowed: true };
};
