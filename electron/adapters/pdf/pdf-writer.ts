import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import pdfmakeModule from 'pdfmake';
import type { TDocumentDefinitions, TFontDictionary } from 'pdfmake/interfaces';
import { CSL_LOCALE_FILES, CSL_STYLE_FILES, type CitationStyleId } from '../../core/citations/formatter';
import { REPORT_FONT_FAMILIES } from '../../core/export/fonts';
import { reportFontPaths } from '../fonts';
import { projectRoot } from '../app/paths';
import { patchFastPaths, withFastFont } from '../../patches/node/pdfmake-fast-paths';
import { checkLibraryPatches } from '../../patches/node/check-versions';

export { setRenderFastPaths } from '../../patches/node/pdfmake-fast-paths';

/**
 * The one module that owns the pdfmake runtime: fonts, access policies, rendering.
 *
 * - Fonts: DejaVu Sans (regular, bold, oblique, bold oblique; covers Azerbaijani and Cyrillic),
 *   registered by absolute path as family "DejaVu Sans" (the name core/export/fonts.ts names and the charts'
 *   SVG asks for) and "DejaVuSans". Every font is embedded and subset by pdfkit.
 * - Policies: pdfmake may fetch nothing (`setUrlAccessPolicy(() => false)`) and read no local file
 *   but our four font files (`setLocalAccessPolicy`). A definition naming any other file or URL
 *   fails to render instead of reading it.
 * - Determinism: the same definition gives the same bytes. pdfkit's file ID is an MD5 of the info
 *   dictionary, whose CreationDate comes from `info.creationDate` (core/export fixes it from the
 *   report's date; when a definition has none, renderPdf fixes it to 2000-01-01). Font subset tags
 *   derive from font ids (F1, F2 … in order of first use), so nothing else varies.
 * - pdfmake mutates the definition it renders; renderPdf renders a copy, so the caller's
 *   definition can be rendered again.
 *
 * Fonts are not shared between documents: every document opens its fonts afresh, as stock pdfmake
 * does. A shared fontkit font was tried (it made warm exports much faster) and removed: fontkit keeps
 * each glyph object with the characters it was first met with, so a glyph first met as part of
 * another (Cyrillic "е" inside "ё") lost its text in every later document's ToUnicode map, and
 * copied or extracted text read "т рриторий" for "территорий" (tests/integration/pdf-glyph-text.test.ts).
 *
 * Fast paths (patches/node/pdfmake-fast-paths.ts): pdfmake's per-word style resolution, SVG size parsing and
 * pdfkit's per-word text drawing, colour setting, width measuring, glyph encoding and content
 * buffering, each replaced by code that does the same work once per distinct input and writes
 * the same bytes (`npm run bench` prints what they are worth: export times with the patches on and off).
 * Two more change the file but not what a reader sees (tests/integration/pdf-fast-paths.test.ts
 * compares poppler's rendering of every page, pixel by pixel, and the extracted text):
 * pdfkit-text-drawing.ts draws a line's words as one text object instead of one per word, and
 * pdfkit-deflate.ts compresses streams on libuv's thread pool while the next pages are drawn.
 * What remains is pdfmake's layout and the SVG renderer.
 */

// ---------------------------------------------------------------------------------------------
// Resources
// ---------------------------------------------------------------------------------------------

const cslDirectory = (): string => join(projectRoot(), 'resources', 'csl');

export interface CslResources {
  styles: Record<CitationStyleId, string>;
  /** By language tag; always has en-US. */
  locales: Record<string, string>;
}

let cslResources: CslResources | null = null;

/** The bundled CSL styles and locales (read once). */
export const loadCslResources = (): CslResources => {
  if (!cslResources) {
    const dir = cslDirectory();
    const read = (file: string): string => readFileSync(join(dir, file), 'utf8');
    const styles = Object.fromEntries(Object.entries(CSL_STYLE_FILES).map(([id, file]) => [id, read(file)])) as Record<CitationStyleId, string>;
    const locales = Object.fromEntries(Object.entries(CSL_LOCALE_FILES).map(([lang, file]) => [lang, read(file)]));
    cslResources = { styles, locales };
  }
  return cslResources;
};

// ---------------------------------------------------------------------------------------------
// pdfmake runtime
// ---------------------------------------------------------------------------------------------

interface PdfmakeRuntime {
  createPdf(definition: TDocumentDefinitions): { getStream(): Promise<Readable & { end(): void }> };
  setFonts(fonts: TFontDictionary): void;
  setUrlAccessPolicy(callback: (url: string) => boolean): void;
  setLocalAccessPolicy(callback: (path: string) => boolean): void;
}

interface Runtime {
  pdfmake: PdfmakeRuntime;
  fontPaths: string[];
}

let runtime: Runtime | null = null;
let patched = false;

const patchPdfmakeDocument = (): void => {
  if (patched) return;
  // All or none (patches/versions.ts): with another pdfmake or pdfkit, or switched off, nothing is installed.
  if (!checkLibraryPatches().active) return;
  patched = true;
  const require = createRequire(import.meta.url);
  const documentModule = require('pdfmake/js/PDFDocument') as { default?: { prototype: Record<string, unknown> } };
  const proto = documentModule.default?.prototype;
  const provideFont = proto?.provideFont;
  if (!proto || typeof provideFont !== 'function') return; // another pdfmake: leave it alone
  patchFastPaths(require, proto);
  const originalProvide = provideFont as (this: unknown, family: string, bold: boolean, italics: boolean) => unknown;
  // pdfkit's embedded-font class is not exported: its prototype is patched on the first font made.
  proto.provideFont = function (this: unknown, family: string, bold: boolean, italics: boolean): unknown {
    return withFastFont(originalProvide.call(this, family, bold, italics));
  };
};

const ensureRuntime = (): Runtime => {
  if (runtime) return runtime;
  const paths = reportFontPaths();
  patchPdfmakeDocument();

  const pdfmake = pdfmakeModule as unknown as PdfmakeRuntime;
  const family = { normal: paths.normal, bold: paths.bold, italics: paths.italics, bolditalics: paths.bolditalics };
  pdfmake.setFonts(Object.fromEntries(REPORT_FONT_FAMILIES.map((name) => [name, { ...family }])));
  pdfmake.setUrlAccessPolicy(() => false);
  const allowed = new Set(Object.values(paths));
  pdfmake.setLocalAccessPolicy((path: string) => allowed.has(resolve(path)));
  runtime = { pdfmake, fontPaths: [...allowed] };
  return runtime;
};

// ---------------------------------------------------------------------------------------------
// Rendering
// ---------------------------------------------------------------------------------------------

const FALLBACK_DATE = new Date(Date.UTC(2000, 0, 1));

/** A deep copy that keeps functions (header/footer, table layouts) and dates. */
const copyDefinition = <T>(value: T): T => {
  if (Array.isArray(value)) return value.map((item) => copyDefinition(item)) as T;
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) out[key] = copyDefinition(item);
    return out as T;
  }
  return value;
};

export interface RenderedDocument {
  bytes: Uint8Array;
  pageCount: number;
}

/**
 * pdfmake's `getBuffer`, plus the stream's errors: a document whose deferred compression failed
 * (pdfkit-deflate.ts) rejects instead of never ending.
 */
const readDocument = (document: Readable & { end(): void }): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    document.on('data', (chunk: Buffer) => chunks.push(chunk));
    document.once('end', () => resolve(Buffer.concat(chunks)));
    document.once('error', reject);
    document.end();
  });

type PageFunction = (currentPage: number, pageCount: number, pageSize: unknown) => unknown;

/** Renders a pdfmake document definition to PDF bytes and tells the page count. The definition itself is not modified. */
export const writePdf = async (definition: TDocumentDefinitions): Promise<RenderedDocument> => {
  const { pdfmake } = ensureRuntime();
  const copy = copyDefinition(definition);
  const info = { ...(copy.info ?? {}) };
  info.creationDate ??= FALLBACK_DATE;
  info.modDate ??= info.creationDate;
  copy.info = info;
  // pdfmake calls the header with the final page count on every page: listen in.
  let pageCount = 0;
  const header = copy.header;
  const listen: PageFunction = (currentPage, count, pageSize) => {
    pageCount = Math.max(pageCount, count);
    if (typeof header === 'function') return (header as PageFunction)(currentPage, count, pageSize);
    return header === undefined || header === null ? null : copyDefinition(header);
  };
  copy.header = listen as TDocumentDefinitions['header'];
  const buffer = await readDocument(await pdfmake.createPdf(copy).getStream());
  return { bytes: new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength), pageCount };
};

/** Renders a pdfmake document definition to PDF bytes. The definition itself is not modified. */
export const renderPdf = async (definition: TDocumentDefinitions): Promise<Uint8Array> => (await writePdf(definition)).bytes;

