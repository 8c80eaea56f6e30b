import { request } from 'node:http';

/**
 * Does what the browser does with the link `npm start` prints: GET /launch/<token>, keep the
 * session cookie from the 303. Returns the app's base URL and the session secret (which the API
 * also takes in the X-Dossier-Secret header, for programs).
 */
export const launchSession = (launchUrl: string): Promise<{ base: string; secret: string; cookie: string }> =>
  new Promise((resolve, reject) => {
    const url = new URL(launchUrl);
    const req = request({ host: url.hostname, port: url.port, path: url.pathname, method: 'GET' }, (response) => {
      response.resume();
      const setCookie = response.headers['set-cookie']?.[0] ?? '';
      const cookie = setCookie.split(';')[0] ?? '';
      const secret = cookie.split('=').slice(1).join('=');
      if (response.statusCode !== 303 || !secret) reject(new Error(`the launch link gave ${response.statusCode} without a session`));
      else resolve({ base: `${url.protocol}//${url.host}/`, secret, cookie });
    });
    req.on('error', reject);
    req.end();
  });

/** The launch URL in a browser-mode host's output ("Dossier (browser mode): http://…/launch/…"). */
export const LAUNCH_LINE = /browser mode\): (http:\/\/127\.0\.0\.1:\d+\/launch\/\S+)/;
