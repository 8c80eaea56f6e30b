import { boundedSet, cacheFor, packageVersion } from './patch-utils';

/**
 * Drawing text: pdfmake draws every word as its own pdfkit `text()` call, and pdfkit writes each
 * as its own text object with its own graphics state (opacity, colour, an empty fill, q, cm, BT,
 * Tm, Tf, TJ, ET, Q: eleven operators a word). Two fast paths, both writing the words with the
 * same glyphs at the same positions as pdfmake and pdfkit do:
 *
 * - `text()` for one plain word (patchText): pdfkit's own operators, built without its general
 *   machinery (option copying, line wrapping, alignment, glyph-by-glyph TJ building).
 * - pdfmake's `Renderer#renderLine` (patchLineRendering): a line's words go into one text object,
 *   with opacity and colour set only where they change and the font only where it changes. The
 *   graphics state after the line is the one pdfmake leaves (last word's font, size, colour,
 *   opacity, position), so what is drawn next is unaffected. Lines with links, page references,
 *   outline entries, destinations, OpenType features, character spacing or glyph offsets are drawn
 *   by pdfmake as they are. The PDF's content differs from stock pdfmake only in fewer, grouped
 *   operators; text extraction sees the same words at the same places.
 *
 * Installed only for pdfkit 0.19.1 and pdfmake 0.3.11, whose code they follow.
 */

const SHOW_TEXT_CACHE_LIMIT = 20_000;

/** pdfkit's `PDFObject.number`, which formats every coordinate it writes. */
const pdfNumber = (n: number): number => {
  if (n > -1e21 && n < 1e21) return Math.round(n * 1e6) / 1e6;
  throw new Error(`unsupported number: ${n}`);
};

interface TextFont {
  id: string;
  ascender: number;
  ref(): unknown;
  encode(text: string, features?: unknown): [string[], { xAdvance: number; advanceWidth: number; xOffset: number; yOffset: number }[]];
}

interface TextDocument {
  x: number;
  y: number;
  _font: TextFont | null;
  _fontSize: number;
  _textOptions: unknown;
  page: { height: number; fonts: Record<string, unknown> };
  save(): unknown;
  restore(): unknown;
  transform(m11: number, m12: number, m21: number, m22: number, dx: number, dy: number): unknown;
  addContent(data: string): unknown;
  widthOfString(text: string, options: unknown): number;
}

/** The `[…] TJ` operator pdfkit writes for a text, by document font; null where a glyph is offset (pdfkit's own path). */
const showTextCaches = new WeakMap<object, Map<string, string | null>>();

const showText = (font: TextFont, text: string): string | null => {
  const cache = cacheFor(showTextCaches, font);
  const cached = cache.get(text);
  if (cached !== undefined) return cached;
  // pdfkit's `_fragment` from `encode` to the TJ operator, for a text without glyph offsets.
  const [encoded, positions] = font.encode(text);
  let result: string | null = '';
  const commands: string[] = [];
  let last = 0;
  const addSegment = (cur: number): void => {
    if (last < cur) {
      const hex = encoded.slice(last, cur).join('');
      const position = positions[cur - 1]!;
      const advance = position.xAdvance - position.advanceWidth;
      commands.push(`<${hex}> ${pdfNumber(-advance)}`);
    }
    last = cur;
  };
  for (let i = 0; i < positions.length; i += 1) {
    const position = positions[i]!;
    if (position.xOffset || position.yOffset) {
      result = null;
      break;
    }
    if (position.xAdvance - position.advanceWidth !== 0) addSegment(i + 1);
  }
  if (result !== null) {
    addSegment(positions.length);
    if (commands.length > 0) result = `[${commands.join(' ')}] TJ`;
  }
  return boundedSet(cache, text, result, SHOW_TEXT_CACHE_LIMIT);
};

/** The options pdfmake's `Renderer#renderLine` passes, which the fast text path accepts. */
const PLAIN_TEXT_OPTIONS = new Set(['lineBreak', 'textWidth', 'characterSpacing', 'wordCount', 'link', 'goTo', 'destination', 'features']);

const isPlainWord = (doc: TextDocument, text: unknown, x: unknown, y: unknown, options: Record<string, unknown> | undefined): text is string => {
  if (typeof text !== 'string' || text === '' || text.includes('\n') || typeof x !== 'number' || typeof y !== 'number') return false;
  if (!options || options.lineBreak !== false || options.wordCount !== 1 || options.characterSpacing || options.features) return false;
  if (options.link != null || options.goTo != null || options.destination != null) return false;
  for (const key in options) if (!PLAIN_TEXT_OPTIONS.has(key)) return false;
  return doc._textOptions == null && doc._font !== null && typeof doc._font.encode === 'function';
};

/**
 * pdfkit's `text(text, x, y, options)` for what pdfmake draws all the time: one word at a given
 * point, no line breaking, link, decoration, rotation, character or word spacing, OpenType
 * features or glyph offsets (anything else goes to pdfkit). pdfmake makes a text object per word,
 * and pdfkit's general path (copy the options, split lines, wrap, align, build the TJ operator
 * glyph by glyph) cost more than the operators it writes. This writes the same operators in the
 * same order through the same document methods (save, transform, addContent, restore), takes the
 * TJ operator from `showText` (pdfkit's own construction, kept per document font and text), and
 * leaves `x`/`y` as pdfkit does. Installed only for pdfkit 0.19.1.
 */
const patchText = (require: NodeRequire, documentProto: Record<string, unknown>, active: () => boolean): void => {
  // pdfkit as pdfmake loads it (it may be nested under pdfmake in a packaged app).
  const version = packageVersion(require, 'pdfkit', 'pdfmake');
  const text = (Object.getPrototypeOf(documentProto) as Record<string, unknown>).text;
  if (version !== '0.19.1' || typeof text !== 'function') return;
  const stock = text as (this: TextDocument, text: unknown, x?: unknown, y?: unknown, options?: unknown) => TextDocument;
  documentProto.text = function (this: TextDocument, value: unknown, x?: unknown, y?: unknown, options?: Record<string, unknown>): TextDocument {
    if (!active() || !isPlainWord(this, value, x, y, options)) return stock.call(this, value, x, y, options);
    const font = this._font!;
    const tj = showText(font, value);
    if (tj === null) return stock.call(this, value, x, y, options);
    const left = x as number;
    const top = y as number;
    this.x = left;
    this.y = top;
    let dy = font.ascender;
    dy = (dy / 1000) * this._fontSize;
    this.save();
    this.transform(1, 0, 0, -1, 0, this.page.height);
    const baseline = this.page.height - top - dy;
    if (this.page.fonts[font.id] == null) this.page.fonts[font.id] = font.ref();
    this.addContent('BT');
    this.addContent(`1 0 0 1 ${pdfNumber(left)} ${pdfNumber(baseline)} Tm`);
    this.addContent(`/${font.id} ${pdfNumber(this._fontSize)} Tf`);
    if (tj !== '') this.addContent(tj);
    this.addContent('ET');
    this.restore();
    this.x += this.widthOfString(value, options);
    return this;
  };
};
interface LineInline {
  text: unknown;
  x: number;
  width: number;
  font: TextFont;
  fontSize: number;
  color?: unknown;
  opacity?: unknown;
  sup?: unknown;
  sub?: unknown;
  characterSpacing?: unknown;
  link?: unknown;
  linkToPage?: unknown;
  linkToDestination?: unknown;
  fontFeatures?: unknown;
  _pageNodeRef?: unknown;
}

interface Line {
  inlines: LineInline[];
  id?: unknown;
  _outline?: unknown;
  _pageNodeRef?: unknown;
  getHeight(): number;
  getAscenderHeight(): number;
}

interface LineDocument extends TextDocument {
  opacity(value: number): unknown;
  fillColor(color: unknown): unknown;
  resolveColor(color: unknown, fallback: string): unknown;
  fontSize(size: number): unknown;
}

interface Decorator {
  drawBackground(line: Line, x: number, y: number): void;
  drawDecorations(line: Line, x: number, y: number): void;
}

/** Colours pdfkit's `fill(color)` would read as a winding rule instead. */
const FILL_RULE = /(even-?odd)|(non-?zero)/;

const isNumber = (value: unknown): value is number => typeof value === 'number' || value instanceof Number;

/** Whether pdfmake's renderLine would draw every word of the line as a plain `text()` call. */
const isPlainLine = (doc: LineDocument, line: Line): boolean => {
  if (line._outline || line._pageNodeRef || line.id || !Array.isArray(line.inlines) || line.inlines.length === 0) return false;
  if (doc._textOptions != null) return false;
  for (const inline of line.inlines) {
    if (typeof inline.text !== 'string' || inline.text === '' || inline.text.includes('\n')) return false;
    if (inline._pageNodeRef || inline.link != null || inline.linkToPage || inline.linkToDestination || inline.fontFeatures || inline.characterSpacing) return false;
    if (!inline.font || typeof inline.font.encode !== 'function' || typeof inline.fontSize !== 'number') return false;
    if (inline.color != null && (typeof inline.color !== 'string' || FILL_RULE.test(inline.color))) return false;
  }
  return true;
};

/** pdfmake's `offsetText`: superscripts and subscripts move off the baseline. */
const offsetText = (y: number, inline: LineInline): number => {
  let shifted = y;
  if (inline.sup) shifted -= inline.fontSize * 0.75;
  if (inline.sub) shifted += inline.fontSize * 0.35;
  return shifted;
};

const patchLineRendering = (require: NodeRequire, active: () => boolean): void => {
  if (packageVersion(require, 'pdfmake') !== '0.3.11') return;
  const rendererProto = (require('pdfmake/js/Renderer') as { default?: { prototype: Record<string, unknown> } }).default?.prototype;
  const TextDecorator = (require('pdfmake/js/TextDecorator') as { default?: new (doc: LineDocument) => Decorator }).default;
  const renderLine = rendererProto?.renderLine;
  if (!rendererProto || typeof renderLine !== 'function' || typeof TextDecorator !== 'function') return;
  const stock = renderLine as (this: { pdfDocument: LineDocument }, line: Line, x?: number, y?: number) => void;

  rendererProto.renderLine = function (this: { pdfDocument: LineDocument }, line: Line, xArg?: number, yArg?: number): void {
    const doc = this.pdfDocument;
    if (!active() || !isPlainLine(doc, line)) return stock.call(this, line, xArg, yArg);
    // Encoding first (it also adds the glyphs to the subset, in the order pdfkit would): a word
    // with glyph offsets sends the whole line to pdfmake before anything is written.
    const shows: string[] = [];
    for (const inline of line.inlines) {
      const tj = showText(inline.font, inline.text as string);
      if (tj === null) return stock.call(this, line, xArg, yArg);
      shows.push(tj);
    }
    const x = xArg || 0;
    const y = yArg || 0;
    const lineHeight = line.getHeight();
    const descent = lineHeight - line.getAscenderHeight();
    const decorator = new TextDecorator(doc);
    decorator.drawBackground(line, x, y);

    const pageHeight = doc.page.height;
    let parts: string[] = [];
    let open = false;
    let opacity = NaN;
    let rawColor: unknown = undefined;
    let colour: unknown = undefined;
    let fontId = '';
    let size = NaN;
    let left = 0;
    let top = 0;
    const close = (): void => {
      if (!open) return;
      parts.push('ET', 'Q');
      doc.addContent(parts.join('\n'));
      parts = [];
      open = false;
    };
    for (let i = 0; i < line.inlines.length; i += 1) {
      const inline = line.inlines[i]!;
      const font = inline.font;
      const wordOpacity = isNumber(inline.opacity) ? Number(inline.opacity) : 1;
      if (i === 0 || inline.color !== rawColor) {
        rawColor = inline.color;
        colour = doc.resolveColor(inline.color, 'black');
        if (i > 0) opacity = NaN; // a colour change ends the text object; set both again outside it
      }
      if (wordOpacity !== opacity || !open) {
        // Graphics state outside the text object, where pdfmake puts it, so it outlasts the line.
        close();
        doc.opacity(wordOpacity);
        doc.fillColor(colour);
        opacity = wordOpacity;
      }
      doc._font = font;
      doc.fontSize(inline.fontSize);
      const shiftToBaseline = lineHeight - (font.ascender / 1000) * inline.fontSize - descent;
      top = offsetText(y + shiftToBaseline, inline);
      left = x + inline.x;
      if (doc.page.fonts[font.id] == null) doc.page.fonts[font.id] = font.ref();
      if (!open) {
        parts.push('q', `1 0 0 -1 0 ${pdfNumber(pageHeight)} cm`, 'BT');
        open = true;
        fontId = '';
      }
      const baseline = pageHeight - top - (font.ascender / 1000) * doc._fontSize;
      parts.push(`1 0 0 1 ${pdfNumber(left)} ${pdfNumber(baseline)} Tm`);
      if (font.id !== fontId || doc._fontSize !== size) {
        parts.push(`/${font.id} ${pdfNumber(doc._fontSize)} Tf`);
        fontId = font.id;
        size = doc._fontSize;
      }
      if (shows[i] !== '') parts.push(shows[i]!);
    }
    close();
    const last = line.inlines[line.inlines.length - 1]!;
    doc.x = left + doc.widthOfString(last.text as string, { lineBreak: false, textWidth: last.width, characterSpacing: last.characterSpacing, wordCount: 1 });
    doc.y = top;
    decorator.drawDecorations(line, x, y);
  };
};

/** Installs both text fast paths; `active` turns them off at run time. */
export const patchTextDrawing = (require: NodeRequire, documentProto: Record<string, unknown>, active: () => boolean): void => {
  patchText(require, documentProto, active);
  patchLineRendering(require, active);
};
