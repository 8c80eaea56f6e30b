import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setParallelDeflate } from '../../electron/patches/node/pdfkit-deflate';
import { setLibraryPatches } from '../../electron/patches/versions';
import { renderPdf } from '../../electron/adapters/pdf/pdf-writer';
import { clearRenderCaches } from '../../electron/core/export/render-cache';
import { openTestApp, type TestApp } from '../helpers/open-test-app';
import { makeTempDir, removeDir } from '../helpers/temp-dir';

/**
 * The renderer's fast paths (pdfkit-text-drawing.ts, pdfkit-deflate.ts) write fewer operators and place
 * compressed streams later in the file; what a reader sees must not change. Each document is
 * rendered with the library patches on and off (pdfmake's and pdfkit's own code) and compared the
 * way a reader would: every page rasterized by poppler, pixel by pixel, and the extracted text.
 */

let dir: string;
let app: TestApp;

beforeAll(async () => {
  dir = makeTempDir('dossier-fast-');
  // On this thread: the test switches the library patches and caches here, where the export runs.
  app = await openTestApp({ threads: 'in-process' });
});

afterAll(() => {
  setLibraryPatches(true);
  setParallelDeflate(true);
  app.close();
  removeDir(dir);
});

const render = async (name: string, bytes: Uint8Array) => {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, bytes);
  execFileSync('pdftoppm', ['-r', '100', '-gray', file, join(dir, name)]);
  const pages = readdirSync(dir)
    .filter((entry) => entry.startsWith(`${name}-`) && entry.endsWith('.pgm'))
    .sort()
    .map((entry) => readFileSync(join(dir, entry)));
  return { file, pages, text: execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }) };
};

/** Pixels whose grey level differs by more than anti-aliasing noise. */
const differingPixels = (a: Buffer, b: Buffer): number => {
  if (a.length !== b.length) return Math.max(a.length, b.length);
  let count = 0;
  for (let i = 0; i < a.length; i += 1) if (Math.abs(a[i]! - b[i]!) > 8) count += 1;
  return count;
};

const compareModes = async (name: string, produce: () => Promise<Uint8Array>) => {
  setLibraryPatches(false);
  const stockBytes = await produce();
  setLibraryPatches(true);
  const fastBytes = await produce();
  const stock = await render(`${name}-stock`, stockBytes);
  const fast = await render(`${name}-fast`, fastBytes);
  return { stock, fast, stockBytes, fastBytes };
};

const expectSameReading = (result: Awaited<ReturnType<typeof compareModes>>): void => {
  const { stock, fast } = result;
  expect(fast.pages.length).toBe(stock.pages.length);
  expect(fast.pages.length).toBeGreaterThan(0);
  fast.pages.forEach((page, index) => expect(differingPixels(page, stock.pages[index]!), `page ${index + 1}`).toBe(0));
  expect(fast.text).toBe(stock.text);
  const check = spawnSync('qpdf', ['--check', fast.file], { encoding: 'utf8' });
  expect(check.status, check.stdout + check.stderr).toBe(0);
};

describe('render fast paths change nothing a reader sees', () => {
  it.each(['report-sample-donor-appeal', 'report-sample-briefing-note'])('%s: same pages, pixel for pixel, and the same text; a warm render gives the same bytes as a cold one', async (id) => {
    const report = app.store.read().reports.find((entry) => entry.id === id);
    expect(report).toBeDefined();
    const produce = async () => Buffer.from((await app.call('reports:render', { report: report! })).pdfBase64, 'base64');
    clearRenderCaches();
    const cold = await produce();
    const result = await compareModes(id, produce); // fast: notes and charts from the caches
    expect(Buffer.compare(cold, result.fastBytes)).toBe(0);
    expectSameReading(result);
    // Fewer operators: the fast document is smaller, not just equal.
    expect(result.fastBytes.length).toBeLessThan(result.stockBytes.length);
  });

  it('draws SVGs with opacity groups and gradients the same as pdfmake does', async () => {
    const svg = (n: number) =>
      `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100" viewBox="0 0 200 100"><defs><linearGradient id="g${n}"><stop offset="0" stop-color="#0072B2"/><stop offset="1" stop-color="#E69F00"/></linearGradient></defs>` +
      `<g opacity="0.5"><rect x="10" y="10" width="80" height="40" fill="#009E73"/></g><rect x="100" y="10" width="80" height="40" fill="url(#g${n})"/>` +
      `<rect x="10" y="60" width="60" height="20" fill="#D55E00" fill-opacity="0.6"/><text x="100" y="80" font-family="DejaVu Sans" font-size="12">Ağdam ${n}</text></svg>`;
    const definition: TDocumentDefinitions = {
      defaultStyle: { font: 'DejaVu Sans' },
      content: [{ svg: svg(1), width: 200 }, { svg: svg(1), width: 200 }, { text: 'between' }, { svg: svg(2), width: 300 }],
    };
    await renderPdf(definition);
    const result = await compareModes('svg-groups', () => renderPdf(definition));
    expectSameReading(result);
    expect(result.fast.text).toContain('Ağdam 2');
  });

  it('draws mixed lines alike: colours, opacity, bold and italic, sizes, super- and subscripts, links, decorations, Azerbaijani and Cyrillic', async () => {
    const definition: TDocumentDefinitions = {
      defaultStyle: { font: 'DejaVu Sans', fontSize: 10 },
      content: [
        { text: ['Plain words, then ', { text: 'bold', bold: true }, ' and ', { text: 'italic', italics: true }, ' and a ', { text: 'larger', fontSize: 14 }, ' word.'] },
        { text: ['Colours: ', { text: 'red', color: '#cc0000' }, ' then ', { text: 'faded', opacity: 0.4 }, ' then ', { text: 'named blue', color: 'blue' }, ' and back.'] },
        { text: ['A figure', { text: '12', sup: true }, ' and water H', { text: '2', sub: true }, 'O, then a ', { text: 'link', link: 'https://example.org/' }, ' and a ', { text: 'note', linkToDestination: 'dest' }, '.'] },
        { text: ['Underlined ', { text: 'words here', decoration: 'underline' }, ', highlighted ', { text: 'words', background: '#ffee88' }, ', spaced ', { text: 'letters', characterSpacing: 2 }, '.'] },
        { text: 'Ağdam, Füzuli, Şuşa: minaların təmizlənməsi — разминирование территорий, 4,9 % xarici yardım.', alignment: 'justify' },
        { text: 'A justified paragraph that wraps over several lines so that the words are spread to both margins, which moves each word away from where its natural advance would put it. '.repeat(4), alignment: 'justify' },
        { text: 'Centred heading', alignment: 'center', fontSize: 16, bold: true, color: '#1f3a5f', id: 'dest' },
        { ul: ['First point with a figure of 1,234 km²', 'Second point'] },
        { table: { body: [[{ text: 'Cell', bold: true }, { text: 'Right', alignment: 'right' }], ['1.5 million', { text: '95.1 %', color: '#2a7' }]] } },
      ],
      header: { text: 'OFFICIAL — FOR DONOR USE', alignment: 'center', fontSize: 8, color: '#666666', margin: [0, 12, 0, 0] },
      footer: (page: number, count: number) => ({ text: `Page ${page} of ${count}`, alignment: 'right', fontSize: 8, margin: [0, 0, 40, 0] }),
    };
    const result = await compareModes('mixed', () => renderPdf(definition));
    expectSameReading(result);
    expect(result.fast.text).toContain('разминирование');
    const links = execFileSync('qpdf', ['--qdf', '--object-streams=disable', result.fast.file, '-'], { encoding: 'latin1' });
    expect(links).toContain('https://example.org/');
  });

  it('compresses streams off the main thread with the same content, in the same order every time', async () => {
    const report = app.store.read().reports.find((entry) => entry.id === 'report-sample-donor-appeal')!;
    const produce = async () => Buffer.from((await app.call('reports:render', { report })).pdfBase64, 'base64');
    setParallelDeflate(false);
    const inPlace = await produce();
    setParallelDeflate(true);
    const deferred = await produce();
    const again = await produce();
    expect(Buffer.compare(deferred, again)).toBe(0);
    // Objects move, content does not: qpdf's normalized, uncompressed form lists the same objects.
    const normalized = (bytes: Buffer, name: string) => {
      const file = join(dir, name);
      writeFileSync(file, bytes);
      return execFileSync('qpdf', ['--qdf', '--static-id', '--object-streams=disable', '--stream-data=uncompress', file, '-'], { encoding: 'latin1', maxBuffer: 64 * 1024 * 1024 });
    };
    const objects = (qdf: string) => qdf.split(/\n(?=\d+ 0 obj)/).filter((part) => /^\d+ 0 obj/.test(part)).map((part) => part.replace(/^\d+ 0 obj/, '').replace(/\d+ 0 R/g, 'R')).sort();
    expect(objects(normalized(deferred, 'deferred.pdf'))).toEqual(objects(normalized(inPlace, 'in-place.pdf')));
    const read = await render('deferred', deferred);
    const reference = await render('in-place', inPlace);
    expect(read.text).toBe(reference.text);
    expect(spawnSync('qpdf', ['--check', read.file]).status).toBe(0);
  });
});
