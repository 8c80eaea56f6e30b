/**
 * Stopwatches inside a real 'reports:render', without copying the export pipeline: the CommonJS
 * libraries it calls are wrapped at their prototypes (this process only, timing only):
 *
 * - citeproc: Engine#rebuildProcessorState / #makeBibliography / #restoreProcessorState;
 * - ECharts: the chart instance's setOption + renderToSVGString + dispose (the SVG rendering,
 *   without chart-model and the SVG post-processing);
 * - pdfmake: createPdf → the document stream's end (all of pdfmake + pdfkit), of which LayoutBuilder#layoutDocument
 *   (measure + line breaking + pagination, relayouts included) and Renderer#renderPages (drawing
 *   into pdfkit; Renderer#renderSVG for the charts); the rest is font subsetting, compression and
 *   streaming at pdfkit's end();
 * - the document definition pdfmake was given (deep-copied before pdfmake mutates it), which the
 *   Chromium comparison turns into HTML: the same text, notes, sources and chart SVGs.
 */
import { createRequire } from 'node:module';
import CSL from 'citeproc';
import pdfmakeModule from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { loadEcharts } from '../../electron/adapters/charts/cjs-libraries';
import { now } from './stats';

export interface ProbeResult {
  citeprocMs: number;
  echartsMs: number;
  charts: number;
  /** Clusters handed to citeproc (= notes in a notes style). */
  notes: number;
  pdfmakeMs: number;
  layoutMs: number;
  layoutPasses: number;
  drawMs: number;
  drawSvgMs: number;
  definition: TDocumentDefinitions | null;
}

type AnyFn = (this: unknown, ...args: unknown[]) => unknown;
type Proto = Record<string, unknown>;

const fresh = (): ProbeResult => ({ citeprocMs: 0, echartsMs: 0, charts: 0, notes: 0, pdfmakeMs: 0, layoutMs: 0, layoutPasses: 0, drawMs: 0, drawSvgMs: 0, definition: null });

let current = fresh();
let capture = false;
let installed = false;

/** Functions are kept by reference (table layouts, header/footer); dates copied. */
const copy = <T>(value: T): T => {
  if (Array.isArray(value)) return value.map((item) => copy(item)) as T;
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) out[key] = copy(item);
    return out as T;
  }
  return value;
};

const WRAPPED = Symbol('render-probe wrapper');
/** Calls in progress per wrapped name: a wrapper around another wrapper of the same name counts once. */
const depths = new Map<string, number>();

/** Wraps `proto[name]` so its (outermost) calls add their duration to `add`; a no-op if already wrapped. */
const wrap = (proto: Proto, name: string, add: (ms: number, args: unknown[]) => void): void => {
  const original = proto[name] as (AnyFn & { [WRAPPED]?: true }) | undefined;
  if (typeof original !== 'function') throw new Error(`render probe: ${name} is not a function (library changed?)`);
  if (original[WRAPPED]) return;
  const wrapped = function (this: unknown, ...args: unknown[]) {
    const depth = depths.get(name) ?? 0;
    if (depth > 0) return original.apply(this, args);
    depths.set(name, depth + 1);
    const start = now();
    try {
      return original.apply(this, args);
    } finally {
      depths.set(name, depth);
      add(now() - start, args);
    }
  } as AnyFn & { [WRAPPED]?: true };
  wrapped[WRAPPED] = true;
  proto[name] = wrapped;
};

const install = (): void => {
  if (installed) return;
  installed = true;
  const require = createRequire(import.meta.url);
  const engine = (CSL as unknown as { Engine: { prototype: Proto } }).Engine.prototype;
  let citeDepth = 0;
  for (const name of ['rebuildProcessorState', 'makeBibliography', 'restoreProcessorState']) {
    const original = engine[name] as AnyFn;
    engine[name] = function (this: unknown, ...args: unknown[]) {
      if (citeDepth > 0) return original.apply(this, args);
      citeDepth++;
      const start = now();
      try {
        return original.apply(this, args);
      } finally {
        citeDepth--;
        current.citeprocMs += now() - start;
        if (name === 'rebuildProcessorState' && Array.isArray(args[0])) current.notes = args[0].length;
      }
    };
  }
  const sample = loadEcharts().init(null, null, { renderer: 'svg', ssr: true, width: 10, height: 10 });
  const chartProto = Object.getPrototypeOf(sample) as Proto;
  sample.dispose();
  wrap(chartProto, 'setOption', (ms) => (current.echartsMs += ms));
  wrap(chartProto, 'renderToSVGString', (ms) => {
    current.echartsMs += ms;
    current.charts++;
  });
  wrap(chartProto, 'dispose', (ms) => (current.echartsMs += ms));
  const layout = (require('pdfmake/js/LayoutBuilder') as { default: { prototype: Proto } }).default.prototype;
  wrap(layout, 'layoutDocument', (ms) => (current.layoutMs += ms));
  wrap(layout, 'tryLayoutDocument', () => current.layoutPasses++);
  const renderer = (require('pdfmake/js/Renderer') as { default: { prototype: Proto } }).default.prototype;
  wrap(renderer, 'renderPages', (ms) => (current.drawMs += ms));
  wrapSvg(renderer);

  const pdfmake = pdfmakeModule as unknown as { createPdf: (definition: TDocumentDefinitions, options?: unknown) => { getStream(): Promise<{ once(event: string, listener: () => void): unknown }> } };
  const createPdf = pdfmake.createPdf.bind(pdfmake);
  pdfmake.createPdf = (definition, options) => {
    if (capture) current.definition = copy(definition);
    const start = now();
    const document = createPdf(definition, options);
    const getStream = document.getStream.bind(document);
    document.getStream = async () => {
      const stream = await getStream();
      stream.once('end', () => (current.pdfmakeMs += now() - start));
      return stream;
    };
    return document;
  };
};

/**
 * Renderer#renderSVG, timed: each export wraps the current one again if needed (`wrap` counts
 * nested wrappers of one name once).
 */
let rendererProto: Proto | null = null;
const wrapSvg = (proto: Proto): void => {
  rendererProto = proto;
  wrap(proto, 'renderSVG', (ms) => (current.drawSvgMs += ms));
};

/** Runs `fn` (one export) with the stopwatches reset; optionally keeps the definition. */
export const probe = async <T>(fn: () => Promise<T>, options: { captureDefinition?: boolean } = {}): Promise<{ value: T; probe: ProbeResult }> => {
  install();
  if (rendererProto) wrapSvg(rendererProto);
  current = fresh();
  capture = options.captureDefinition === true;
  try {
    const value = await fn();
    return { value, probe: current };
  } finally {
    capture = false;
  }
};

/** Installs the wrappers up front, so every export in the run pays the same (tiny) overhead. */
export const installRenderProbe = (): void => install();
