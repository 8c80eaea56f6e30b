import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import { resolveStaticPath } from '../host-common/static-files';

/**
 * The renderer is served from app://dossier/ rather than file://: a standard, secure origin of
 * its own, so CSP 'self' means exactly our files, the pdf.js module worker is same-origin, and
 * the IPC sender check has one origin to compare.
 */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = 'app://dossier';
export const RENDERER_URL = `${APP_ORIGIN}/index.html`;

/** Must run before the app is ready. */
export const registerAppScheme = (): void => {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
};

export const serveRenderer = (rendererDir: string): void => {
  protocol.handle(APP_SCHEME, (request) => {
    const url = new URL(request.url);
    const file = url.host === 'dossier' ? resolveStaticPath(rendererDir, url.pathname) : null;
    if (!file) return new Response('Not found', { status: 404 });
    return net.fetch(pathToFileURL(file).href);
  });
};
