import type { ChartDrawer } from '../../core/charts/chart-ports';
import type { ReportExporter } from '../../core/reports/report-ports';
import type * as ReportPdf from '../pdf/report-exporter';

/**
 * pdfmake, citeproc and ECharts take a second or more to load; the CLI's `status` and the
 * server's start need none of them. They load on the first render instead.
 */
let loading: Promise<typeof ReportPdf> | null = null;
const loadPdfModule = () => (loading ??= import('../pdf/report-exporter'));

export const createLazyReportExporter = (): ReportExporter => ({
  render: async (input) => (await loadPdfModule()).createReportExporter().render(input),
});

export const createLazyChartDrawer = (): ChartDrawer => ({
  renderSvg: async (model, options) => (await loadPdfModule()).createChartDrawer().renderSvg(model, options),
});

/**
 * Loads the export libraries and runs one small export in the background, a few seconds after
 * the host has started (so the first screen is not slowed), so that the user's first preview
 * does not pay for it. Best effort: never rejects, and the timer does not keep a process alive.
 */
export const warmUpRenderersSoon = (delayMs = 3000): void => {
  setTimeout(() => {
    void loadPdfModule()
      .then((module) => module.warmUpPdf())
      .catch(() => undefined);
  }, delayMs).unref();
};
