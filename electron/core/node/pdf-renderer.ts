import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import pdfmakeModule from 'pdfmake';
import type { TDocumentDefinitions, TFontDictionary } from 'pdfmake/interfaces';
import { CSL_LOCALE_FILES, CSL_STYLE_FILES, type CitationStyleId } from '../citations/formatter';
import { REPORT_FONT } from '../report/document';
import { projectRoot } from './paths';
import { patchFastPaths, withFastFont } from './pdf-fast-paths';
import { libraryPatchesActive } from '../library-patches';
import { checkLibraryPatches } from './library-versions';
import { clearRenderCaches } from './render-cache';

export { setRenderFastPaths } from './pdf-fast-paths';

/**
 * The one module that owns the pdfmake runtime: fonts, access policies, rendering.
 *
 * - Fonts: DejaVu Sans (regular, bold, oblique, bold oblique; covers Azerbaijani and Cyrillic),
 *   registered by absolute path as family "DejaVu Sans" (the name core/report uses and the charts'
 *   SVG asks for) and "DejaVuSans". Every font is embedded and subset by pdfkit.
 * - Policies: pdfmake may fetch nothing (`setUrlAccessPolicy(() => false)`) and read no local file
 *   but our four font files (`setLocalAccessPolicy`). A definition naming any other file or URL
 *   fails to render instead of reading it.
 * - Determinism: the same definition gives the same bytes. pdfkit's file ID is an MD5 of the info
 *   dictionary, whose CreationDate comes from `info.creationDate` (core/report fixes it from the
 *   report's date; when a definition has none, renderPdf fixes it to 2000-01-01). Font subset tags
 *   derive from font ids (F1, F2 … in order of first use), so nothing else varies.
 * - pdfmake mutates the definition it renders; renderPdf renders a copy, so the caller's
 *   definition can be rendered again.
 *
 * Font re-parsing, and what this module does about it
 * ---------------------------------------------------
 * For every document pdfmake makes a new pdfkit document, and pdfkit opens each font afresh:
 * read the file, `fontkit.create()` (parse the directory, then lazily cmap, hmtx, GSUB/GPOS, glyf
 * as text is laid out), and start an empty per-document layout cache of shaped words. Worse, the
 * SVG renderer calls `doc.font(path)` for every `<text>` element of every chart, and pdfkit — not
 * finding the path among its cached families — reads and parses the file again each time before
 * noticing it already has an equal font. All of that work is identical from one export to the next.
 *
 * The fix sits at the layer where pdfmake asks pdfkit for a font: pdfmake's `PDFDocument` (a
 * pdfkit subclass). Its `provideFont` (text) and `font` (SVG text) are wrapped so that, for our
 * registered font files, each document gets a pdfkit `EmbeddedFont` built around one process-wide
 * fontkit `Font` per file (parsed tables and glyph cache kept) and one shared cache of shaped words
 * per file, and the path is registered in the document's font families so SVG text finds it. What
 * must stay per document stays per document: the EmbeddedFont itself (its id, subset of used glyphs,
 * widths and ToUnicode map), so each PDF embeds exactly the glyphs it uses. fontkit's `create` cannot
 * be wrapped (the package exports it as a getter-only property), and pdfkit's `EmbeddedFont` class
 * is not exported, so the first font built the ordinary way supplies its constructor.
 *
 * Measured here (2 cores shared with other jobs, load average ~4, so absolute numbers are noisy;
 * the two modes were alternated run by run, `setFontSharing(false)` being stock pdfmake), median of
 * warm renders of the same definition:
 *   - 9-page donor appeal, 3 charts, ~45 notes (tests/integration/pdf-export.test.ts): 289 ms → 179 ms
 *   - 8-page appeal, 2 charts, 42 notes: 269 ms → 160 ms (fastest runs 202 ms → 122 ms)
 * i.e. ~110 ms (about 40 %) less per export, the same bytes either way (the integration test
 * compares them). The first render in a process still pays ~1 s for loading pdfmake and parsing the
 * fonts once.
 *
 * Fast paths (pdf-fast-paths.ts): pdfmake's per-word style resolution, SVG size parsing and
 * pdfkit's per-word text drawing, colour setting, width measuring, glyph encoding and content
 * buffering, each replaced by code that does the same work once per distinct input and writes
 * the same bytes. Measured (CPU time of warm renders, alternating on/off, same bytes): 10-page
 * briefing 210 → 118 ms, 201-page report 3.96 → 1.79 s.
 * Two more change the file but not what a reader sees (tests/integration/pdf-fast-paths.test.ts
 * compares poppler's rendering of every page, pixel by pixel, and the extracted text):
 * pdf-text-drawing.ts draws a line's words as one text object instead of one per word, and
 * pdf-deflate.ts compresses streams on libuv's thread pool while the next pages are drawn.
 * What remains is pdfmake's layout and the SVG renderer.
 */

// ---------------------------------------------------------------------------------------------
// Resources
// ---------------------------------------------------------------------------------------------

const FONT_FILES = {
  normal: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  italics: 'DejaVuSans-Oblique.ttf',
  bolditalics: 'DejaVuSans-BoldOblique.ttf',
} as const;

/** The family names the fonts are registered under (the SVG font stack names both spellings). */
export const PDF_FONT_FAMILIES = [REPORT_FONT, 'DejaVuSans'] as const;

let fontDir: string | null = null;
let cslDir: string | null = null;

/** Point the renderer at other copies of resources/fonts and resources/csl (e.g. a packaged app). Call before the first render. */
export const configurePdfRenderer = (options: { fontDir?: string; cslDir?: string }): void => {
  if (options.fontDir) fontDir = resolve(options.fontDir);
  if (options.cslDir) cslDir = resolve(options.cslDir);
  runtime = null;
  cslResources = null;
  clearRenderCaches();
};

const fontDirectory = (): string => fontDir ?? join(projectRoot(), 'resources', 'fonts');
const cslDirectory = (): string => cslDir ?? join(projectRoot(), 'resources', 'csl');

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

/** What this module touches of pdfkit's document (pdfkit 0.19 as used by pdfmake 0.3). */
interface KitDocument {
  _fontFamilies: Record<string, EmbeddedFontLike>;
  _fontCount: number;
  _font: EmbeddedFontLike | null;
  fontCache: Record<string, Record<string, EmbeddedFontLike>>;
  getFontType(bold: boolean, italics: boolean): string;
  getFontFile(family: string, bold: boolean, italics: boolean): unknown;
}

interface EmbeddedFontLike {
  font: unknown;
  layoutCache?: Record<string, unknown>;
  constructor: new (document: KitDocument, font: unknown, id: string) => EmbeddedFontLike;
}

interface SharedFont {
  font: unknown;
  Embedded: new (document: KitDocument, font: unknown, id: string) => EmbeddedFontLike;
  layoutCache: Record<string, unknown>;
}

interface Runtime {
  pdfmake: PdfmakeRuntime;
  fontPaths: string[];
}

let runtime: Runtime | null = null;
/** Font bytes by absolute path, read once (only these files are readable by pdfmake). */
const fontBytes = new Map<string, Uint8Array>();
/** Parsed fonts shared by all documents, by absolute path. */
const sharedFonts = new Map<string, SharedFont>();
let fontSharing = true;
let patched = false;

/** Cap for the shared shaped-word caches (entries per font); reset when exceeded. */
const LAYOUT_CACHE_LIMIT = 50_000;

/** The shared font parse is one of the library patches: on only while they are. */
const sharingFonts = (): boolean => fontSharing && libraryPatchesActive();

const patchPdfmakeDocument = (): void => {
  if (patched) return;
  // All or none (core/library-patches.ts): with another pdfmake or pdfkit, or switched off, nothing is installed.
  const patches = checkLibraryPatches();
  if (!patches.active) return;
  patched = true;
  const require = createRequire(import.meta.url);
  const documentModule = require('pdfmake/js/PDFDocument') as { default?: { prototype: Record<string, unknown> } };
  const proto = documentModule.default?.prototype;
  const kitFont = proto ? (Object.getPrototypeOf(proto) as Record<string, unknown>).font : undefined;
  const provideFont = proto?.provideFont;
  if (!proto || typeof kitFont !== 'function' || typeof provideFont !== 'function') return; // another pdfmake: leave it alone
  patchFastPaths(require, proto);
  const openFont = kitFont as (this: KitDocument, src: unknown, family?: unknown, size?: unknown) => KitDocument;
  const originalProvide = provideFont as (this: KitDocument, family: string, bold: boolean, italics: boolean) => EmbeddedFontLike;

  /** This document's EmbeddedFont for one of our font files, built around the shared parse. */
  const attach = (doc: KitDocument, path: string): EmbeddedFontLike | null => {
    const existing = doc._fontFamilies[path];
    if (existing) return existing;
    const bytes = fontBytes.get(path);
    if (!bytes) return null;
    let shared = sharedFonts.get(path);
    let embedded: EmbeddedFontLike;
    if (!shared) {
      // First use in this process: let pdfkit open it the ordinary way, then keep its parts.
      const current = doc._font;
      openFont.call(doc, bytes);
      embedded = doc._font as EmbeddedFontLike;
      doc._font = current;
      shared = { font: embedded.font, Embedded: embedded.constructor, layoutCache: embedded.layoutCache ?? Object.create(null) };
      sharedFonts.set(path, shared);
    } else {
      embedded = new shared.Embedded(doc, shared.font, `F${++doc._fontCount}`);
    }
    embedded.layoutCache = shared.layoutCache;
    doc._fontFamilies[path] = embedded;
    return embedded;
  };

  proto.provideFont = function (this: KitDocument, family: string, bold: boolean, italics: boolean): EmbeddedFontLike {
    if (sharingFonts()) {
      const type = this.getFontType(bold, italics);
      const cached = this.fontCache[family]?.[type];
      if (cached) return cached;
      const file = this.getFontFile(family, bold, italics);
      const embedded = typeof file === 'string' ? attach(this, file) : null;
      if (embedded) {
        (this.fontCache[family] ??= {})[type] = embedded;
        return withFastFont(embedded);
      }
    }
    return withFastFont(originalProvide.call(this, family, bold, italics));
  };

  proto.font = function (this: KitDocument, src: unknown, family?: unknown, size?: unknown): KitDocument {
    // The SVG renderer names fonts by file path; answer from the shared parse instead of re-reading.
    if (sharingFonts() && typeof src === 'string' && fontBytes.has(src)) attach(this, src);
    return openFont.call(this, src, family, size);
  };
};

const ensureRuntime = (): Runtime => {
  if (runtime) return runtime;
  const dir = fontDirectory();
  const paths = {
    normal: resolve(dir, FONT_FILES.normal),
    bold: resolve(dir, FONT_FILES.bold),
    italics: resolve(dir, FONT_FILES.italics),
    bolditalics: resolve(dir, FONT_FILES.bolditalics),
  };
  fontBytes.clear();
  sharedFonts.clear();
  for (const path of Object.values(paths)) fontBytes.set(path, new Uint8Array(readFileSync(path)));
  patchPdfmakeDocument();

  const pdfmake = pdfmakeModule as unknown as PdfmakeRuntime;
  const family = { normal: paths.normal, bold: paths.bold, italics: paths.italics, bolditalics: paths.bolditalics };
  pdfmake.setFonts(Object.fromEntries(PDF_FONT_FAMILIES.map((name) => [name, { ...family }])));
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

const trimLayoutCaches = (): void => {
  for (const shared of sharedFonts.values()) {
    let count = 0;
    for (const _key in shared.layoutCache) if (++count > LAYOUT_CACHE_LIMIT) break;
    if (count > LAYOUT_CACHE_LIMIT) {
      // Documents already built keep the old object; new ones share a fresh cache.
      shared.layoutCache = Object.create(null) as Record<string, unknown>;
    }
  }
};

export interface RenderedDocument {
  bytes: Uint8Array;
  pageCount: number;
}

/**
 * pdfmake's `getBuffer`, plus the stream's errors: a document whose deferred compression failed
 * (pdf-deflate.ts) rejects instead of never ending.
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
export const renderPdfDocument = async (definition: TDocumentDefinitions): Promise<RenderedDocument> => {
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
  trimLayoutCaches();
  return { bytes: new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength), pageCount };
};

/** Renders a pdfmake document definition to PDF bytes. The definition itself is not modified. */
export const renderPdf = async (definition: TDocumentDefinitions): Promise<Uint8Array> => (await renderPdfDocument(definition)).bytes;

/**
 * Turns the shared font parse on or off (on by default). Off opens fonts exactly as stock pdfmake
 * does; used to measure the difference and as an escape hatch. (The other fast paths of this
 * module have their own switch, `setRenderFastPaths`.)
 */
export const setFontSharing = (enabled: boolean): void => {
  fontSharing = enabled;
};

/** The absolute paths of the font files pdfmake is allowed to read. */
export const pdfFontPaths = (): readonly string[] => ensureRuntime().fontPaths;
