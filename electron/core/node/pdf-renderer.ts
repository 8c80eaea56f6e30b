import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import pdfmakeModule from 'pdfmake';
import type { TDocumentDefinitions, TFontDictionary } from 'pdfmake/interfaces';
import { CSL_LOCALE_FILES, CSL_STYLE_FILES, type CitationStyleId } from '../citations/formatter';
import { REPORT_FONT } from '../report/document';
import { projectRoot } from './paths';
import { installParallelDeflate } from './pdf-deflate';
import { boundedSet, cacheFor, packageVersion } from './pdf-patch-utils';
import { patchTextDrawing } from './pdf-text-drawing';
import { patchSvgReplay } from './pdf-svg-replay';
import { clearRenderCaches, renderCachingEnabled } from './render-cache';

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
 * Fast paths (see "Fast paths" below): pdfmake's per-word style resolution, SVG size parsing and
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

const patchPdfmakeDocument = (): void => {
  if (patched) return;
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

  const withFastFont = (font: EmbeddedFontLike): EmbeddedFontLike => {
    if (!fontPrototypePatched && font && typeof font === 'object') patchEmbeddedFont(Object.getPrototypeOf(font) as Record<string, unknown>);
    return font;
  };

  proto.provideFont = function (this: KitDocument, family: string, bold: boolean, italics: boolean): EmbeddedFontLike {
    if (fontSharing) {
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
    if (fontSharing && typeof src === 'string' && fontBytes.has(src)) attach(this, src);
    return openFont.call(this, src, family, size);
  };
};

// ---------------------------------------------------------------------------------------------
// Fast paths: pdfmake's style lookup and pdfkit's content writes (same bytes)
// ---------------------------------------------------------------------------------------------

/**
 * Two hot spots of a long export, rewritten to do the same work once instead of per word:
 *
 * - Style resolution. pdfmake's `TextInlines#measure` resolves 23 style properties for every word
 *   (`StyleContextStack.getStyleProperty`: push the word's styles on the stack, walk it, pop),
 *   although the words of one text run carry identical style properties (`TextBreaker` copies
 *   the run's properties onto each word). The replacement below is pdfmake 0.3.11's `measure`
 *   with one change: when a word's properties (all but `text`, `lineEnd`, `noNewLine`,
 *   `leadingCut`, `leadingIndent`, none of which is a style property) are the same keys and
 *   values as the previous word's before it was measured, the previous word's resolved values
 *   are reused; `getStyleProperty` reads
 *   nothing else (the word, its named styles, the stack, which `measure` does not change), so the
 *   values are the ones it would return. Assignments happen in pdfmake's order. Installed only
 *   for pdfmake 0.3.11.
 * - Content streams. pdfkit turns every operator it writes to a page (~10 per word: q, cm, BT,
 *   Tm, Tf, TJ, ET, Q, colour) into its own Buffer (`PDFReference#write`: `Buffer.from(chunk +
 *   '\n', 'binary')`) and concatenates them at the end. The patched `write` keeps string chunks
 *   as one string and converts each run of them with one `Buffer.from(text, 'binary')` when a
 *   binary chunk arrives or the object is finalized: the same bytes in the same order ('binary'
 *   maps each UTF-16 unit to one byte, so lengths add up the same).
 *
 * `setRenderFastPaths(false)` renders with pdfmake's and pdfkit's own code (for comparison).
 */
let fastPaths = true;
let fastPathsPatched = false;
let referencePatched = false;

type Inline = Record<string, unknown> & { text: string; font: FontLike; fontSize: number; sup?: unknown; sub?: unknown; leadingCut?: number; trailingCut?: number };
interface FontLike {
  lineHeight(size: number): number;
}
type GetStyleProperty = (item: object, stack: unknown, property: string, defaultValue: unknown) => unknown;
interface TextInlinesLike {
  pdfDocument: { provideFont(family: unknown, bold: unknown, italics: unknown): FontLike };
  widthOfText(text: string, inline: Inline): number;
}

const LEADING_SPACE = /^(\s)+/g;
const TRAILING_SPACE = /(\s)+$/g;

/** Keys of a measured word that are not style properties (per-word text and layout state). */
const notStyle = (key: string): boolean => key === 'text' || key === 'lineEnd' || key === 'noNewLine' || key === 'leadingCut' || key === 'leadingIndent';

/**
 * Whether `item`'s properties, other than the per-word ones, are the keys and values recorded in
 * `snapshot` (as `[key, value, key, value …]`, in enumeration order). Enumerable inherited
 * properties count too, as `getStyleProperty` would read them.
 */
const sameStyle = (item: Record<string, unknown>, snapshot: readonly unknown[]): boolean => {
  let i = 0;
  for (const key in item) {
    if (notStyle(key)) continue;
    if (snapshot[i] !== key || snapshot[i + 1] !== item[key]) return false;
    i += 2;
  }
  return i === snapshot.length;
};

const styleSnapshot = (item: Record<string, unknown>): unknown[] => {
  const out: unknown[] = [];
  for (const key in item) if (!notStyle(key)) out.push(key, item[key]);
  return out;
};


const patchMeasure = (require: NodeRequire): void => {
  const version = packageVersion(require, 'pdfmake');
  const inlines = (require('pdfmake/js/TextInlines') as { default?: { prototype: Record<string, unknown> } }).default?.prototype;
  const stackClass = (require('pdfmake/js/StyleContextStack') as { default?: { getStyleProperty?: unknown } }).default;
  const original = inlines?.measure;
  const get = stackClass?.getStyleProperty as GetStyleProperty | undefined;
  if (version !== '0.3.11' || !inlines || typeof original !== 'function' || typeof get !== 'function') return;
  const stock = original as (this: TextInlinesLike, array: Inline[], stack: unknown) => Inline[];
  const getStyleProperty: GetStyleProperty = (item, stack, property, defaultValue) => get.call(stackClass, item, stack, property, defaultValue);

  inlines.measure = function (this: TextInlinesLike, array: Inline[], stack: unknown): Inline[] {
    if (!fastPaths) return stock.call(this, array, stack);
    const first = array[0];
    if (first) {
      const leadingIndent = getStyleProperty(first, stack, 'leadingIndent', 0) as number;
      if (leadingIndent) {
        first.leadingCut = -leadingIndent;
        first.leadingIndent = leadingIndent;
      }
    }
    let previous: unknown[] | null = null;
    let r: Record<string, unknown> = {};
    for (const item of array) {
      if (!previous || !sameStyle(item, previous)) {
        previous = styleSnapshot(item);
        const font = getStyleProperty(item, stack, 'font', 'Roboto');
        const bold = getStyleProperty(item, stack, 'bold', false);
        const italics = getStyleProperty(item, stack, 'italics', false);
        r = {
          font: this.pdfDocument.provideFont(font, bold, italics),
          alignment: getStyleProperty(item, stack, 'alignment', 'left'),
          fontSize: getStyleProperty(item, stack, 'fontSize', 12),
          fontFeatures: getStyleProperty(item, stack, 'fontFeatures', null),
          characterSpacing: getStyleProperty(item, stack, 'characterSpacing', 0),
          color: getStyleProperty(item, stack, 'color', 'black'),
          decoration: getStyleProperty(item, stack, 'decoration', null),
          decorationColor: getStyleProperty(item, stack, 'decorationColor', null),
          decorationStyle: getStyleProperty(item, stack, 'decorationStyle', null),
          decorationThickness: getStyleProperty(item, stack, 'decorationThickness', null),
          background: getStyleProperty(item, stack, 'background', null),
          link: getStyleProperty(item, stack, 'link', null),
          linkToPage: getStyleProperty(item, stack, 'linkToPage', null),
          linkToDestination: getStyleProperty(item, stack, 'linkToDestination', null),
          noWrap: getStyleProperty(item, stack, 'noWrap', null),
          opacity: getStyleProperty(item, stack, 'opacity', 1),
          sup: getStyleProperty(item, stack, 'sup', false),
          sub: getStyleProperty(item, stack, 'sub', false),
          lineHeight: getStyleProperty(item, stack, 'lineHeight', 1),
          preserveLeadingSpaces: getStyleProperty(item, stack, 'preserveLeadingSpaces', false),
          preserveTrailingSpaces: getStyleProperty(item, stack, 'preserveTrailingSpaces', false),
        };
      }
      item.font = r.font as FontLike;
      item.alignment = r.alignment;
      item.fontSize = r.fontSize as number;
      item.fontFeatures = r.fontFeatures;
      item.characterSpacing = r.characterSpacing;
      item.color = r.color;
      item.decoration = r.decoration;
      item.decorationColor = r.decorationColor;
      item.decorationStyle = r.decorationStyle;
      item.decorationThickness = r.decorationThickness;
      item.background = r.background;
      item.link = r.link;
      item.linkToPage = r.linkToPage;
      item.linkToDestination = r.linkToDestination;
      item.noWrap = r.noWrap;
      item.opacity = r.opacity;
      item.sup = r.sup;
      item.sub = r.sub;
      if (item.sup || item.sub) item.fontSize *= 0.58;
      item.width = this.widthOfText(item.text, item);
      item.height = item.font.lineHeight(item.fontSize) * (r.lineHeight as number);
      if (!item.leadingCut) item.leadingCut = 0;
      if (!r.preserveLeadingSpaces) {
        const leadingSpaces = item.text.match(LEADING_SPACE);
        if (leadingSpaces) item.leadingCut += this.widthOfText(leadingSpaces[0] ?? '', item);
      }
      item.trailingCut = 0;
      if (!r.preserveTrailingSpaces) {
        const trailingSpaces = item.text.match(TRAILING_SPACE);
        if (trailingSpaces) item.trailingCut = this.widthOfText(trailingSpaces[0] ?? '', item);
      }
    }
    return array;
  };
};

interface ReferenceLike {
  buffer: Uint8Array[] | Uint8Array;
  data: { Length?: number; Filter?: string };
  compress: boolean;
  uncompressedLength: number;
  pendingText?: string;
}

const flushPendingText = (ref: ReferenceLike): void => {
  const pending = ref.pendingText;
  if (pending) {
    (ref.buffer as Uint8Array[]).push(Buffer.from(pending, 'binary'));
    ref.pendingText = '';
  }
};

const patchReference = (proto: Record<string, unknown>): void => {
  const write = proto.write;
  const finalize = proto.finalize;
  if (typeof write !== 'function' || typeof finalize !== 'function') return;
  const stockWrite = write as (this: ReferenceLike, chunk: unknown) => void;
  const stockFinalize = finalize as (this: ReferenceLike) => void;
  proto.write = function (this: ReferenceLike, chunk: unknown): void {
    if (!fastPaths || chunk instanceof Uint8Array || !Array.isArray(this.buffer)) {
      flushPendingText(this);
      stockWrite.call(this, chunk);
      return;
    }
    const text: string = (chunk as string) + '\n'; // pdfkit's own conversion, not a template literal
    this.pendingText = this.pendingText === undefined ? text : this.pendingText + text;
    this.uncompressedLength += text.length;
    if (this.data.Length == null) this.data.Length = 0;
    this.data.Length += text.length;
    if (this.compress) this.data.Filter = 'FlateDecode';
  };
  proto.finalize = function (this: ReferenceLike): void {
    flushPendingText(this);
    stockFinalize.call(this);
  };
};


/** Width in font units of a text, by fontkit font (a pure function of the two). */
const widthCaches = new WeakMap<object, Map<string, number>>();
/** What `encode` returned for a text, by document font (its glyph subset is per document). */
const encodeCaches = new WeakMap<object, Map<string, unknown>>();
/** `#rrggbb` → colour space and operands, as pdfkit's `_setColorCore` computes them. */
const hexColours = new Map<string, { space: string; operands: string }>();
/** SVG text → its measured size, and → (size → the SVG with that size written in). */
const svgSizes = new Map<string, { width: unknown; height: unknown }>();
const svgResized = new Map<string, Map<string, unknown>>();

interface EmbeddedFontFast {
  font: object;
  layout(text: string, features: unknown, onlyWidth: boolean): { advanceWidth: number };
}

let fontPrototypePatched = false;

/**
 * More of the same, on pdfkit's embedded fonts (patched on the first font made):
 * - `widthOfString(text, size)`: pdfmake measures every word (and its spaces) with it; the width
 *   in font units depends only on the fontkit font and the text, so it is kept per font and
 *   scaled exactly as pdfkit does (`width * (size / 1000)`).
 * - `encode(text)`: on the first call for a text it adds the glyphs to the document's subset (in
 *   the order pdfkit would) and returns their hex codes and positions; a later call for the same
 *   text in the same document has no effect left to have and returns the same values, so the
 *   first result is reused. Callers read these arrays (pdfkit's `_fragment`, the SVG renderer's
 *   text layout) and never change them.
 * Calls with OpenType features go to pdfkit as they are.
 */
const patchEmbeddedFont = (proto: Record<string, unknown>): void => {
  if (fontPrototypePatched) return;
  fontPrototypePatched = true;
  const widthOfString = proto.widthOfString;
  const encode = proto.encode;
  if (typeof widthOfString !== 'function' || typeof encode !== 'function' || typeof proto.layout !== 'function') return;
  const stockWidth = widthOfString as (this: EmbeddedFontFast, text: unknown, size: number, features?: unknown) => number;
  const stockEncode = encode as (this: EmbeddedFontFast, text: unknown, features?: unknown) => unknown;
  proto.widthOfString = function (this: EmbeddedFontFast, text: unknown, size: number, features?: unknown): number {
    if (!fastPaths || features || typeof text !== 'string') return stockWidth.call(this, text, size, features);
    const cache = cacheFor(widthCaches, this.font);
    let width = cache.get(text);
    if (width === undefined) width = boundedSet(cache, text, this.layout(text, features, true).advanceWidth, WIDTH_CACHE_LIMIT);
    const scale = size / 1000;
    return width * scale;
  };
  proto.encode = function (this: EmbeddedFontFast, text: unknown, features?: unknown): unknown {
    if (!fastPaths || features || typeof text !== 'string') return stockEncode.call(this, text, features);
    const cache = cacheFor(encodeCaches, this);
    const hit = cache.get(text);
    if (hit !== undefined) return hit;
    const result = stockEncode.call(this, text, features);
    cache.set(text, result);
    return result;
  };
};

const WIDTH_CACHE_LIMIT = 20_000;
const SVG_CACHE_LIMIT = 256;

interface ColourDocument {
  _normalizeColor(color: unknown): unknown[] | null;
  _getColorSpace(color: unknown): string;
  _setColorSpace(space: string, stroke: boolean): unknown;
  addContent(data: string): unknown;
}

/**
 * pdfkit's `_setColorCore` for `#rrggbb` colours (pdfmake sets the colour before every word):
 * parsing the hex and printing three floats is done once per colour; the same two operators
 * are written. Other colours (names, arrays, spot colours, gradients) go to pdfkit.
 */
const patchColours = (documentProto: Record<string, unknown>): void => {
  const setColorCore = (Object.getPrototypeOf(documentProto) as Record<string, unknown>)._setColorCore;
  if (typeof setColorCore !== 'function') return;
  const stock = setColorCore as (this: ColourDocument, color: unknown, stroke: boolean) => boolean;
  documentProto._setColorCore = function (this: ColourDocument, color: unknown, stroke: boolean): boolean {
    if (!fastPaths || typeof color !== 'string' || color.charAt(0) !== '#') return stock.call(this, color, stroke);
    let entry = hexColours.get(color);
    if (!entry) {
      const normalized = this._normalizeColor(color);
      if (!Array.isArray(normalized)) return stock.call(this, color, stroke);
      entry = boundedSet(hexColours, color, { space: this._getColorSpace(normalized), operands: normalized.join(' ') }, 1000);
    }
    const op = stroke ? 'SCN' : 'scn';
    this._setColorSpace(entry.space, stroke);
    this.addContent(`${entry.operands} ${op}`);
    return true;
  };
};

/**
 * pdfmake parses each chart's SVG twice with xmldoc before drawing it: to read its size
 * (`measureSVG`) and to write the drawn size into it (`writeDimensions`, which serializes it
 * again). Both are functions of the SVG text (and the size), so their results are kept per text.
 */
const patchSvgMeasure = (require: NodeRequire): void => {
  const proto = (require('pdfmake/js/SVGMeasure') as { default?: { prototype: Record<string, unknown> } }).default?.prototype;
  const measure = proto?.measureSVG;
  const write = proto?.writeDimensions;
  if (!proto || typeof measure !== 'function' || typeof write !== 'function') return;
  const stockMeasure = measure as (this: unknown, svg: unknown) => { width: unknown; height: unknown };
  const stockWrite = write as (this: unknown, svg: unknown, dimensions: { width: unknown; height: unknown }) => unknown;
  proto.measureSVG = function (this: unknown, svg: unknown): { width: unknown; height: unknown } {
    if (!fastPaths || typeof svg !== 'string') return stockMeasure.call(this, svg);
    const size = svgSizes.get(svg) ?? boundedSet(svgSizes, svg, stockMeasure.call(this, svg), SVG_CACHE_LIMIT);
    return { width: size.width, height: size.height };
  };
  proto.writeDimensions = function (this: unknown, svg: unknown, dimensions: { width: unknown; height: unknown }): unknown {
    if (!fastPaths || typeof svg !== 'string' || typeof dimensions.width !== 'number' || typeof dimensions.height !== 'number') return stockWrite.call(this, svg, dimensions);
    const key = `${dimensions.width}x${dimensions.height}`;
    const sizes = svgResized.get(svg) ?? boundedSet(svgResized, svg, new Map<string, unknown>(), SVG_CACHE_LIMIT);
    if (sizes.has(key)) return sizes.get(key);
    return boundedSet(sizes, key, stockWrite.call(this, svg, dimensions), 16);
  };
};


const patchFastPaths = (require: NodeRequire, documentProto: Record<string, unknown>): void => {
  if (fastPathsPatched) return;
  fastPathsPatched = true;
  patchMeasure(require);
  patchSvgMeasure(require);
  patchSvgReplay(require, { active: () => fastPaths, replay: () => fontSharing && renderCachingEnabled(), isOurFont: (path) => fontBytes.has(path) });
  patchColours(documentProto);
  patchTextDrawing(require, documentProto, () => fastPaths);
  // pdfkit does not export PDFReference: take its prototype from the first reference made.
  const kitRef = (Object.getPrototypeOf(documentProto) as Record<string, unknown>).ref;
  if (typeof kitRef !== 'function') return;
  const makeRef = kitRef as (this: unknown, ...args: unknown[]) => object;
  documentProto.ref = function (this: unknown, ...args: unknown[]): object {
    const ref = makeRef.apply(this, args);
    if (!referencePatched) {
      referencePatched = true;
      const referenceProto = Object.getPrototypeOf(ref) as Record<string, unknown>;
      patchReference(referenceProto);
      installParallelDeflate(referenceProto, documentProto, { beforeEnd: (reference) => flushPendingText(reference as unknown as ReferenceLike), active: () => fastPaths });
    }
    return ref;
  };
};

/**
 * Turns the fast paths above on or off (on by default). Off renders with pdfmake's and pdfkit's
 * own code: the same pages, in a larger file (see the module comment).
 */
export const setRenderFastPaths = (enabled: boolean): void => {
  fastPaths = enabled;
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
