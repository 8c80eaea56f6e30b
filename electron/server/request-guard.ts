import type { IncomingMessage } from 'node:http';
import { timingSafeEqual } from 'node:crypto';

export const SECRET_HEADER = 'x-dossier-secret';

/**
 * Decides whether a request may reach the API. Loopback binding alone is not enough: any web
 * page the user opens can POST to 127.0.0.1, and DNS rebinding can make it same-origin. So the
 * Host must be our loopback address, a browser's Origin must be ours, and the per-run secret
 * (only given to our own page) must match.
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
  const given = request.headers[SECRET_HEADER];
  if (typeof given !== 'string') return { allowed: false, reason: 'missing secret' };
  const expected = Buffer.from(secret);
  const actual = Buffer.from(given);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return { allowed: false, reason: 'wrong secret' };
  return { allowed: true };
};
