import { exportReport, type ExportPorts } from '../../core/export/export-report';
import type { ChartDrawer } from '../../core/charts/chart-ports';
import type { ReportExporter } from '../../core/reports/report-ports';
import { renderChartSvg } from '../charts/chart-svg';
import { reportFontPaths } from '../fonts';
import { loadCslResources, writePdf } from './pdf-writer';
import { warmUpInput } from './warm-up-report';

/** The Node side of the export pipeline (core/export/export-report.ts): CSL files, ECharts and fonts, pdfmake. */
const nodeExportPorts = (): ExportPorts => {
  const fonts = reportFontPaths();
  return { csl: loadCslResources(), drawChart: renderChartSvg, chartDrawingKey: [fonts.normal, fonts.bold], writePdf };
};

export const createChartDrawer = (): ChartDrawer => ({
  renderSvg: async (model, options) => renderChartSvg(model, options),
});

export const createReportExporter = (): ReportExporter => ({
  render: async (input) => {
    const { bytes, pageCount } = await exportReport(input, nodeExportPorts());
    return { bytes, base64: Buffer.from(bytes).toString('base64'), pageCount };
  },
});

let warming: Promise<void> | null = null;

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
      await createReportExporter().render(warmUpInput());
    } catch {
      // Warming is best effort: the first export reports any real problem.
    }
  })());
