import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { buildChartModel, type ChartModel } from '../charts/chart-model';
import type { ChartDrawOptions } from '../charts/chart-ports';
import { createCitationFormatter, type CitationStyleId } from '../citations';
import { libraryPatchesActive } from '../../patches/versions';
import { chartFrameSize } from '../../shared/domain/chart-frame';
import type { Report } from '../../shared/entities';
import type { RenderInput } from '../reports/report-ports';
import { buildPdfDefinition, type ChartSvg } from './pdf-definition';
import { formattingLocale } from './report-text';
import { cachedChartSvg, withCitationCache } from './render-cache';

/**
 * The export pipeline, top to bottom: gather (the report's citations and chart models) → plan
 * (each chart's size on the page, the locale, the citation terms) → definition (pdf-definition.ts,
 * a pdfmake document definition) → bytes (the PDF writer, an adapter). Everything that needs
 * Node arrives through `ExportPorts`, so this file reads the same in any host.
 */

export type ExportInput = RenderInput;

export interface ExportPorts {
  /** The bundled CSL styles and locales (always has en-US). */
  csl: { styles: Record<CitationStyleId, string>; locales: Record<string, string> };
  /** Draws a chart model as SVG, synchronously (adapters/charts). */
  drawChart: (model: ChartModel, options: ChartDrawOptions) => string;
  /** What the drawing depends on besides its input (the font files): part of the cache key. */
  chartDrawingKey: readonly string[];
  /** A definition to PDF bytes (adapters/pdf/pdf-writer.ts). */
  writePdf: (definition: TDocumentDefinitions) => Promise<{ bytes: Uint8Array; pageCount: number }>;
}

/** The size the page gives a chart (shared/domain/chart-frame.ts: the previews use the same rule). */
export const plannedChartSize = (pageSize: 'A4' | 'LETTER', column: 'full' | 'half', model: ChartModel) =>
  chartFrameSize({ pageSize, column, type: model.type, categoryCount: model.categories.length });

/** CSL locales are en-US and en-GB; other report languages fall back to en-GB terms. */
const citationLocale = (language: string): string => (language === 'en-US' ? 'en-US' : 'en-GB');

/** Gather: the citation formatter for the report's style and language, behind the repeat-export cache. */
const gatherCitations = ({ report, sources }: ExportInput, ports: ExportPorts) => {
  const lang = citationLocale(report.language);
  return withCitationCache(
    createCitationFormatter({
      styleXml: ports.csl.styles[report.citationStyle],
      locales: ports.csl.locales,
      items: [...sources.values()],
      style: report.citationStyle,
      lang,
    }),
    // Notes formatted with the library patches are kept apart from those formatted without.
    `${report.citationStyle}|${lang}|no-urls|${libraryPatchesActive() ? 'patched' : 'stock'}`,
    sources,
  );
};

/** The column each chart first appears in; a chart placed nowhere is planned full width. */
const chartColumns = (report: Report): Map<string, 'full' | 'half'> => {
  const widthByChart = new Map<string, 'full' | 'half'>();
  for (const block of report.sections.flatMap((section) => section.blocks)) {
    if (block.kind === 'chart' && !widthByChart.has(block.chartId)) widthByChart.set(block.chartId, block.width);
  }
  return widthByChart;
};

/** Plan and draw: every chart at the size its column gives it, in the report's number locale. */
const drawCharts = ({ report, facts, sources, charts }: ExportInput, ports: ExportPorts): Record<string, ChartSvg> => {
  // Keyed by chart ids, which are data: no prototype to answer for "constructor" or "__proto__".
  const chartSvgs = Object.create(null) as Record<string, ChartSvg>;
  const columns = chartColumns(report);
  for (const chart of charts.values()) {
    // Charts write numbers and dates in the report's language, like its text.
    const model = buildChartModel(chart, { facts, sources, locale: formattingLocale(report.language) });
    const size = plannedChartSize(report.pageSize, columns.get(chart.id) ?? 'full', model);
    chartSvgs[chart.id] = {
      // The PDF prints the title as the figure caption and builds the numbered source line.
      svg: cachedChartSvg(model, { ...size, showTitle: false }, ports.drawChart, ports.chartDrawingKey),
      ...size,
      caption: chart.caption || chart.title,
      altText: model.altText,
    };
  }
  return chartSvgs;
};

/**
 * One report to PDF bytes. Repeat exports (the live preview renders the whole report on every
 * edit) take unchanged citations and chart drawings from render-cache.ts; its keys are the inputs
 * themselves, so the bytes are those of a fresh render.
 */
export const exportReport = async (input: ExportInput, ports: ExportPorts): Promise<{ bytes: Uint8Array; pageCount: number }> => {
  const citations = gatherCitations(input, ports);
  const chartSvgs = drawCharts(input, ports);
  const definition = buildPdfDefinition({ ...input, chartSvgs, citations });
  return ports.writePdf(definition);
};
