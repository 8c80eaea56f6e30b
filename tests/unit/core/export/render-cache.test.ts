import CSL from 'citeproc';
import { afterEach, describe, expect, it } from 'vitest';
import { buildChartModel } from '../../../../electron/core/charts/chart-model';
import { setSortMacroSharing } from '../../../../electron/patches/citeproc';
import {
  createCitationFormatter,
  sourceToCsl,
  type CitationCluster,
  type CitationFormatter,
  type FormattedCitations,
} from '../../../../electron/core/citations';
import { renderChartSvg } from '../../../../electron/adapters/charts/chart-svg';
import type { ChartDrawOptions } from '../../../../electron/core/charts/chart-ports';
import {
  cachedChartSvg,
  citationCacheKey,
  clearRenderCaches,
  fingerprint,
  LruCache,
  renderCacheStats,
  setRenderCaching,
  withCitationCache,
} from '../../../../electron/core/export/render-cache';
import { createReportExporter, warmUpPdf } from '../../../../electron/adapters/pdf/report-exporter';
import type { Chart, Fact, Source } from '../../../../electron/shared/entities';
import { CSL_LOCALES, cslStyleXml } from '../../../helpers/csl';
import { makeChart, makeFact, makeReport, makeSource } from '../../../helpers/entities';

const fact = (id: string, sourceId: string, value: number, asOf: string): Fact => makeFact({ id, sourceId, value, asOf, unit: 'people' });

const azernews = makeSource({ id: 'azernews', title: 'Mine clearance in Ağdam continues', outlet: 'Azernews', authors: [{ family: 'Əliyev', given: 'Şahin' }], published: '2025-12-24' });
const anama = makeSource({ id: 'anama', type: 'report', title: 'Annual report 2024', outlet: 'ANAMA', authors: [{ literal: 'Mine Action Agency' }], published: '2025' });
const trend = makeSource({ id: 'trend', title: 'Şuşa demining update', outlet: 'Trend', via: 'Azernews', published: '2025-11' });

/** A formatter that counts its calls and answers with something derived from its input. */
const countingFormatter = (): CitationFormatter & { calls: number } => {
  const formatter = {
    calls: 0,
    style: 'chicago' as const,
    isNoteStyle: true,
    styleTitle: 'Test',
    format: (clusters: readonly CitationCluster[]): FormattedCitations => {
      formatter.calls += 1;
      return { citations: clusters.map((cluster) => [{ text: `${cluster.id}:${cluster.sourceIds.join('+')}` }]), bibliography: [{ sourceId: 'x', runs: [{ text: 'entry' }] }] };
    },
  };
  return formatter;
};

afterEach(() => {
  setRenderCaching(true);
  clearRenderCaches();
});

describe('LruCache', () => {
  it('keeps the most recently used entries up to its limit', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1); // a is now the most recent
    cache.set('c', 3); // evicts b
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
    expect(cache.size).toBe(2);
  });
});

describe('fingerprint', () => {
  it('tells apart values JSON would confuse, and refuses what is not plain data', () => {
    const texts = [null, undefined, Number.NaN, Infinity, 0, -0, '0', [null], [undefined], {}, { a: undefined }].map(fingerprint);
    expect(new Set(texts).size).toBe(texts.length);
    expect(fingerprint({ a: [1, 'x', { b: true }] })).toBe(fingerprint({ a: [1, 'x', { b: true }] }));
    expect(fingerprint({ f: () => 1 })).toBeNull();
    expect(fingerprint(new Date(0))).toBeNull();
  });
});

describe('citation cache', () => {
  const sources = new Map([azernews, anama, trend].map((s) => [s.id, s]));
  const clusters: CitationCluster[] = [
    { id: 'n1', sourceIds: ['azernews'] },
    { id: 'n2', sourceIds: ['anama', 'azernews'] },
    { id: 'n3', sourceIds: ['azernews'] },
  ];

  it('keys on the clusters and the fields of the cited sources, nothing else', () => {
    const key = citationCacheKey('chicago|en-GB', clusters, sources);
    expect(citationCacheKey('chicago|en-GB', clusters.map((c) => ({ ...c })), new Map(sources))).toBe(key);
    expect(citationCacheKey('apa|en-GB', clusters, sources)).not.toBe(key);
    expect(citationCacheKey('chicago|en-US', clusters, sources)).not.toBe(key);
    // Any field the formatter reads, of a cited source.
    for (const change of [{ title: 'Other' }, { outlet: 'Other' }, { via: 'Other' }, { published: '2024' }, { authors: [] }, { language: 'ru' }, { type: 'webpage' as const }, { url: 'https://example.org/' }]) {
      expect(citationCacheKey('chicago|en-GB', clusters, new Map(sources).set('azernews', { ...azernews, ...change }))).not.toBe(key);
    }
    // Order, membership and ids of clusters.
    expect(citationCacheKey('chicago|en-GB', [...clusters].reverse(), sources)).not.toBe(key);
    expect(citationCacheKey('chicago|en-GB', clusters.slice(1), sources)).not.toBe(key);
    expect(citationCacheKey('chicago|en-GB', [{ id: 'n1', sourceIds: ['azernews', 'anama'] }, ...clusters.slice(1)], sources)).not.toBe(key);
    // A cited source deleted from the library.
    const withoutAnama = new Map(sources);
    withoutAnama.delete('anama');
    expect(citationCacheKey('chicago|en-GB', clusters, withoutAnama)).not.toBe(key);
    // Not cited, or not read by the formatter: no difference.
    expect(citationCacheKey('chicago|en-GB', clusters, new Map(sources).set('trend', { ...trend, title: 'Changed' }))).toBe(key);
    expect(citationCacheKey('chicago|en-GB', clusters, new Map(sources).set('azernews', { ...azernews, text: 'Full text', note: 'n', updatedAt: '2026-01-01T00:00:00.000Z' }))).toBe(key);
  });

  it('answers a repeat from the cache with an equal copy, and formats again when a cited source changes', () => {
    const inner = countingFormatter();
    const cached = withCitationCache(inner, 'chicago|en-GB', sources);
    const first = cached.format(clusters);
    const second = cached.format(clusters);
    expect(inner.calls).toBe(1);
    expect(second).toEqual(first);
    second.citations[0]![0]!.text = 'mutated by a caller';
    expect(cached.format(clusters)).toEqual(first);
    expect(inner.calls).toBe(1);

    const changed = withCitationCache(inner, 'chicago|en-GB', new Map(sources).set('anama', { ...anama, title: 'Annual report 2025' }));
    changed.format(clusters);
    expect(inner.calls).toBe(2);
    setRenderCaching(false);
    cached.format(clusters);
    expect(inner.calls).toBe(3);
  });
});

describe('chart SVG cache', () => {
  const facts = new Map([fact('f1', 'azernews', 388, '2025-11-30'), fact('f2', 'anama', 120, '2024-12-31')].map((f) => [f.id, f]));
  const sources = new Map([azernews, anama].map((s) => [s.id, s]));
  const chart = makeChart({ id: 'chart-1', title: 'Casualties', factIds: ['f1', 'f2'] });
  const options: ChartDrawOptions = { width: 471, height: 265, showTitle: false };

  it('draws the same model once, and again when a fact, source, chart or size changes', () => {
    let draws = 0;
    const draw = (model: Parameters<typeof renderChartSvg>[0], o: ChartDrawOptions) => {
      draws += 1;
      return renderChartSvg(model, o);
    };
    const svg = (c: Chart, f: Map<string, Fact>, s: Map<string, Source>, o = options) => cachedChartSvg(buildChartModel(c, { facts: f, sources: s }), o, draw);
    const first = svg(chart, facts, sources);
    expect(svg(chart, facts, sources)).toBe(first);
    expect(draws).toBe(1);
    expect(first).toBe(renderChartSvg(buildChartModel(chart, { facts, sources }), options));

    const changedFact = svg(chart, new Map(facts).set('f2', { ...facts.get('f2')!, value: 121 }), sources);
    expect(draws).toBe(2);
    expect(changedFact).not.toBe(first);
    svg(chart, facts, new Map(sources).set('anama', { ...anama, outlet: 'Mine Action Agency' }));
    svg({ ...chart, type: 'bar-horizontal' }, facts, sources);
    svg(chart, facts, sources, { ...options, width: 236 });
    expect(draws).toBe(5);
    expect(svg(chart, facts, sources)).toBe(first);
    expect(draws).toBe(5);
  });
});

describe('PDF export with the caches', () => {
  const facts = new Map([fact('f1', 'azernews', 388, '2025-11-30'), fact('f2', 'anama', 120, '2024-12-31'), fact('f3', 'trend', 52, '2025-09')].map((f) => [f.id, f]));
  const sources = new Map([azernews, anama, trend].map((s) => [s.id, s]));
  const chart = makeChart({ id: 'chart-1', title: 'Casualties', factIds: ['f1', 'f2'] });
  const report = makeReport({
    id: 'report-1',
    title: 'Cache test',
    date: '2026-01-10',
    reference: 'BN-1',
    sections: [
      {
        id: 's1',
        heading: 'Summary',
        blocks: [
          {
            kind: 'paragraph',
            content: [
              { kind: 'text', text: 'Casualties: ' },
              { kind: 'fact', factId: 'f1' },
              { kind: 'text', text: '. Released: ' },
              { kind: 'fact', factId: 'f2' },
              { kind: 'text', text: '. Families: ' },
              { kind: 'fact', factId: 'f3' },
              { kind: 'text', text: '. Again: ' },
              { kind: 'fact', factId: 'f1' },
            ],
          },
          { kind: 'chart', chartId: 'chart-1', width: 'full' },
        ],
      },
    ],
  });
  const render = async (input: { facts?: Map<string, Fact>; sources?: Map<string, Source> } = {}) =>
    (await createReportExporter().render({ report, facts: input.facts ?? facts, sources: input.sources ?? sources, charts: new Map([[chart.id, chart]]) })).bytes;
  const uncached = async (input: Parameters<typeof render>[0] = {}) => {
    setRenderCaching(false);
    try {
      return await render(input);
    } finally {
      setRenderCaching(true);
    }
  };

  it('warms up once, without changing what an export gives', async () => {
    const before = await uncached();
    const warming = warmUpPdf();
    expect(warmUpPdf()).toBe(warming);
    await expect(warming).resolves.toBeUndefined();
    expect(Buffer.from(await render()).equals(Buffer.from(before))).toBe(true);
  }, 60_000);

  it('gives the bytes of an uncached render, before and after an edit to a fact or a source', async () => {
    clearRenderCaches();
    const before = renderCacheStats();
    const first = await render();
    const second = await render();
    const after = renderCacheStats();
    expect(after.citationHits - before.citationHits).toBe(1);
    expect(after.chartHits - before.chartHits).toBe(1);
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    expect(Buffer.from(await uncached()).equals(Buffer.from(first))).toBe(true);

    const editedFacts = new Map(facts).set('f2', { ...facts.get('f2')!, value: 150 });
    const withFact = await render({ facts: editedFacts });
    expect(Buffer.from(withFact).equals(Buffer.from(first))).toBe(false);
    expect(Buffer.from(withFact).equals(Buffer.from(await uncached({ facts: editedFacts })))).toBe(true);

    const editedSources = new Map(sources).set('azernews', { ...azernews, title: 'Mine clearance in Ağdam goes on' });
    const withSource = await render({ sources: editedSources });
    expect(Buffer.from(withSource).equals(Buffer.from(first))).toBe(false);
    expect(Buffer.from(withSource).equals(Buffer.from(await uncached({ sources: editedSources })))).toBe(true);
  }, 60_000);
});

// ---------------------------------------------------------------------------------------------
// citeproc-js: the two shortcuts give what the slow path gives
// ---------------------------------------------------------------------------------------------

/** Deterministic sources with clashing names, titles and years, of every type we produce. */
const randomLibrary = (seed: number, count: number): Source[] => {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
  const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)]!;
  const families = ['Əliyev', 'Aliyev', 'Smith', 'Smith', 'de la Cruz', 'Ivanov'];
  return Array.from({ length: count }, (_, i) =>
    makeSource({
      id: `s${i}`,
      type: pick(['article-newspaper', 'article-magazine', 'webpage', 'report', 'press-release', 'document'] as const),
      title: pick(['Mine clearance in Ağdam', 'Mine clearance in Ağdam', 'The annual report on mine action', 'Комментарии экспертов', 'An <i>x</i> & y']),
      outlet: pick(['Azernews', 'ANAMA', 'РИА Новости', null]),
      authors: Array.from({ length: pick([0, 1, 1, 2, 4]) }, () => (next() < 0.2 ? { literal: 'Mine Action Agency' } : { family: pick(families), given: pick(['Şahin', 'J.', 'Anna']) })),
      published: pick(['2025', '2025', '2025-03', '2025-12-24', null]),
      language: pick(['en', 'ru']),
    }),
  );
};

const randomClusters = (seed: number, ids: readonly string[], count: number): CitationCluster[] => {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
  return Array.from({ length: count }, (_, i) => ({
    id: `n${i + 1}`,
    sourceIds: [...new Set(Array.from({ length: next() < 0.7 ? 1 : 2 + Math.floor(next() * 2) }, () => ids[Math.floor(next() * ids.length)]!))],
  }));
};

describe('citations: repeated clusters formatted once (notes styles)', () => {
  for (const style of ['chicago', 'apa'] as const) {
    it(`${style}: the same notes and bibliography as formatting every cluster`, () => {
      const proto = (CSL as unknown as { Engine: { prototype: { rebuildProcessorState: (citations: unknown[], ...rest: unknown[]) => unknown } } }).Engine.prototype;
      const rebuild = proto.rebuildProcessorState;
      const sent: number[] = [];
      proto.rebuildProcessorState = function (this: unknown, citations: unknown[], ...rest: unknown[]) {
        sent.push(citations.length);
        return rebuild.call(this, citations, ...rest);
      };
      try {
        for (let trial = 0; trial < 6; trial++) {
          const items = randomLibrary(100 + trial, 3 + trial);
          const clusters = randomClusters(200 + trial, [...items.map((s) => s.id), 'missing-source'], 40);
          const options = { styleXml: cslStyleXml(style), locales: CSL_LOCALES, items, style, lang: trial % 2 ? 'en-US' : 'en-GB' };
          sent.length = 0;
          const shared = createCitationFormatter(options).format(clusters);
          const every = createCitationFormatter({ ...options, shareRepeatedCitations: false }).format(clusters);
          expect(shared).toEqual(every);
          // Chicago: fewer clusters went through citeproc-js. APA sorts cites within a cluster,
          // which citeproc-js does with the state of the moment: every cluster goes through.
          if (style === 'chicago') expect(sent[0]).toBeLessThan(sent[1]!);
          else expect(sent[0]).toBe(sent[1]);
        }
      } finally {
        proto.rebuildProcessorState = rebuild;
      }
    }, 60_000);
  }
});

describe('citeproc-js engines with sort-key macros compiled once', () => {
  type Engine = {
    opt: { development_extensions: Record<string, unknown> };
    rebuildProcessorState(citations: unknown[], mode: string): unknown;
    restoreProcessorState(citations: unknown[]): void;
    makeBibliography(): unknown;
    retrieveItem(id: string): unknown;
  };
  const internals = CSL as unknown as { Engine: new (...args: unknown[]) => Engine; getSortKeys: (this: Engine, item: unknown, area: string) => string[] };

  for (const style of ['chicago', 'apa'] as const) {
    it(`${style}: the same sort keys, citations and bibliography as a stock engine`, () => {
      // Any formatter installs the patches; then build one engine each way.
      createCitationFormatter({ styleXml: cslStyleXml(style), locales: CSL_LOCALES, items: [], style }).format([]);
      const items = new Map<string, unknown>();
      const build = () => {
        const engine = new internals.Engine({ retrieveLocale: (tag: string) => CSL_LOCALES[tag] ?? CSL_LOCALES['en-US'], retrieveItem: (id: string) => items.get(id) }, cslStyleXml(style), 'en-GB', true);
        engine.opt.development_extensions.wrap_url_and_doi = false;
        return engine;
      };
      setSortMacroSharing(false);
      const stock = build();
      setSortMacroSharing(true);
      const shared = build();
      const sortTokens = (engine: Engine) => (engine as unknown as { bibliography_sort: { tokens: unknown[] } }).bibliography_sort.tokens.length;
      expect(sortTokens(shared) * 10).toBeLessThan(sortTokens(stock)); // the stock engine inlined its sort macros
      const run = (engine: Engine, clusters: CitationCluster[]) => {
        engine.restoreProcessorState([]);
        const notes = engine.rebuildProcessorState(
          clusters.map((c, i) => ({ citationID: c.id, citationItems: c.sourceIds.map((id) => ({ id })), properties: { noteIndex: style === 'chicago' ? i + 1 : 0 } })),
          'html',
        );
        const keys = [...items.keys()].map((id) => {
          const item = engine.retrieveItem(id);
          return [internals.getSortKeys.call(engine, item, 'bibliography_sort').slice(), internals.getSortKeys.call(engine, item, 'citation_sort').slice()];
        });
        return JSON.stringify([notes, engine.makeBibliography(), keys]);
      };
      for (let trial = 0; trial < 8; trial++) {
        items.clear();
        for (const s of randomLibrary(300 + trial, 2 + trial)) items.set(s.id, sourceToCsl(s, { includeUrls: trial % 2 === 0 }));
        const clusters = randomClusters(400 + trial, [...items.keys()], 15);
        expect(run(shared, clusters)).toBe(run(stock, clusters));
      }
    }, 120_000);
  }
});
