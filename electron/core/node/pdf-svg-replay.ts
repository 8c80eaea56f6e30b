import { boundedSet, packageVersion } from './pdf-patch-utils';

/**
 * Charts drawn once, replayed after: pdfmake hands each chart's SVG to its bundled svg-to-pdfkit,
 * which parses the XML, resolves every element's style and writes PDF operators, a quarter of a
 * long report's export, and the same work every time the same chart is drawn again (each preview
 * and export of a report redraws all its charts).
 *
 * The first time an SVG is drawn, what the drawing does to the document is recorded as a list of
 * steps: content written, opacities set (pdfkit names and registers an ExtGState), fonts opened,
 * font changes in text objects (`/F2 9 Tf`: the name is the document's), and texts encoded
 * (which adds glyphs to the document's font subset). Later drawings of the same SVG at the same
 * size replay those steps through the same pdfkit methods, in the same order, so a document gets
 * the same resources, names and glyphs, and the same bytes, as if the SVG had been drawn anew.
 *
 * Position: pdfmake draws the SVG at its place on the page; here the SVG is drawn at the origin
 * inside a `q … Q` translated to that place, so the recorded steps hold for any place (a
 * redundant save and move a reader does not see).
 *
 * Only what replays exactly is recorded. A drawing is not kept when it makes any PDF object other
 * than an opacity state or a font dictionary (groups, masks, patterns, gradients, images), adds
 * annotations or resources other than fonts and opacity states, uses a font that is not one of
 * ours, or asks for the page's scale (non-scaling strokes); nor when the SVG node has a link.
 * Installed only for pdfmake 0.3.11, whose svg-to-pdfkit this follows.
 */

type Step =
  | { kind: 'content'; text: string }
  | { kind: 'opacity'; fill: unknown; stroke: unknown }
  | { kind: 'font'; src: unknown }
  | { kind: 'fontSize'; path: string; size: string }
  | { kind: 'encode'; path: string; text: string };

interface Font {
  id: string;
  dictionary?: unknown;
  ref(): unknown;
  encode(text: string, features?: unknown): unknown;
}

interface Page {
  fonts: Record<string, unknown>;
  resources: { data: { XObject?: object; Pattern?: object } };
  dictionary: { data: { Annots?: unknown[] } };
}

interface SvgDocument {
  page: Page;
  _offsets: unknown[];
  _opacityRegistry: Record<string, unknown>;
  _fontFamilies: Record<string, Font>;
  addContent(text: string): SvgDocument;
  _doOpacity(fill: unknown, stroke: unknown): unknown;
  font(src: unknown, family?: unknown, size?: unknown): SvgDocument;
  save(): SvgDocument;
  restore(): SvgDocument;
  translate(x: number, y: number): SvgDocument;
}

interface SvgNode {
  svg: unknown;
  x: number;
  y: number;
  _width: number;
  _height: number;
  font?: unknown;
  options?: unknown;
  link?: unknown;
  linkToPage?: unknown;
  linkToDestination?: unknown;
}

interface RendererLike {
  pdfDocument: SvgDocument;
}

export interface SvgReplayHooks {
  /** Whether the renderer's fast paths are on; off is pdfmake's own drawing. */
  active(): boolean;
  /** Whether recordings may be made and replayed (off still draws at the origin, for the same bytes). */
  replay(): boolean;
  /** Whether a font-family key is one of our font files (the only fonts a replay may name). */
  isOurFont(path: string): boolean;
}

const CACHE_LIMIT = 256;
/** SVGs not worth recording: images and links make objects, non-scaling strokes read the page's scale. */
const NOT_REPLAYABLE = /<image|<a[\s>]|non-scaling-stroke/i;
const FONT_SIZE = /^\/(F\d+) (\S+) Tf$/;

const recordings = new Map<string, Step[] | null>();
const stats = { recorded: 0, replayed: 0, drawnAnew: 0 };

/** How charts were drawn since the process started: recorded, replayed, drawn without a recording. */
export const svgReplayStats = (): typeof stats => ({ ...stats });

let replaying = true;

/** Turns replays on or off (on by default); off draws every chart anew, as the bench's fair comparison needs. */
export const setSvgReplay = (on: boolean): void => {
  replaying = on;
};

/** Forgets every recording (fonts or fast paths reconfigured). */
export const clearSvgReplays = (): void => recordings.clear();

const keyOf = (node: SvgNode): string | null => {
  if (typeof node.svg !== 'string' || NOT_REPLAYABLE.test(node.svg)) return null;
  if (node.link || node.linkToPage || node.linkToDestination) return null;
  return `${node._width}x${node._height}|${String(node.font ?? '')}|${JSON.stringify(node.options ?? null)}|${node.svg}`;
};

const pathOf = (doc: SvgDocument, font: unknown, hooks: SvgReplayHooks): string | null => {
  for (const key in doc._fontFamilies) if (doc._fontFamilies[key] === font && hooks.isOurFont(key)) return key;
  return null;
};

/** Counted from the raw dictionaries: the page's getters would create empty entries (and change the file). */
const resourceCounts = (doc: SvgDocument) => {
  const resources = doc.page.resources.data;
  return {
    refs: doc._offsets.length,
    opacities: Object.keys(doc._opacityRegistry ?? {}).length,
    xobjects: Object.keys(resources.XObject ?? {}).length,
    patterns: Object.keys(resources.Pattern ?? {}).length,
    annotations: (doc.page.dictionary.data.Annots ?? []).length,
  };
};

/**
 * Draws `node` with `draw` (svg-to-pdfkit at the origin) while recording its steps. Returns the
 * steps, or null when the drawing did something a replay could not repeat.
 */
const record = (doc: SvgDocument, hooks: SvgReplayHooks, draw: () => void): Step[] | null => {
  const steps: Step[] = [];
  let ok = true;
  let inner = 0;
  const before = resourceCounts(doc);
  const withDictionary = new Set(Object.values(doc._fontFamilies).filter((font) => font.dictionary));
  const proto = Object.getPrototypeOf(doc) as SvgDocument;
  const encodes: { font: Font; encode: Font['encode'] }[] = [];
  const watchEncode = (font: Font | undefined): void => {
    if (!font || Object.prototype.hasOwnProperty.call(font, 'encode')) return;
    const encode = font.encode;
    encodes.push({ font, encode });
    font.encode = function (this: Font, text: string, features?: unknown): unknown {
      const path = pathOf(doc, this, hooks);
      if (path === null || features || typeof text !== 'string') ok = false;
      else steps.push({ kind: 'encode', path, text });
      return encode.call(this, text, features);
    };
  };
  const own = doc as unknown as Record<string, unknown>;
  own.addContent = function (this: SvgDocument, text: string): SvgDocument {
    if (inner === 0) {
      const fontSize = typeof text === 'string' ? FONT_SIZE.exec(text) : null;
      if (fontSize) {
        const font = Object.values(doc._fontFamilies).find((candidate) => candidate.id === fontSize[1]);
        const path = font ? pathOf(doc, font, hooks) : null;
        if (path === null) ok = false;
        else steps.push({ kind: 'fontSize', path, size: fontSize[2]! });
      } else if (typeof text === 'string') {
        steps.push({ kind: 'content', text });
      } else {
        ok = false;
      }
    }
    return proto.addContent.call(this, text);
  };
  own._doOpacity = function (this: SvgDocument, fill: unknown, stroke: unknown): unknown {
    if (inner === 0 && (fill != null || stroke != null)) steps.push({ kind: 'opacity', fill, stroke });
    inner += 1;
    try {
      return proto._doOpacity.call(this, fill, stroke);
    } finally {
      inner -= 1;
    }
  };
  own.font = function (this: SvgDocument, src: unknown, family?: unknown, size?: unknown): SvgDocument {
    if (family !== undefined || size !== undefined || typeof src !== 'string' || !hooks.isOurFont(src)) ok = false;
    steps.push({ kind: 'font', src });
    const result = proto.font.call(this, src, family, size);
    if (typeof src === 'string') watchEncode(this._fontFamilies[src]);
    return result;
  };
  try {
    draw();
  } finally {
    delete own.addContent;
    delete own._doOpacity;
    delete own.font;
    for (const { font, encode } of encodes) {
      if (font.encode !== encode) delete (font as unknown as Record<string, unknown>).encode;
    }
  }
  const after = resourceCounts(doc);
  // The only objects a replay makes again: opacity states (by _doOpacity) and font dictionaries.
  const newFontDictionaries = new Set(Object.values(doc._fontFamilies).filter((font) => font.dictionary && !withDictionary.has(font))).size;
  if (after.refs - before.refs !== after.opacities - before.opacities + newFontDictionaries) ok = false;
  if (after.xobjects !== before.xobjects || after.patterns !== before.patterns || after.annotations !== before.annotations) ok = false;
  return ok ? steps : null;
};

const replay = (doc: SvgDocument, steps: readonly Step[]): void => {
  for (const step of steps) {
    switch (step.kind) {
      case 'content':
        doc.addContent(step.text);
        break;
      case 'opacity':
        doc._doOpacity(step.fill, step.stroke);
        break;
      case 'font':
        doc.font(step.src);
        break;
      case 'fontSize': {
        const font = doc._fontFamilies[step.path]!;
        if (!doc.page.fonts[font.id]) doc.page.fonts[font.id] = font.ref();
        doc.addContent(`/${font.id} ${step.size} Tf`);
        break;
      }
      case 'encode':
        doc._fontFamilies[step.path]!.encode(step.text);
        break;
    }
  }
};

export const patchSvgReplay = (require: NodeRequire, hooks: SvgReplayHooks): void => {
  if (packageVersion(require, 'pdfmake') !== '0.3.11') return;
  const proto = (require('pdfmake/js/Renderer') as { default?: { prototype: Record<string, unknown> } }).default?.prototype;
  const renderSVG = proto?.renderSVG;
  if (!proto || typeof renderSVG !== 'function') return;
  const stock = renderSVG as (this: RendererLike, node: SvgNode) => void;

  proto.renderSVG = function (this: RendererLike, node: SvgNode): void {
    if (!hooks.active()) return stock.call(this, node);
    const key = keyOf(node);
    if (key === null) {
      stats.drawnAnew += 1;
      return stock.call(this, node);
    }
    const doc = this.pdfDocument;
    const { x, y } = node;
    doc.save();
    doc.translate(x, y);
    try {
      const atOrigin = { ...node, x: 0, y: 0 };
      const steps = replaying && hooks.replay() ? recordings.get(key) : null;
      if (steps) {
        replay(doc, steps);
        stats.replayed += 1;
      } else if (steps === null) {
        // Replays off, or a drawing known not to replay: drawn anew, not recorded again.
        stock.call(this, atOrigin);
        stats.drawnAnew += 1;
      } else {
        const recorded = record(doc, hooks, () => stock.call(this, atOrigin));
        boundedSet(recordings, key, recorded, CACHE_LIMIT);
        if (recorded) stats.recorded += 1;
        else stats.drawnAnew += 1;
      }
    } finally {
      doc.restore();
    }
  };
};
