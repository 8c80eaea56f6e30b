/**
 * Chromium (Debian's /usr/bin/chromium through playwright-core): the comparison exporter. The
 * fonts are served by a tiny loopback server with a long max-age, so after the warm-up Chromium
 * takes them from its cache (as an app exporting from its own bundle would); `dataFontUrl` gives
 * the data: URL variant.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../tests/helpers/chromium';
import { descendantsCpuMs } from './cpu';
import type { HtmlPage } from './html';
import { now } from './stats';

export const FONT_DIR = join(process.cwd(), 'resources', 'fonts');

export const launchChromium = async (): Promise<Browser> => {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`Chromium not found at ${CHROMIUM_PATH} (set CHROMIUM_PATH)`);
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
};

export interface FontServer {
  origin: string;
  fontUrl: (file: string) => string;
  close: () => Promise<void>;
}

/** Serves resources/fonts/* and an empty page at / on 127.0.0.1. */
export const startFontServer = async (): Promise<FontServer> => {
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    const match = /^\/fonts\/([A-Za-z-]+\.ttf)$/.exec(path);
    if (match) {
      response.writeHead(200, { 'Content-Type': 'font/ttf', 'Cache-Control': 'public, max-age=3600' });
      response.end(readFileSync(join(FONT_DIR, match[1]!)));
      return;
    }
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end('<!doctype html><title>bench</title>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    fontUrl: (file) => `${origin}/fonts/${file}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};

const dataUrls = new Map<string, string>();
export const dataFontUrl = (file: string): string => {
  let url = dataUrls.get(file);
  if (!url) {
    url = `data:font/ttf;base64,${readFileSync(join(FONT_DIR, file)).toString('base64')}`;
    dataUrls.set(file, url);
  }
  return url;
};

const pt = (value: number): string => `${((value * 4) / 3).toFixed(2)}px`;

export interface Furniture {
  marking: string;
  reference: string;
}

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The running header and footer of the pdfmake document, as Chromium templates. */
const templates = (furniture: Furniture, page: HtmlPage) => {
  const side = `padding:0 ${pt(page.margins[1])} 0 ${pt(page.margins[3])}`;
  const font = "font-family:'DejaVu Sans',sans-serif;color:#1B1F24";
  const marking = furniture.marking ? `<div style="text-align:center;font-size:8pt;font-weight:bold;letter-spacing:0.5pt">${escape(furniture.marking)}</div>` : '';
  return {
    headerTemplate: `<div style="width:100%;${side};${font};margin-top:30pt">${marking}</div>`,
    footerTemplate: `<div style="width:100%;${side};${font};margin-bottom:18pt">${marking}<div style="display:flex;font-size:7.5pt;color:#5B6470;margin-top:6pt"><span style="flex:1">${escape(furniture.reference)}</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div></div>`,
  };
};

export interface ChromiumExport {
  bytes: Buffer;
  setContentMs: number;
  pdfMs: number;
  totalMs: number;
  /** CPU time of all Chromium processes during the export (null without /proc). */
  cpuMs: number | null;
}

/** page.setContent + page.pdf() of one HTML document, timed. */
export const exportWithChromium = async (page: Page, html: HtmlPage, furniture: Furniture): Promise<ChromiumExport> => {
  const cpu0 = descendantsCpuMs();
  const t0 = now();
  await page.setContent(html.html, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  const t1 = now();
  const bytes = await page.pdf({
    format: html.format,
    printBackground: true,
    displayHeaderFooter: true,
    ...templates(furniture, html),
    margin: { top: pt(html.margins[0]), right: pt(html.margins[1]), bottom: pt(html.margins[2]), left: pt(html.margins[3]) },
  });
  const t2 = now();
  const cpu1 = descendantsCpuMs();
  return { bytes, setContentMs: t1 - t0, pdfMs: t2 - t1, totalMs: t2 - t0, cpuMs: cpu0 === null || cpu1 === null ? null : cpu1 - cpu0 };
};
