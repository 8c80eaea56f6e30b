/**
 * Preview latency as the browser-mode app sees it: the edited report goes to
 * POST /api/reports:render on the real browser-mode server (in-process, port 0, the openApp
 * dispatch, its CSP and request guard), and a page served by that same server decodes the base64,
 * opens the PDF with pdf.js (the browser build from node_modules, one shared PDFWorker, the
 * previous document destroyed on each update, as renderer/src/pdf does) and draws page 1 on an
 * 800 px wide canvas. The page script is a static file because the CSP allows no inline script.
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { Dispatch } from '../../electron/core/dispatch';
import { startBrowserModeServer } from '../../electron/server/server';
import type { Report } from '../../electron/shared/entities';

export interface PreviewSample {
  /** fetch POST → JSON parsed (includes the server-side render). */
  roundTripMs: number;
  /** The dispatch call inside the server (the export itself). */
  serverMs: number;
  decodeMs: number;
  /** getDocument + getPage(1). */
  parseMs: number;
  /** page.render of page 1 to an 800 px canvas. */
  drawMs: number;
  totalMs: number;
  pageCount: number;
  mode: string;
}

const INDEX_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>preview bench</title>
<script type="module" src="/preview.js"></script></head><body></body></html>`;

const PREVIEW_JS = `import * as pdfjs from '/pdf.min.mjs';
pdfjs.GlobalWorkerOptions.workerSrc = '/pdf.worker.min.mjs';
const worker = new pdfjs.PDFWorker();
let previous = null;
window.benchPreview = async (report) => {
  await worker.promise;
  const t0 = performance.now();
  const response = await fetch('/api/reports:render', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ input: { report, options: {} } }),
  });
  const result = await response.json();
  if (!result.ok) throw new Error(result.error.code + ': ' + result.error.message);
  const t1 = performance.now();
  const binary = atob(result.value.pdfBase64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const t2 = performance.now();
  const task = pdfjs.getDocument({ data: bytes.slice(), worker, useSystemFonts: false, isOffscreenCanvasSupported: true });
  const doc = await task.promise;
  const page = await doc.getPage(1);
  const t3 = performance.now();
  const base = page.getViewport({ scale: 1 });
  const viewport = page.getViewport({ scale: 800 / base.width });
  const canvas = document.createElement('canvas');
  canvas.width = Math.floor(viewport.width);
  canvas.height = Math.floor(viewport.height);
  await page.render({ canvas, viewport }).promise;
  document.body.replaceChildren(canvas);
  const t4 = performance.now();
  if (previous) await previous.destroy();
  previous = task;
  return { roundTripMs: t1 - t0, decodeMs: t2 - t1, parseMs: t3 - t2, drawMs: t4 - t3, totalMs: t4 - t0, pageCount: doc.numPages,
    mode: worker.port instanceof Worker ? 'worker' : 'main-thread' };
};
window.benchReady = true;
`;

export interface PreviewBench {
  sample(report: Report): Promise<PreviewSample>;
  close(): Promise<void>;
}

export const startPreviewBench = async (browser: Browser, appDispatch: Dispatch): Promise<PreviewBench> => {
  let serverMs = 0;
  const dispatch: Dispatch = async (channel, input) => {
    const start = performance.now();
    try {
      return await appDispatch(channel, input);
    } finally {
      serverMs = performance.now() - start;
    }
  };
  const dir = mkdtempSync(join(tmpdir(), 'dossier-bench-preview-'));
  writeFileSync(join(dir, 'index.html'), INDEX_HTML);
  writeFileSync(join(dir, 'preview.js'), PREVIEW_JS);
  const build = join(process.cwd(), 'node_modules', 'pdfjs-dist', 'build');
  copyFileSync(join(build, 'pdf.min.mjs'), join(dir, 'pdf.min.mjs'));
  copyFileSync(join(build, 'pdf.worker.min.mjs'), join(dir, 'pdf.worker.min.mjs'));
  const server = await startBrowserModeServer({ dispatch, rendererDir: dir, port: 0 });
  const page = await browser.newPage({ viewport: { width: 900, height: 1200 } });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(server.launchUrl); // the session cookie, as npm start's link gives it
  await page.waitForFunction(() => (window as unknown as { benchReady?: boolean }).benchReady === true, undefined, { timeout: 15_000 }).catch(() => {
    throw new Error(`preview page did not start${errors.length ? `: ${errors.join('; ')}` : ''}`);
  });
  return {
    sample: async (report) => {
      const sample = await page.evaluate((input) => (window as unknown as { benchPreview: (r: unknown) => Promise<PreviewSample> }).benchPreview(input), report as unknown);
      return { ...sample, serverMs };
    },
    close: async () => {
      await page.close();
      server.server.closeAllConnections();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};
