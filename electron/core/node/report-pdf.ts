import { buildChartModel, type ChartModel } from '../charts/chart-model';
import type { ChartRenderer } from '../charts/chart-ports';
import { createCitationFormatter } from '../citations';
import { libraryPatchesActive } from '../library-patches';
import { chartFrameSize } from '../../shared/domain/chart-frame';
import { buildReportDocument, formattingLocale, type ChartSvg } from '../report';
import type { ReportRenderer } from '../reports/report-ports';
import type { Chart, Fact, Report, Source } from '../../shared/entities';
import { chartFontFiles, renderChartSvg } from './chart-renderer';
import { loadCslResources, renderPdfDocument } from './pdf-renderer';
import { cachedChartSvg, withCitationCache } from './render-cache';

/** The size the page gives a chart (shared/domain/chart-frame.ts: the previews use the same rule). */
export const plannedChartSize = (pageSize: 'A4' | 'LETTER', column: 'full' | 'half', model: ChartModel) =>
  chartFrameSize({ pageSize, column, type: model.type, categoryCount: model.categories.length });

/** CSL locales are en-US and en-GB; other report languages fall back to en-GB terms. */
const citationLocale = (language: string): string => (language === 'en-US' ? 'en-US' : 'en-GB');

export const createNodeChartRenderer = (): ChartRenderer => ({
  renderSvg: async (model, options) => renderChartSvg(model, options),
});

/**
 * Repeat exports (the live preview renders the whole report on every edit) take unchanged
 * citations and chart drawings from render-cache.ts; its keys are the inputs themselves, so the
 * bytes are those of a fresh render.
 */
export const createPdfReportRenderer = (): ReportRenderer => ({
  render: async ({ report, facts, sources, charts }) => {
    const csl = loadCslResources();
    const lang = citationLocale(report.language);
    const citations = withCitationCache(
      createCitationFormatter({
        styleXml: csl.styles[report.citationStyle],
        locales: csl.locales,
        items: [...sources.values()],
        style: report.citationStyle,
        lang,
      }),
      // Notes formatted with the library patches are kept apart from those formatted without.
      `${report.citationStyle}|${lang}|no-urls|${libraryPatchesActive() ? 'patched' : 'stock'}`,
      sources,
    );
    // Keyed by chart ids, which are data: no prototype to answer for "constructor" or "__proto__".
    const chartSvgs = Object.create(null) as Record<string, ChartSvg>;
    const widthByChart = new Map<string, 'full' | 'half'>();
    for (const block of report.sections.flatMap((section) => section.blocks)) {
      if (block.kind === 'chart' && !widthByChart.has(block.chartId)) widthByChart.set(block.chartId, block.width);
    }
    const fonts = chartFontFiles();
    for (const chart of charts.values()) {
      // Charts write numbers and dates in the report's language, like its text (issue 11 §3).
      const model = buildChartModel(chart, { facts, sources, locale: formattingLocale(report.language) });
      const size = plannedChartSize(report.pageSize, widthByChart.get(chart.id) ?? 'full', model);
      chartSvgs[chart.id] = {
        // The PDF prints the title as the figure caption and builds the numbered source line.
        svg: cachedChartSvg(model, { ...size, showTitle: false }, renderChartSvg, [fonts.normal, fonts.bold]),
        ...size,
        caption: chart.caption || chart.title,
        altText: model.altText,
      };
    }
    const definition = buildReportDocument({ report, facts, sources, charts, chartSvgs, citations });
    const { bytes, pageCount } = await renderPdfDocument(definition);
    return { bytes, base64: Buffer.from(bytes).toString('base64'), pageCount };
  },
});

let warming: Promise<void> | null = null;

const WARM_UP_TIME = '2000-01-01T00:00:00.000Z';

/** A small report that goes through every stage of an export: notes, a bibliography, each chart type. */
const warmUpInput = () => {
  const source: Source = {
    id: 'warm-up-source',
    type: 'article-newspaper',
    title: 'Warm-up',
    outlet: 'Warm-up',
    via: null,
    authors: [{ family: 'Warm', given: 'Up' }],
    published: '2020-01-02',
    language: 'en',
    url: null,
    text: '',
    origin: null,
    note: '',
    revision: 1,
    createdAt: WARM_UP_TIME,
    updatedAt: WARM_UP_TIME,
  };
  const facts = [1, 2, 3].map(
    (n): Fact => ({
      id: `warm-up-${n}`,
      sourceId: source.id,
      statement: `Figure ${n}`,
      value: n * 10,
      unit: '%',
      qualifier: null,
      asOf: `202${n}-01-01`,
      quote: '',
      quoteStart: null,
      tags: [],
      indicator: null,
      supersededBy: null,
      note: '',
      revision: 1,
      createdAt: WARM_UP_TIME,
      updatedAt: WARM_UP_TIME,
    }),
  );
  const types: Chart['type'][] = ['bar-vertical', 'bar-horizontal', 'bar-grouped', 'bar-stacked', 'line', 'donut', 'big-number'];
  const charts = types.map(
    (type): Chart => ({
      id: `warm-up-${type}`,
      type,
      title: 'Warm-up',
      subtitle: '',
      factIds: facts.map((fact) => fact.id),
      indicator: null,
      options: {},
      altText: '',
      caption: '',
      revision: 1,
      createdAt: WARM_UP_TIME,
      updatedAt: WARM_UP_TIME,
    }),
  );
  const report: Report = {
    id: 'warm-up',
    template: 'briefing-note',
    title: 'Warm-up',
    subtitle: 'Warm-up',
    recipient: '',
    author: '',
    date: '2020-01-02',
    language: 'en',
    marking: 'OFFICIAL',
    reference: 'W-1',
    fields: {},
    citationStyle: 'chicago',
    pageSize: 'A4',
    tableOfContents: false,
    evidenceAnnex: false,
    staleAfterMonths: 24,
    figureDecisions: [],
    sections: [
      {
        id: 'warm-up-section',
        heading: 'Warm-up',
        blocks: [
          { kind: 'paragraph', content: facts.flatMap((fact) => [{ kind: 'text' as const, text: 'Figure: ' }, { kind: 'fact' as const, factId: fact.id }]) },
          ...charts.map((chart) => ({ kind: 'chart' as const, chartId: chart.id, width: chart.type === 'donut' ? ('half' as const) : ('full' as const) })),
        ],
      },
    ],
    revision: 1,
    createdAt: WARM_UP_TIME,
    updatedAt: WARM_UP_TIME,
  };
  return { report, facts: new Map(facts.map((fact) => [fact.id, fact])), sources: new Map([[source.id, source]]), charts: new Map(charts.map((chart) => [chart.id, chart])) };
};

/**
 * Does in the background what the first export would otherwise pay for: loads pdfmake, parses
 * the fonts, builds the citeproc-js engine for the default style (Chicago, en-GB) and runs one
 * small export through every stage (notes, bibliography, each chart type, the PDF), so the code
 * the first real export runs is compiled. Safe to call more than once (one warm-up per process)
 * and alongside exports; it changes no output (what it leaves are shared font parses, the engine
 * and a few cache entries) and never rejects. Hosts can call it shortly after start.
 */
export const warmUpPdf = (): Promise<void> =>
  (warming ??= (async () => {
    try {
      await createPdfReportRenderer().render(warmUpInput());
    } catch {
      // Warming is best effort: the first export reports any real problem.
    }
  })());
