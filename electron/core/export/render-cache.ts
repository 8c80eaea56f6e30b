import type { ChartModel } from '../charts/chart-model';
import type { CitationCluster, CitationFormatter, FormattedCitations } from '../citations';
import type { Source } from '../../shared/entities';
import type { ChartDrawOptions } from '../charts/chart-ports';

/**
 * Results the PDF export can reuse from one render to the next. The live preview renders the
 * whole report again on every edit, and most edits change neither its citations nor its charts.
 *
 * Every key is built from exactly what the cached output is computed from, never from ids or
 * timestamps alone, so a hit is the output a fresh computation would give:
 * - formatted citations: the style and locale (the caller's scope), the clusters in order (ids
 *   and source ids), and, for each cited source, the fields the formatter reads (type, title,
 *   outlet, via, authors, published, language, url). Sources that are not cited do not matter
 *   (citeproc-js registers only cited items), and a cited id with no source is keyed as missing.
 * - chart SVGs: the chart model (which holds every value, label, colour and note the drawing uses,
 *   built from the chart and its facts and sources) and the drawing options (size, title shown).
 * Values handed out are copies (citations) or immutable (SVG strings), so callers may change them.
 * Both caches are small LRUs; `clearRenderCaches()` empties them (pdf-writer.ts calls it when the
 * style or font directories change).
 */

export class LruCache<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(readonly limit: number) {}

  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value as K);
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}

export interface RenderCacheStats {
  citationHits: number;
  citationMisses: number;
  chartHits: number;
  chartMisses: number;
}

const CITATION_ENTRIES = 8;
const CHART_ENTRIES = 256;

const citationCache = new LruCache<string, FormattedCitations>(CITATION_ENTRIES);
const chartCache = new LruCache<string, string>(CHART_ENTRIES);
const stats: RenderCacheStats = { citationHits: 0, citationMisses: 0, chartHits: 0, chartMisses: 0 };
let enabled = true;

/**
 * A stable text for plain data: strings quoted, numbers exact (-0, NaN and ±Infinity kept apart,
 * unlike JSON), undefined and null apart, object keys in their order. Returns null for anything
 * that is not plain data (functions, class instances), which is then not cached.
 */
export const fingerprint = (value: unknown): string | null => {
  const parts: string[] = [];
  const walk = (v: unknown): boolean => {
    if (v === null) parts.push('n');
    else if (v === undefined) parts.push('u');
    else if (typeof v === 'string') parts.push(JSON.stringify(v));
    else if (typeof v === 'number') parts.push(Object.is(v, -0) ? '#-0' : `#${String(v)}`);
    else if (typeof v === 'boolean') parts.push(v ? 't' : 'f');
    else if (Array.isArray(v)) {
      parts.push('[');
      for (const item of v) {
        if (!walk(item)) return false;
        parts.push(',');
      }
      parts.push(']');
    } else if (typeof v === 'object' && (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null)) {
      parts.push('{');
      for (const [key, item] of Object.entries(v)) {
        parts.push(JSON.stringify(key), ':');
        if (!walk(item)) return false;
        parts.push(',');
      }
      parts.push('}');
    } else return false;
    return true;
  };
  return walk(value) ? parts.join('') : null;
};

/** What the citation formatter reads of a source. */
const citedFields = (source: Source): unknown[] => [source.id, source.type, source.title, source.outlet, source.via, source.authors, source.published, source.language, source.url];

export const citationCacheKey = (scope: string, clusters: readonly CitationCluster[], sources: ReadonlyMap<string, Source>): string | null => {
  const cited: string[] = [];
  const seen = new Set<string>();
  for (const cluster of clusters) {
    for (const id of cluster.sourceIds) {
      if (seen.has(id)) continue;
      seen.add(id);
      const source = sources.get(id);
      const text = source ? fingerprint(citedFields(source)) : fingerprint(['missing', id]);
      if (text === null) return null;
      cited.push(text);
    }
  }
  const order = fingerprint(clusters.map((cluster) => [cluster.id, cluster.sourceIds]));
  if (order === null) return null;
  return `${fingerprint(scope)}|${order}|${cited.join(';')}`;
};

const copyCitations = (value: FormattedCitations): FormattedCitations => structuredClone(value);

/**
 * The formatter, answering from the cache when the same clusters over the same sources were
 * formatted before in the same scope (style, locale and options of the formatter).
 */
export const withCitationCache = (formatter: CitationFormatter, scope: string, sources: ReadonlyMap<string, Source>): CitationFormatter => ({
  style: formatter.style,
  isNoteStyle: formatter.isNoteStyle,
  styleTitle: formatter.styleTitle,
  format: (clusters) => {
    const key = enabled ? citationCacheKey(scope, clusters, sources) : null;
    const hit = key === null ? undefined : citationCache.get(key);
    if (hit) {
      stats.citationHits += 1;
      return copyCitations(hit);
    }
    const formatted = formatter.format(clusters);
    if (key !== null) {
      stats.citationMisses += 1;
      citationCache.set(key, copyCitations(formatted));
    }
    return formatted;
  },
});

/**
 * `render(model, options)`, from the cache when the same model was drawn with the same options
 * (and the same `context`: e.g. the font files the chart is measured with).
 */
export const cachedChartSvg = (
  model: ChartModel,
  options: ChartDrawOptions,
  render: (model: ChartModel, options: ChartDrawOptions) => string,
  context: readonly string[] = [],
): string => {
  const key = enabled ? fingerprint([model, options, context]) : null;
  const hit = key === null ? undefined : chartCache.get(key);
  if (hit !== undefined) {
    stats.chartHits += 1;
    return hit;
  }
  const svg = render(model, options);
  if (key !== null) {
    stats.chartMisses += 1;
    chartCache.set(key, svg);
  }
  return svg;
};

export const clearRenderCaches = (): void => {
  citationCache.clear();
  chartCache.clear();
};


/**
 * Turns the caches on or off (on by default); off computes everything on every render, and
 * leaves what the caches hold alone (their keys are their inputs, so it stays right).
 */
export const setRenderCaching = (on: boolean): void => {
  enabled = on;
};

export const renderCacheStats = (): RenderCacheStats => ({ ...stats });
