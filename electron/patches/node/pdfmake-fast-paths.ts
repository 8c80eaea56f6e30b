import { installParallelDeflate } from './pdfkit-deflate';
import { libraryPatchesActive } from '../versions';
import { boundedSet, cacheFor, packageVersion } from './patch-utils';
import { patchTextDrawing } from './pdfkit-text-drawing';

/**
 * The renderer's fast paths over pdfmake 0.3.11 and pdfkit 0.19.1, each installed only for the
 * version whose code it follows and switched off by `setRenderFastPaths(false)`. This module
 * holds the ones that write the same bytes as the libraries' own code; pdfkit-text-drawing.ts and
 * pdfkit-deflate.ts hold those that change the file but not what a reader sees
 * (see adapters/pdf/pdf-writer.ts for the measurements).
 */

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
/** On when this module's switch and the one switch for all library patches (patches/versions.ts) are. */
const on = (): boolean => fastPaths && libraryPatchesActive();
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
    if (!on()) return stock.call(this, array, stack);
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
    if (!on() || chunk instanceof Uint8Array || !Array.isArray(this.buffer)) {
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

/** Returns `font`, having patched pdfkit's embedded-font prototype through it on the first font made (pdfkit does not export the class). */
export const withFastFont = <T>(font: T): T => {
  if (!fontPrototypePatched && font && typeof font === 'object') patchEmbeddedFont(Object.getPrototypeOf(font) as Record<string, unknown>);
  return font;
};

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
    if (!on() || features || typeof text !== 'string') return stockWidth.call(this, text, size, features);
    const cache = cacheFor(widthCaches, this.font);
    let width = cache.get(text);
    if (width === undefined) width = boundedSet(cache, text, this.layout(text, features, true).advanceWidth, WIDTH_CACHE_LIMIT);
    const scale = size / 1000;
    return width * scale;
  };
  proto.encode = function (this: EmbeddedFontFast, text: unknown, features?: unknown): unknown {
    if (!on() || features || typeof text !== 'string') return stockEncode.call(this, text, features);
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
    if (!on() || typeof color !== 'string' || color.charAt(0) !== '#') return stock.call(this, color, stroke);
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
    if (!on() || typeof svg !== 'string') return stockMeasure.call(this, svg);
    const size = svgSizes.get(svg) ?? boundedSet(svgSizes, svg, stockMeasure.call(this, svg), SVG_CACHE_LIMIT);
    return { width: size.width, height: size.height };
  };
  proto.writeDimensions = function (this: unknown, svg: unknown, dimensions: { width: unknown; height: unknown }): unknown {
    if (!on() || typeof svg !== 'string' || typeof dimensions.width !== 'number' || typeof dimensions.height !== 'number') return stockWrite.call(this, svg, dimensions);
    const key = `${dimensions.width}x${dimensions.height}`;
    const sizes = svgResized.get(svg) ?? boundedSet(svgResized, svg, new Map<string, unknown>(), SVG_CACHE_LIMIT);
    if (sizes.has(key)) return sizes.get(key);
    return boundedSet(sizes, key, stockWrite.call(this, svg, dimensions), 16);
  };
};


/** Installs every fast path on pdfmake's document prototype (once). */
export const patchFastPaths = (require: NodeRequire, documentProto: Record<string, unknown>): void => {
  if (fastPathsPatched) return;
  fastPathsPatched = true;
  patchMeasure(require);
  patchSvgMeasure(require);
  patchColours(documentProto);
  patchTextDrawing(require, documentProto, on);
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
      installParallelDeflate(referenceProto, documentProto, { beforeEnd: (reference) => flushPendingText(reference as unknown as ReferenceLike), active: on });
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
