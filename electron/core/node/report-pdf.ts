import { buildChartModel, type ChartModel } from '../charts/chart-model';
import type { ChartRenderer } from '../charts/chart-ports';
import { createCitationFormatter } from '../citations';
import { buildReportDocument, chartWidthFor, type ChartSvg } from '../report';
import type { ReportRenderer } from '../reports/report-ports';
import { renderChartSvg } from './chart-renderer';
import { loadCslResources, renderPdfDocument } from './pdf-renderer';

/**
 * Charts are drawn at the width of their column, so type stays at its real size: 16:9 at full
 * width, 4:3 at half width where labels need the height.
 */
const chartSize = (pageSize: 'A4' | 'LETTER', width: 'full' | 'half', model: ChartModel) => {
  const drawnWidth = chartWidthFor(pageSize, width);
  const frameHeight = Math.round(drawnWidth * (width === 'half' ? 0.75 : 0.5625));
  // Horizontal bars grow with their count: two bars in a 16:9 frame look like slabs.
  if (model.type === 'bar-horizontal') return { width: drawnWidth, height: Math.min(frameHeight, 80 + 34 * Math.max(1, model.categories.length)) };
  if (model.type === 'big-number') return { width: drawnWidth, height: Math.min(frameHeight, 150) };
  return { width: drawnWidth, height: frameHeight };
};

/** CSL locales are en-US and en-GB; other report languages fall back to en-GB terms. */
const citationLocale = (language: string): string => (language === 'en-US' ? 'en-US' : 'en-GB');

export const createNodeChartRenderer = (): ChartRenderer => ({
  renderSvg: async (model, options) => renderChartSvg(model, options),
});

export const createPdfReportRenderer = (): ReportRenderer => ({
  render: async ({ report, facts, sources, charts }) => {
    const csl = loadCslResources();
    const citations = createCitationFormatter({
      styleXml: csl.styles[report.citationStyle],
      locales: csl.locales,
      items: [...sources.values()],
      style: report.citationStyle,
      lang: citationLocale(report.language),
    });
    const chartSvgs: Record<string, ChartSvg> = {};
    const widthByChart = new Map<string, 'full' | 'half'>();
    for (const block of report.sections.flatMap((section) => section.blocks)) {
      if (block.kind === 'chart' && !widthByChart.has(block.chartId)) widthByChart.set(block.chartId, block.width);
    }
    for (const chart of charts.values()) {
      const model = buildChartModel(chart, { facts, sources });
      const size = chartSize(report.pageSize, widthByChart.get(chart.id) ?? 'full', model);
      chartSvgs[chart.id] = {
        // The PDF prints the title as the figure caption and builds the numbered source line.
        svg: renderChartSvg(model, { ...size, showTitle: false }),
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
